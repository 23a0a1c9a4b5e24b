package org.pxrd.optimization.refine;

import java.util.Locale;

import org.pxrd.diffraction.TwoThetaGrid;
import org.pxrd.model.Pattern;

/**
 * How a simulated pattern reaches the 2θ points of a target pattern: unchanged, when the simulation's bin centres
 * are the target's points ({@link #identity}), or by linear interpolation between the two nearest bin centres
 * ({@link #plan}), y_k = (1 − w_k) s_(i_k) + w_k s_(i_k + 1), whose adjoint spreads dL/dy_k back with the same
 * weights.
 *
 * @param grid the simulation grid
 * @param index for each target point k the bin i_k left of it (null for the identity)
 * @param weight the weight w_k of bin i_k + 1 (null for the identity)
 */
record Resampling(TwoThetaGrid grid, int[] index, double[] weight) {

    /**
     * The finest simulation grid used for a target whose 2θ points are not uniform: this fraction of its smallest
     * step, so that linear interpolation stays well inside a peak's width (the study's peaks are ≥ 0.3° wide).
     */
    static final double FINE_STEP_FRACTION = 0.5;

    /** No resampling: the simulation is on the target's points. */
    static Resampling identity(TwoThetaGrid grid) {
        return new Resampling(grid, null, null);
    }

    boolean isIdentity() {
        return index == null;
    }

    /**
     * The simulation grid and resampling for a target pattern: bins centred on the target's points when they are
     * uniform (within {@link org.pxrd.losses.TwoThetaGrid#SAME_GRID_TOLERANCE_STEPS} of a step), else a uniform grid
     * of {@value #FINE_STEP_FRACTION} of the smallest step covering the target, interpolated linearly.
     *
     * @throws IllegalArgumentException when the pattern has fewer than two points or lies outside 0 < 2θ < 180°
     */
    static Resampling plan(Pattern target) {
        double[] x = target.twoThetaArray();
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("target pattern " + target.name() + " has " + n
                    + " point: a refinement needs a pattern of at least two points");
        }
        if (!(x[0] > 0 && x[n - 1] < 180)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "target pattern %s covers 2theta %.6g..%.6g "
                    + "deg: a powder pattern lies strictly between 0 and 180 deg", target.name(), x[0], x[n - 1]));
        }
        org.pxrd.losses.TwoThetaGrid points = org.pxrd.losses.TwoThetaGrid.of(target);
        double step = (x[n - 1] - x[0]) / (n - 1);
        if (points.isUniform() && x[0] - step / 2 >= 0 && x[n - 1] + step / 2 < 180) {
            TwoThetaGrid centred = new TwoThetaGrid(x[0] - step / 2, x[n - 1] + step / 2, step);
            if (centred.bins() == n && org.pxrd.losses.TwoThetaGrid.of(centred.centres()).sameAs(points)) {
                return identity(centred);
            }
        }
        double smallest = Double.POSITIVE_INFINITY;
        for (int k = 1; k < n; k++) {
            smallest = Math.min(smallest, x[k] - x[k - 1]);
        }
        double fine = FINE_STEP_FRACTION * smallest;
        double min = Math.max(0, x[0] - fine);
        int bins = (int) Math.ceil((x[n - 1] + fine - min) / fine);
        TwoThetaGrid grid = new TwoThetaGrid(min, min + bins * fine, fine);
        int[] index = new int[n];
        double[] weight = new double[n];
        for (int k = 0; k < n; k++) {
            double u = (x[k] - grid.centre(0)) / fine;
            int i = Math.max(0, Math.min(grid.bins() - 2, (int) Math.floor(u)));
            index[k] = i;
            weight[k] = Math.max(0, Math.min(1, u - i));
        }
        return new Resampling(grid, index, weight);
    }

    /** The simulated pattern (on {@link #grid}) at the target's points. */
    void forward(double[] sim, double[] out) {
        for (int k = 0; k < index.length; k++) {
            int i = index[k];
            out[k] = (1 - weight[k]) * sim[i] + weight[k] * sim[i + 1];
        }
    }

    /** dL/d(simulated pattern) from dL/d(pattern at the target's points). */
    void adjoint(double[] dOut, double[] dSim) {
        java.util.Arrays.fill(dSim, 0);
        for (int k = 0; k < index.length; k++) {
            int i = index[k];
            dSim[i] += (1 - weight[k]) * dOut[k];
            dSim[i + 1] += weight[k] * dOut[k];
        }
    }
}
