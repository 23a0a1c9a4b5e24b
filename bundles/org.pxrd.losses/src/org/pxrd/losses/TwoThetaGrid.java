package org.pxrd.losses;

import java.util.Arrays;
import java.util.Locale;

import org.pxrd.model.Pattern;

/**
 * The 2θ axis (degrees, strictly increasing, finite) on which a pattern is sampled. A loss is prepared once for
 * the grids of its two patterns ({@link LossFunction#prepare}) so that everything that depends only on the
 * grids (kernel widths in points, merged supports) is computed before the hot loop.
 */
public final class TwoThetaGrid {

    /**
     * Two grids are the same when they have as many points and each pair of 2θ values differs by at most this
     * fraction of the mean step: far below any peak width, yet above the rounding of 2θ written to a file with
     * five or more decimals.
     */
    public static final double SAME_GRID_TOLERANCE_STEPS = 0.01;
    /**
     * A grid is uniform when every step lies within this fraction of the mean step. Widths in degrees are turned
     * into numbers of points with the mean step; a step varying by 1% changes a width by less than a point for
     * every width under 100 points, and tolerates files whose 2θ column is rounded.
     */
    public static final double UNIFORM_STEP_TOLERANCE = 0.01;

    private final double[] twoTheta;
    private final double meanStep;
    private final boolean uniform;

    private TwoThetaGrid(double[] twoTheta) {
        this.twoTheta = twoTheta;
        int n = twoTheta.length;
        this.meanStep = n < 2 ? Double.NaN : (twoTheta[n - 1] - twoTheta[0]) / (n - 1);
        boolean u = n >= 2;
        for (int i = 1; i < n && u; i++) {
            u = Math.abs(twoTheta[i] - twoTheta[i - 1] - meanStep) <= UNIFORM_STEP_TOLERANCE * meanStep;
        }
        this.uniform = u;
    }

    /**
     * A grid of the given 2θ values in degrees (copied).
     *
     * @throws IllegalArgumentException for an empty array, a non-finite value or values not strictly increasing
     */
    public static TwoThetaGrid of(double... twoTheta) {
        if (twoTheta == null || twoTheta.length == 0) {
            throw new IllegalArgumentException("a 2theta grid needs at least one point");
        }
        for (int i = 0; i < twoTheta.length; i++) {
            if (!Double.isFinite(twoTheta[i])) {
                throw new IllegalArgumentException("2theta grid has a non-finite value " + twoTheta[i] + " at point "
                        + (i + 1));
            }
            if (i > 0 && !(twoTheta[i] > twoTheta[i - 1])) {
                throw new IllegalArgumentException("2theta grid is not strictly increasing at point " + (i + 1) + " ("
                        + twoTheta[i - 1] + " then " + twoTheta[i] + " deg)");
            }
        }
        return new TwoThetaGrid(twoTheta.clone());
    }

    /** The 2θ axis of a pattern. */
    public static TwoThetaGrid of(Pattern pattern) {
        return new TwoThetaGrid(pattern.twoThetaArray());
    }

    /** {@code n} points {@code start + step·i}, i = 0..n-1 (degrees). */
    public static TwoThetaGrid uniform(double start, double step, int n) {
        if (n < 1 || !(step > 0) || !Double.isFinite(start) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("a uniform 2theta grid needs n >= 1 points and a positive step, got n="
                    + n + ", step=" + step);
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = start + step * i;
        }
        return of(x);
    }

    /** Number of points. */
    public int size() {
        return twoTheta.length;
    }

    /** 2θ of point {@code i} (0-based), in degrees. */
    public double at(int i) {
        return twoTheta[i];
    }

    /** A copy of the 2θ values in degrees. */
    public double[] toArray() {
        return twoTheta.clone();
    }

    /** Whether every step is within {@link #UNIFORM_STEP_TOLERANCE} of the mean step. */
    public boolean isUniform() {
        return uniform;
    }

    /**
     * The step in degrees of a uniform grid (the mean step).
     *
     * @param user what needs it, for the message, e.g. "the cross-correlation loss"
     * @throws IllegalArgumentException when the grid has one point or its steps vary
     */
    public double uniformStep(String user) {
        if (!uniform) {
            throw new IllegalArgumentException(user + " needs a uniform 2theta grid of at least two points, got "
                    + describe() + (twoTheta.length < 2 ? "" : " with steps from " + format(minStep()) + " to "
                            + format(maxStep()) + " deg"));
        }
        return meanStep;
    }

    private double minStep() {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 1; i < twoTheta.length; i++) {
            m = Math.min(m, twoTheta[i] - twoTheta[i - 1]);
        }
        return m;
    }

    private double maxStep() {
        double m = 0;
        for (int i = 1; i < twoTheta.length; i++) {
            m = Math.max(m, twoTheta[i] - twoTheta[i - 1]);
        }
        return m;
    }

    /** Whether the other grid has as many points at the same 2θ, within {@link #SAME_GRID_TOLERANCE_STEPS}. */
    public boolean sameAs(TwoThetaGrid other) {
        if (other == this) {
            return true;
        }
        if (other.twoTheta.length != twoTheta.length) {
            return false;
        }
        double step = twoTheta.length < 2 ? 1 : Math.min(meanStep, other.meanStep);
        double tolerance = SAME_GRID_TOLERANCE_STEPS * step;
        for (int i = 0; i < twoTheta.length; i++) {
            if (Math.abs(twoTheta[i] - other.twoTheta[i]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /** For messages: "9000 points, 2theta 0.005..89.995 deg". */
    public String describe() {
        return twoTheta.length + (twoTheta.length == 1 ? " point" : " points") + ", 2theta " + format(twoTheta[0])
                + ".." + format(twoTheta[twoTheta.length - 1]) + " deg";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TwoThetaGrid g && Arrays.equals(g.twoTheta, twoTheta);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(twoTheta);
    }

    @Override
    public String toString() {
        return "TwoThetaGrid[" + describe() + "]";
    }
}
