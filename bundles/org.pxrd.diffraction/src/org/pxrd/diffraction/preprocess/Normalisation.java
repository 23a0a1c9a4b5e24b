package org.pxrd.diffraction.preprocess;

import java.util.Locale;

import org.pxrd.core.extensions.Settings;
import org.pxrd.model.Pattern;

/**
 * Normalisation (contribution {@code org.pxrd.diffraction.normalize}): every intensity and esd divided by one number
 * N, chosen by the setting {@code mode}:
 * <ul>
 * <li>{@code max}: N = max_i y_i, so the largest intensity becomes 1;</li>
 * <li>{@code area}: N = ∫ y d(2θ) by the trapezoid rule over the pattern's own 2θ points (degrees), so the area
 * becomes 1 (intensity per degree 2θ).</li>
 * </ul>
 * N must be positive: a pattern without positive intensity (or area) cannot be normalised and is refused.
 */
public final class Normalisation implements PatternPreprocessor {

    /** What the pattern is divided by. */
    public enum Mode {
        MAX, AREA
    }

    private final Mode mode;

    /** With the declared setting {@code mode} ({@code max} or {@code area}). */
    public Normalisation(Settings settings) {
        this(Mode.valueOf(settings.getString("mode").toUpperCase(Locale.ROOT)));
    }

    public Normalisation(Mode mode) {
        this.mode = mode;
    }

    /** N of the pattern (see the class comment). */
    public double divisor(Pattern pattern) {
        double[] y = pattern.intensityArray();
        if (mode == Mode.MAX) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : y) {
                max = Math.max(max, v);
            }
            return max;
        }
        double[] x = pattern.twoThetaArray();
        double area = 0;
        for (int i = 1; i < y.length; i++) {
            area += 0.5 * (y[i] + y[i - 1]) * (x[i] - x[i - 1]);
        }
        return area;
    }

    @Override
    public Pattern apply(Pattern pattern) {
        double n = divisor(pattern);
        if (!(n > 0)) {
            throw new IllegalArgumentException("cannot normalise pattern '" + pattern.name() + "': its "
                    + (mode == Mode.MAX ? "maximum" : "area") + " is " + n + ", not positive");
        }
        double[] y = pattern.intensityArray();
        double[] s = pattern.esdArray();
        for (int i = 0; i < y.length; i++) {
            y[i] /= n;
            if (s != null) {
                s[i] /= n;
            }
        }
        return new Pattern(pattern.name(), pattern.twoThetaArray(), y, s, pattern.wavelength().orElse(Double.NaN));
    }
}
