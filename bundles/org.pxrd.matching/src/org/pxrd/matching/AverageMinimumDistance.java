package org.pxrd.matching;

import org.pxrd.model.Structure;

/**
 * The average minimum distance (AMD) invariant of a periodic crystal (Widdowson, Mosca, Pulido, Cooper, Kurlin,
 * "Average minimum distances of periodic point sets - foundational invariants for mapping periodic crystals",
 * MATCH Commun. Math. Comput. Chem. 87 (2022) 529; Widdowson &amp; Kurlin, NeurIPS 2022).
 *
 * <p>For a periodic set S with motif p₁..p_m (the atoms of one cell) and k ≥ 1,
 * AMD_k(S) = (1/m) Σᵢ d_ik, where d_ik is the distance (Å) from pᵢ to its k-th nearest neighbour in the whole
 * periodic set. AMD is invariant under isometries and the choice of cell (it does not change for a supercell or
 * another basis), ignores species, and is continuous under perturbations of atoms. Two structures are compared by
 * a distance between their AMD vectors: L∞ (max over k of |AMD_k(S) − AMD_k(Q)|, the default) or L2, both in Å.
 */
public final class AverageMinimumDistance {

    /** How two AMD vectors are compared. */
    public enum Metric {
        /** max_k |a_k − b_k| (Å), the default of the AMD papers. */
        LINF,
        /** √(Σ_k (a_k − b_k)²) (Å). */
        L2;

        /** The metric named {@code linf} or {@code l2} (case-insensitive). */
        public static Metric parse(String name) {
            return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "linf", "chebyshev" -> LINF;
                case "l2", "euclidean" -> L2;
                default -> throw new IllegalArgumentException("unknown AMD metric '" + name + "' (expected linf or l2)");
            };
        }
    }

    private AverageMinimumDistance() {
    }

    /**
     * AMD_1..AMD_k of a structure (Å), element j−1 holding AMD_j.
     *
     * @throws IllegalArgumentException when k &lt; 1
     */
    public static double[] of(Structure structure, int k) {
        return mean(NeighbourDistances.of(structure, k));
    }

    /** The mean of the rows of a distance matrix (every row has weight 1/m). */
    static double[] mean(double[][] rows) {
        double[] amd = new double[rows[0].length];
        for (double[] row : rows) {
            for (int j = 0; j < amd.length; j++) {
                amd[j] += row[j];
            }
        }
        for (int j = 0; j < amd.length; j++) {
            amd[j] /= rows.length;
        }
        return amd;
    }

    /** The distance between two AMD vectors of the same length (Å). */
    public static double distance(double[] a, double[] b, Metric metric) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("AMD vectors of different lengths: " + a.length + " and " + b.length);
        }
        double result = 0;
        for (int j = 0; j < a.length; j++) {
            double d = Math.abs(a[j] - b[j]);
            result = metric == Metric.LINF ? Math.max(result, d) : result + d * d;
        }
        return metric == Metric.LINF ? result : Math.sqrt(result);
    }
}
