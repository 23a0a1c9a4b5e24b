package org.pxrd.losses.builtin;

import java.util.Locale;

import org.pxrd.core.extensions.Settings;

/**
 * Weighted profile R-factor as Rietveld programs report it (McCusker, Von Dreele, Cox, Louër and Scardi,
 * "Rietveld refinement guidelines", J. Appl. Cryst. 32, 36-50 (1999)), with the target as the observed pattern y
 * and the simulated one as the calculated pattern c:
 * <pre>
 *   Rwp = ( Σ_i w_i (y_i − c_i)² / Σ_i w_i y_i² )^½          (a fraction, not per cent)
 *   ∂Rwp/∂c_i = w_i (c_i − y_i) / (Rwp · Σ_j w_j y_j²)       (0 at Rwp = 0, where Rwp has a kink)
 * </pre>
 * Weights ({@code weighting}):
 * <ul>
 * <li>{@code poisson} (default): w_i = 1/σ_i² with the counting variance σ_i² = max(y_i, f · max_j y_j). For data
 * in counts whose maximum is 1/f counts the floor is one count, the variance Rietveld programs give a point with
 * zero (or negative, background-subtracted) counts; f is the setting {@code varianceFloor} (default 1e-4). The
 * floor keeps empty points finite and weights them like a single count. Rwp with these weights is unchanged when
 * both patterns are multiplied by the same factor.</li>
 * <li>{@code unit}: w_i = 1 (the unweighted profile R-factor in least-squares form).</li>
 * </ul>
 * The calculated pattern is compared as it is: no scale factor is refined here, so both patterns should share a
 * normalisation (the study's are max-normalised). A target without any positive intensity is an error.
 */
public final class RwpLoss extends GridFreeLoss {

    /** Weighting schemes (the values of the setting {@code weighting}). */
    public enum Weighting {
        POISSON, UNIT
    }

    private final Weighting weighting;
    private final double varianceFloor;

    /** @param settings {@code weighting} (poisson or unit) and {@code varianceFloor} (fraction of max y) */
    public RwpLoss(Settings settings) {
        this(Weighting.valueOf(settings.getString("weighting").toUpperCase(Locale.ROOT)),
                settings.getDouble("varianceFloor"));
    }

    /**
     * @param weighting how the points are weighted
     * @param varianceFloor f: the smallest variance as a fraction of the target's maximum (poisson weighting)
     */
    public RwpLoss(Weighting weighting, double varianceFloor) {
        if (weighting == Weighting.POISSON && !(varianceFloor > 0 && varianceFloor <= 1)) {
            throw new IllegalArgumentException("varianceFloor must lie in (0, 1], got " + varianceFloor);
        }
        this.weighting = weighting;
        this.varianceFloor = varianceFloor;
    }

    @Override
    double evaluate(double[] c, double[] y, double[] gradient) {
        double yMax = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            yMax = Math.max(yMax, v);
        }
        if (!(yMax > 0)) {
            throw new IllegalArgumentException("the target pattern has no positive intensity: Rwp is undefined");
        }
        double floor = varianceFloor * yMax;
        boolean poisson = weighting == Weighting.POISSON;
        double residual = 0;
        double observed = 0;
        for (int i = 0; i < c.length; i++) {
            double w = poisson ? 1 / Math.max(y[i], floor) : 1;
            double d = y[i] - c[i];
            residual += w * d * d;
            observed += w * y[i] * y[i];
        }
        double rwp = Math.sqrt(residual / observed);
        if (gradient != null) {
            double factor = rwp > 0 ? 1 / (rwp * observed) : 0;
            for (int i = 0; i < c.length; i++) {
                double w = poisson ? 1 / Math.max(y[i], floor) : 1;
                gradient[i] = factor * w * (c[i] - y[i]);
            }
        }
        return rwp;
    }
}
