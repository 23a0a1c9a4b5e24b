package org.pxrd.study.stats;

import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.correlation.SpearmansCorrelation;

/**
 * Correlation coefficients between two paired samples (the study's Tables S1 and S2: AMD distance against XRD
 * similarity), computed with Hipparchus.
 * <ul>
 * <li>Pearson: r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²), the linear correlation.</li>
 * <li>Spearman: ρ = Pearson's r of the ranks, tied values sharing their average rank (as
 * {@code scipy.stats.spearmanr}, and −0.0 tying with 0.0); it measures any monotone relation.</li>
 * </ul>
 * Both are dimensionless in [−1, 1], and NaN when a sample is constant (no variation to correlate).
 */
public final class Correlation {

    private Correlation() {
    }

    /**
     * Pearson's r.
     *
     * @throws IllegalArgumentException for samples of different lengths, fewer than 2 pairs or a value that is
     *         not finite
     */
    public static double pearson(double[] x, double[] y) {
        check(x, y);
        return new PearsonsCorrelation().correlation(x, y);
    }

    /**
     * Spearman's ρ (average ranks for ties).
     *
     * @throws IllegalArgumentException for samples of different lengths, fewer than 2 pairs or a value that is
     *         not finite
     */
    public static double spearman(double[] x, double[] y) {
        check(x, y);
        return new SpearmansCorrelation().correlation(withoutNegativeZero(x), withoutNegativeZero(y));
    }

    /**
     * The values with −0.0 replaced by 0.0: Hipparchus' ranking orders by {@link Double#compare}, which puts −0.0
     * below 0.0, so equal values would get different ranks (scipy ties them).
     */
    private static double[] withoutNegativeZero(double[] v) {
        double[] w = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            w[i] = v[i] + 0.0;
        }
        return w;
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("a correlation needs paired samples, got " + x.length + " and "
                    + y.length + " values");
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("a correlation needs at least 2 pairs, got " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("pair " + i + " is not finite: (" + x[i] + ", " + y[i] + ")");
            }
        }
    }
}
