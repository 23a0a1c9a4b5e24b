package org.pxrd.diffraction.measured;

import java.util.ArrayList;
import java.util.List;

import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.TwoThetaGrid;
import org.pxrd.model.Pattern;

/**
 * A measured pattern prepared as the target of a fit: its points within a 2θ range, their observed intensities
 * y_o,i and weights w_i = 1/σ_i², an optional fixed background b_i, and the grid the simulator renders on with the map
 * onto the points ({@link MeasuredGrid}). The calculated pattern at the points is
 * <pre>
 *   y_c = P · y_sim + b          (y_sim on {@link #simulationGrid()}, scale factor included; b = 0 without background)
 * </pre>
 * and the fit minimises the Rietveld residual S = Σ_i w_i (y_o,i − y_c,i)² (Young 1993), whose gradient
 * dS/dy_c,i = −2 w_i (y_o,i − y_c,i) goes back through {@link #adjoint} into the simulator's adjoint.
 *
 * <p>How a target is made: attach the weights to the raw pattern ({@link Weighting#attach}), preprocess it (e.g.
 * subtract a SNIP background: σ is kept), then {@link #of}. Or keep the raw intensities and pass an estimated
 * background to be added to the calculation (the Rietveld way: R-factors then come both plain and
 * background-corrected). Immutable and thread-safe.
 */
public final class MeasuredTarget {

    private final String name;
    private final MeasuredGrid grid;
    private final double[] observed;
    private final double[] weights;
    private final double[] background;
    private final double wavelength;

    private MeasuredTarget(String name, MeasuredGrid grid, double[] observed, double[] weights, double[] background,
            double wavelength) {
        this.name = name;
        this.grid = grid;
        this.observed = observed;
        this.weights = weights;
        this.background = background;
        this.wavelength = wavelength;
    }

    /**
     * The target of a pattern's points within the range.
     *
     * @param measured the measured pattern, weighted ({@link Weighting#attach}: without esds every weight is 1) and
     *        preprocessed
     * @param background b at every point of {@code measured}, added to the calculation, or null
     * @param range the 2θ range to compare over
     * @throws IllegalArgumentException when fewer than 2 points lie in the range, the background has the wrong length
     *         or is not finite, or the points cannot be simulated ({@link MeasuredGrid#of})
     */
    public static MeasuredTarget of(Pattern measured, double[] background, TwoThetaRange range) {
        double[] x = measured.twoThetaArray();
        double[] y = measured.intensityArray();
        double[] s = measured.esdArray();
        if (background != null && background.length != x.length) {
            throw new IllegalArgumentException("the background has " + background.length + " points, the pattern "
                    + x.length);
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (range.contains(x[i])) {
                kept.add(i);
            }
        }
        if (kept.size() < 2) {
            throw new IllegalArgumentException("pattern '" + measured.name() + "' has " + kept.size() + " point"
                    + (kept.size() == 1 ? "" : "s") + " in the 2theta range " + range.describe() + " (it spans "
                    + x[0] + ".." + x[x.length - 1] + " degrees)");
        }
        int n = kept.size();
        double[] px = new double[n];
        double[] py = new double[n];
        double[] pw = new double[n];
        double[] pb = background == null ? null : new double[n];
        for (int k = 0; k < n; k++) {
            int i = kept.get(k);
            px[k] = x[i];
            py[k] = y[i];
            pw[k] = s == null ? 1 : 1 / (s[i] * s[i]);
            if (pb != null) {
                if (!Double.isFinite(background[i])) {
                    throw new IllegalArgumentException("the background is " + background[i] + " at 2theta = " + x[i]);
                }
                pb[k] = background[i];
            }
        }
        return new MeasuredTarget(measured.name(), MeasuredGrid.of(px), py, pw, pb,
                measured.wavelength().orElse(Double.NaN));
    }

    /** The measured pattern's name. */
    public String name() {
        return name;
    }

    /** The grid and map of the points. */
    public MeasuredGrid grid() {
        return grid;
    }

    /** The uniform grid the simulator renders on. */
    public TwoThetaGrid simulationGrid() {
        return grid.simulationGrid();
    }

    /** The template's settings on {@link #simulationGrid()}. */
    public InstrumentSettings instrument(InstrumentSettings template) {
        return template.withGrid(simulationGrid());
    }

    /** Number of points compared (N). */
    public int size() {
        return observed.length;
    }

    /** 2θ of the points in degrees (a copy). */
    public double[] twoTheta() {
        return grid.twoTheta();
    }

    /** y_o at the points (a copy). */
    public double[] observed() {
        return observed.clone();
    }

    /** w = 1/σ² at the points (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    /** b at the points (a copy), or null without a background. */
    public double[] background() {
        return background == null ? null : background.clone();
    }

    /** The measured pattern's wavelength in Å, NaN when its file states none. */
    public double wavelength() {
        return wavelength;
    }

    /** y_c = P · simulated + b into {@code out} (length {@link #size()}). */
    public void calculated(double[] simulated, double[] out) {
        grid.project(simulated, out);
        if (background != null) {
            for (int i = 0; i < out.length; i++) {
                out[i] += background[i];
            }
        }
    }

    /** dL/d(simulated) = Pᵀ · dL/dy_c (the background is fixed), overwriting {@code dSimulated}. */
    public void adjoint(double[] dCalculated, double[] dSimulated) {
        grid.adjoint(dCalculated, dSimulated);
    }

    /**
     * The Rietveld residual S = Σ w (y_o − y_c)², with dS/dy_c = −2 w (y_o − y_c) into {@code gradient} when it is not
     * null.
     */
    public double residual(double[] calculated, double[] gradient) {
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            double d = observed[i] - calculated[i];
            sum += weights[i] * d * d;
            if (gradient != null) {
                gradient[i] = -2 * weights[i] * d;
            }
        }
        return sum;
    }

    /**
     * The scale k ≥ 0 minimising Σ w (y_o − b − k s)² for a calculated shape s at the points (background excluded):
     * k = Σ w s (y_o − b) / Σ w s², or 0 when that is negative or s is 0.
     */
    public double optimalScale(double[] shape) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < observed.length; i++) {
            double net = observed[i] - (background == null ? 0 : background[i]);
            num += weights[i] * shape[i] * net;
            den += weights[i] * shape[i] * shape[i];
        }
        return den > 0 ? Math.max(0, num / den) : 0;
    }

    /** The agreement indices of a calculated pattern (background included) with P refined parameters. */
    public AgreementStatistics agreement(double[] calculated, int parameters) {
        return AgreementStatistics.of(observed, calculated, weights, background, parameters);
    }
}
