package org.pxrd.study.landscape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A computed loss landscape: the loss L(x, y) on a grid over two lattice parameters, the other parameters and
 * the fractional coordinates at the truth, against the truth's own simulated pattern; its local minima; and
 * refinement trajectories drawn on it.
 *
 * @param x the parameter along the horizontal axis
 * @param y the parameter along the vertical axis
 * @param xValues the grid values of x (Å or degrees), ascending
 * @param yValues the grid values of y, ascending
 * @param values L at (xValues[i], yValues[j]) as {@code values[j][i]} (the loss's units); NaN where the
 *        parameters describe no cell
 * @param truthX the truth's x
 * @param truthY the truth's y
 * @param minima the strict local minima of the grid ({@link #localMinima}), in row-major order
 * @param trajectories the refinement paths, projected onto the (x, y) plane
 * @param loss the loss's full id
 */
public record LandscapeSlice(LatticeParameter x, LatticeParameter y, double[] xValues, double[] yValues,
        double[][] values, double truthX, double truthY, List<GridPoint> minima, List<Trajectory> trajectories,
        String loss) {

    public LandscapeSlice {
        xValues = xValues.clone();
        yValues = yValues.clone();
        values = Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
        minima = List.copyOf(minima);
        trajectories = List.copyOf(trajectories);
    }

    @Override
    public double[] xValues() {
        return xValues.clone();
    }

    @Override
    public double[] yValues() {
        return yValues.clone();
    }

    /** A copy of the grid, {@code values()[j][i]} at (xValues[i], yValues[j]). */
    @Override
    public double[][] values() {
        return Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
    }

    /** L at grid column i (x) and row j (y). */
    public double value(int i, int j) {
        return values[j][i];
    }

    /** The grid point with the lowest finite loss (the first one in row-major order on ties), or null. */
    public GridPoint lowest() {
        GridPoint best = null;
        for (int j = 0; j < yValues.length; j++) {
            for (int i = 0; i < xValues.length; i++) {
                double v = values[j][i];
                if (Double.isFinite(v) && (best == null || v < best.value())) {
                    best = new GridPoint(i, j, xValues[i], yValues[j], v);
                }
            }
        }
        return best;
    }

    /**
     * A grid point.
     *
     * @param i the column (x index)
     * @param j the row (y index)
     * @param x the value of the x parameter there
     * @param y the value of the y parameter there
     * @param value L there
     */
    public record GridPoint(int i, int j, double x, double y, double value) {
    }

    /**
     * What a trajectory shows (the three paths of the study's Fig. 3).
     */
    public enum Kind {
        /** Gradient descent on all six lattice parameters from the distorted start, no projector. */
        UNCONSTRAINED("unconstrained"),
        /**
         * The same from the distorted start projected onto the truth's crystal family: a start that obeys the
         * symmetry, but no projection afterwards.
         */
        UNCONSTRAINED_FROM_CONSTRAINED_START("unconstrained-from-constrained-start"),
        /** Projected gradient descent: the projector after every step. */
        CONSTRAINED("constrained");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name in CSV files and legends. */
        public String label() {
            return label;
        }
    }

    /**
     * One refinement's path in the (x, y) plane: the x and y lattice parameters after every step (step 0: the
     * start). The other four lattice parameters move too, so the path is a projection of the refinement onto the
     * slice, whose loss values are those with the other parameters at the truth.
     *
     * @param index which start (0, 1, ...)
     * @param kind which refinement
     * @param xs x after every step
     * @param ys y after every step
     * @param losses the refinement's loss after every step (the loss's units, at the full six parameters)
     * @param status how the refinement ended (CONVERGED, MAX_STEPS, FAILED ...)
     */
    public record Trajectory(int index, Kind kind, double[] xs, double[] ys, double[] losses, String status) {
        public Trajectory {
            xs = xs.clone();
            ys = ys.clone();
            losses = losses.clone();
        }

        @Override
        public double[] xs() {
            return xs.clone();
        }

        @Override
        public double[] ys() {
            return ys.clone();
        }

        @Override
        public double[] losses() {
            return losses.clone();
        }

        /** The number of points (steps + 1). */
        public int size() {
            return xs.length;
        }
    }

    /**
     * The strict local minima of a grid {@code values[j][i]}: interior points (not on the border, whose
     * neighbourhood the slice cuts off) with a finite value below each of their 8 neighbours (a neighbour that is
     * NaN, no cell, does not count against it). Plateaus (equal neighbours) are not strict minima.
     *
     * @param xValues the x of every column
     * @param yValues the y of every row
     */
    public static List<GridPoint> localMinima(double[] xValues, double[] yValues, double[][] values) {
        List<GridPoint> minima = new ArrayList<>();
        for (int j = 1; j < values.length - 1; j++) {
            for (int i = 1; i < values[j].length - 1; i++) {
                double v = values[j][i];
                if (Double.isFinite(v) && belowNeighbours(values, i, j, v)) {
                    minima.add(new GridPoint(i, j, xValues[i], yValues[j], v));
                }
            }
        }
        return minima;
    }

    private static boolean belowNeighbours(double[][] values, int i, int j, double v) {
        for (int dj = -1; dj <= 1; dj++) {
            for (int di = -1; di <= 1; di++) {
                if (di == 0 && dj == 0) {
                    continue;
                }
                double n = values[j + dj][i + di];
                if (!Double.isNaN(n) && !(v < n)) {
                    return false;
                }
            }
        }
        return true;
    }
}
