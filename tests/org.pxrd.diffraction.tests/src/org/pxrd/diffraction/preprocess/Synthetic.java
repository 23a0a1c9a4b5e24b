package org.pxrd.diffraction.preprocess;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.pxrd.model.Pattern;

/**
 * Synthetic measured patterns with a known background: b(2θ) plus pseudo-Voigt peaks (seeded positions, widths
 * growing with angle, heights), optionally with Gaussian counting noise of variance y (seeded).
 */
final class Synthetic {

    /** The laboratory grid of the RRUFF files: 5..90° in 0.01° steps. */
    static final double FROM = 5;
    static final double TO = 90;
    static final double STEP = 0.01;

    private Synthetic() {
    }

    /** 2θ of the grid (degrees). */
    static double[] grid() {
        int n = (int) Math.round((TO - FROM) / STEP) + 1;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = FROM + i * STEP;
        }
        return x;
    }

    /** b at every point. */
    static double[] background(double[] x, DoubleUnaryOperator b) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = b.applyAsDouble(x[i]);
        }
        return y;
    }

    /**
     * Background plus {@code peaks} pseudo-Voigt peaks (Gaussian fraction 0.7, FWHM 0.06 + 0.0015·2θ degrees,
     * heights up to {@code maxHeight}, centres in 10..88°), with noise when {@code noisy}.
     */
    static Pattern pattern(double[] x, double[] background, int peaks, double maxHeight, boolean noisy, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = background.clone();
        for (int p = 0; p < peaks; p++) {
            double centre = 10 + 78 * random.nextDouble();
            double fwhm = 0.06 + 0.0015 * centre;
            double height = 100 + (maxHeight - 100) * random.nextDouble();
            for (int i = 0; i < x.length; i++) {
                double u = (x[i] - centre) / fwhm;
                y[i] += height * (0.7 * Math.exp(-4 * Math.log(2) * u * u) + 0.3 / (1 + 4 * u * u));
            }
        }
        if (noisy) {
            for (int i = 0; i < y.length; i++) {
                y[i] += Math.sqrt(y[i]) * gaussian(random);
            }
        }
        return new Pattern("synthetic", x, y, Double.NaN);
    }

    /** A standard normal deviate (Box-Muller), from the seeded generator only. */
    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Quantiles of (estimate − truth)/truth: {median, 5 %, 95 %, largest |·|}. */
    static double[] relativeErrors(double[] estimate, double[] truth) {
        double[] r = new double[truth.length];
        double max = 0;
        for (int i = 0; i < r.length; i++) {
            r[i] = (estimate[i] - truth[i]) / truth[i];
            max = Math.max(max, Math.abs(r[i]));
        }
        java.util.Arrays.sort(r);
        return new double[] {r[r.length / 2], r[(int) (0.05 * r.length)], r[(int) (0.95 * r.length)], max};
    }
}
