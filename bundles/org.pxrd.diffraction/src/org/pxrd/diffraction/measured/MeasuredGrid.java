package org.pxrd.diffraction.measured;

import java.util.Arrays;
import java.util.Locale;

import org.pxrd.diffraction.TwoThetaGrid;

/**
 * Simulation directly on a measured pattern's 2θ points: the uniform {@link TwoThetaGrid} the simulator renders on,
 * and the linear map P from that grid's bins to the measured points (y_measured-points = P y_grid), with its
 * transpose for the adjoint.
 *
 * <ul>
 * <li><b>Evenly spaced points</b> (every point within {@value #ALIGNED_TOLERANCE_STEPS} of a step of
 * 2θ_0 + iδ, δ the mean step: files that round 2θ to 4 or 5 decimals pass): the grid's bins are centred on the
 * points themselves, min = 2θ_0 − δ/2, step δ, and P is the identity on them. The simulated intensity at point i
 * is the profile sum at 2θ_0 + iδ, which differs from the file's 2θ_i by the file's rounding only.</li>
 * <li><b>Uneven points</b> (e.g. a list of positions): the grid's step is the smallest measured step divided by
 * {@value #OVERSAMPLING}, and each measured point is interpolated from the 6 nearest bins by the Lagrange
 * polynomial of degree 5 through them (one-sided at the ends). The interpolation error is bounded in the tests
 * against the analytic profile.</li>
 * </ul>
 * In both cases the grid reaches {@value #UPPER_MARGIN_DEG}° above the last point (or up to 179°), so that
 * reflections just beyond the measured range, which the simulator includes only up to the grid's upper edge, still
 * put their tails on the last points. Immutable and thread-safe.
 */
public final class MeasuredGrid {

    /** Largest deviation from an even grid, in steps, for the points to count as evenly spaced. */
    public static final double ALIGNED_TOLERANCE_STEPS = 0.01;
    /** The simulation step of uneven grids is the smallest measured step over this. */
    public static final int OVERSAMPLING = 2;
    /** How far (degrees 2θ) the simulated grid reaches beyond the last measured point. */
    public static final double UPPER_MARGIN_DEG = 2;
    /** The simulated grid ends below this (the simulator's limit is 180°). */
    static final double GRID_LIMIT_DEG = 179;
    private static final int STENCIL = 6;

    private final double[] twoTheta;
    private final TwoThetaGrid grid;
    private final boolean aligned;
    /** Uneven grids: first bin of each point's stencil, and its 6 weights. */
    private final int[] first;
    private final double[] weights;

    private MeasuredGrid(double[] twoTheta, TwoThetaGrid grid, boolean aligned, int[] first, double[] weights) {
        this.twoTheta = twoTheta;
        this.grid = grid;
        this.aligned = aligned;
        this.first = first;
        this.weights = weights;
    }

