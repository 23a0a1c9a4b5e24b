package org.pxrd.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pxrd.model.Structure;

/**
 * The pointwise distance distribution (PDD) of a periodic crystal (Widdowson &amp; Kurlin, "Resolving the data
 * ambiguity for periodic crystals", NeurIPS 2022), compared by the earth mover's distance.
 *
 * <p>For a periodic set with motif p₁..p_m, row i holds the sorted distances (Å) from pᵢ to its k nearest neighbours
 * in the whole periodic set, with weight 1/m. Rows that agree within the collapse tolerance (L∞, Å) are merged into
 * one whose weight is the sum (the first row in lexicographic order represents the group), and the rows are
 * ordered lexicographically. PDD is invariant under isometries and the choice of cell, and finer than AMD: AMD is
 * the weighted mean of the rows. Two PDDs are compared by the earth mover's distance with the L∞ distance between
 * rows as ground metric ({@link EarthMoversDistance}); |AMD(S) − AMD(Q)|∞ ≤ EMD(PDD(S), PDD(Q)).
 *
 * <p>Weights are kept exact as counts out of m.
 */
public final class PointwiseDistanceDistribution {

    /**
     * Rows closer than this (Å, L∞) are merged: far below any physical difference and above the rounding of
     * coordinates in files with 5-6 decimals times typical cell lengths (the reference package's default).
     */
    public static final double DEFAULT_COLLAPSE_TOLERANCE = 1e-4;

    private final double[][] rows;
    private final int[] counts;
    private final int motifSize;

    private PointwiseDistanceDistribution(double[][] rows, int[] counts, int motifSize) {
        this.rows = rows;
        this.counts = counts;
        this.motifSize = motifSize;
    }

    /** The PDD with k neighbours per atom and the default collapse tolerance. */
    public static PointwiseDistanceDistribution of(Structure structure, int k) {
        return of(structure, k, DEFAULT_COLLAPSE_TOLERANCE);
    }

    /**
     * The PDD with k neighbours per atom.
     *
     * @param collapseTolerance rows within this L∞ distance (Å) are merged; 0 merges only identical rows
     */
    public static PointwiseDistanceDistribution of(Structure structure, int k, double collapseTolerance) {
        if (!(collapseTolerance >= 0) || !Double.isFinite(collapseTolerance)) {
            throw new IllegalArgumentException("collapse tolerance " + collapseTolerance + " Å must be >= 0");
        }
        double[][] raw = NeighbourDistances.of(structure, k);
        double[][] sorted = raw.clone();
        Arrays.sort(sorted, PointwiseDistanceDistribution::lexicographic);
        List<double[]> kept = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (double[] row : sorted) {
            int group = -1;
            for (int g = 0; g < kept.size() && group < 0; g++) {
                if (chebyshev(kept.get(g), row) <= collapseTolerance) {
                    group = g;
                }
            }
            if (group < 0) {
                kept.add(row);
                counts.add(1);
            } else {
                counts.set(group, counts.get(group) + 1);
            }
        }
        return new PointwiseDistanceDistribution(kept.toArray(new double[0][]),
                counts.stream().mapToInt(Integer::intValue).toArray(), raw.length);
    }

    /** Number of (collapsed) rows. */
    public int rowCount() {
        return rows.length;
    }

    /** Row i: sorted neighbour distances in Å (a copy). */
    public double[] row(int i) {
        return rows[i].clone();
    }

    /** Weight of row i: the fraction of the motif's atoms it stands for. */
    public double weight(int i) {
        return (double) counts[i] / motifSize;
    }

    /** k, the number of distances per row. */
    public int k() {
        return rows[0].length;
    }

    /** The number of atoms m of the motif. */
    public int motifSize() {
        return motifSize;
    }

    /** The AMD vector: the weighted mean of the rows (Å). */
    public double[] averageMinimumDistance() {
        double[] amd = new double[k()];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < amd.length; j++) {
                amd[j] += counts[i] * rows[i][j];
            }
        }
        for (int j = 0; j < amd.length; j++) {
            amd[j] /= motifSize;
        }
        return amd;
    }

    /**
     * The earth mover's distance to another PDD with the same k, ground metric L∞ between rows (Å).
     *
     * @throws IllegalArgumentException when the numbers of neighbours differ
     */
    public double emd(PointwiseDistanceDistribution other) {
        if (other.k() != k()) {
            throw new IllegalArgumentException("PDDs with different k: " + k() + " and " + other.k());
        }
        double[][] cost = new double[rows.length][other.rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < other.rows.length; j++) {
                cost[i][j] = chebyshev(rows[i], other.rows[j]);
            }
        }
        long[] supply = new long[rows.length];
        long[] demand = new long[other.rows.length];
        for (int i = 0; i < supply.length; i++) {
            supply[i] = (long) counts[i] * other.motifSize;
        }
        for (int j = 0; j < demand.length; j++) {
            demand[j] = (long) other.counts[j] * motifSize;
        }
        return EarthMoversDistance.transport(supply, demand, cost) / ((double) motifSize * other.motifSize);
    }

    static double chebyshev(double[] a, double[] b) {
        double d = 0;
        for (int j = 0; j < a.length; j++) {
            d = Math.max(d, Math.abs(a[j] - b[j]));
        }
        return d;
    }

    private static int lexicographic(double[] a, double[] b) {
        for (int j = 0; j < a.length; j++) {
            int c = Double.compare(a[j], b[j]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