    /**
     * The grid and map for these measured 2θ values (degrees, strictly increasing, at least 2).
     *
     * @throws IllegalArgumentException when the points cannot be simulated (fewer than 2, 2θ below half a step or
     *         beyond 179°, or more bins than a grid may have)
     */
    public static MeasuredGrid of(double[] twoTheta) {
        int n = twoTheta.length;
        if (n < 2) {
            throw new IllegalArgumentException("a measured pattern needs at least 2 points to be simulated on, got " + n);
        }
        double last = twoTheta[n - 1];
        if (!(last < GRID_LIMIT_DEG)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "measured 2theta reaches %s degrees: the simulator stops below %s", last, GRID_LIMIT_DEG));
        }
        double step = (last - twoTheta[0]) / (n - 1);
        boolean even = true;
        for (int i = 0; i < n && even; i++) {
            even = Math.abs(twoTheta[i] - (twoTheta[0] + i * step)) <= ALIGNED_TOLERANCE_STEPS * step;
        }
        if (even) {
            double min = twoTheta[0] - step / 2;
            if (min < 0) {
                throw new IllegalArgumentException("the first measured point at 2theta = " + twoTheta[0]
                        + " degrees lies closer to 0 than half a step");
            }
            int bins = n + extraBins(min + n * step, step);
            return new MeasuredGrid(twoTheta.clone(), new TwoThetaGrid(min, min + bins * step, step), true, null,
                    null);
        }
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 1; i < n; i++) {
            smallest = Math.min(smallest, twoTheta[i] - twoTheta[i - 1]);
        }
        double h = smallest / OVERSAMPLING;
        double min = Math.max(0, twoTheta[0] - 3 * h);
        double span = Math.ceil((last - min) / h) + 3;
        if (span + UPPER_MARGIN_DEG / h > TwoThetaGrid.MAX_BINS) {
            throw new IllegalArgumentException("the measured 2theta points are spaced from " + smallest + " degrees "
                    + "over " + (last - twoTheta[0]) + " degrees: simulating them would take more than "
                    + TwoThetaGrid.MAX_BINS + " bins; resample the pattern first");
        }
        int bins = (int) span;
        bins += extraBins(min + bins * h, h);
        TwoThetaGrid grid = new TwoThetaGrid(min, min + bins * h, h);
        int[] first = new int[n];
        double[] weights = new double[STENCIL * n];
        for (int i = 0; i < n; i++) {
            double position = (twoTheta[i] - grid.centre(0)) / h;
            int start = Math.max(0, Math.min(bins - STENCIL, (int) Math.floor(position) - 2));
            first[i] = start;
            for (int k = 0; k < STENCIL; k++) {
                double w = 1;
                for (int m = 0; m < STENCIL; m++) {
                    if (m != k) {
                        w *= (position - (start + m)) / (double) (k - m);
                    }
                }
                weights[STENCIL * i + k] = w;
            }
        }
        return new MeasuredGrid(twoTheta.clone(), grid, false, first, weights);
    }

    /** Bins of width h added above {@code top} for the margin, staying below the limit. */
    private static int extraBins(double top, double h) {
        double room = Math.min(UPPER_MARGIN_DEG, GRID_LIMIT_DEG - top);
        return Math.max(0, (int) Math.floor(room / h));
    }

    /** The uniform grid to simulate on. */
    public TwoThetaGrid simulationGrid() {
        return grid;
    }

    /** Whether the measured points are the grid's bin centres (evenly spaced). */
    public boolean aligned() {
        return aligned;
    }

    /** Number of measured points. */
    public int size() {
        return twoTheta.length;
    }

    /** The measured 2θ values in degrees (a copy). */
    public double[] twoTheta() {
        return twoTheta.clone();
    }

    /**
     * The simulated intensities at the measured points: out = P · simulated.
     *
     * @param simulated a pattern on {@link #simulationGrid()}
     * @param out length {@link #size()}
     */
    public void project(double[] simulated, double[] out) {
        checkLengths(simulated, out);
        if (aligned) {
            System.arraycopy(simulated, 0, out, 0, twoTheta.length);
            return;
        }
        for (int i = 0; i < twoTheta.length; i++) {
            int s = first[i];
            int w = STENCIL * i;
            double sum = 0;
            for (int k = 0; k < STENCIL; k++) {
                sum += weights[w + k] * simulated[s + k];
            }
            out[i] = sum;
        }
    }

    /**
     * The adjoint of {@link #project}: dL/d(simulated) = Pᵀ · dL/d(out), written over {@code dSimulated}.
     *
     * @param dOut dL/d(out), length {@link #size()}
     * @param dSimulated length of the grid
     */
    public void adjoint(double[] dOut, double[] dSimulated) {
        checkLengths(dSimulated, dOut);
        Arrays.fill(dSimulated, 0);
        if (aligned) {
            System.arraycopy(dOut, 0, dSimulated, 0, twoTheta.length);
            return;
        }
        for (int i = 0; i < twoTheta.length; i++) {
            int s = first[i];
            int w = STENCIL * i;
            for (int k = 0; k < STENCIL; k++) {
                dSimulated[s + k] += weights[w + k] * dOut[i];
            }
        }
    }

    private void checkLengths(double[] gridArray, double[] pointArray) {
        if (gridArray.length != grid.bins() || pointArray.length != twoTheta.length) {
            throw new IllegalArgumentException("expected " + grid.bins() + " simulated bins and " + twoTheta.length
                    + " measured points, got " + gridArray.length + " and " + pointArray.length);
        }
    }
}
