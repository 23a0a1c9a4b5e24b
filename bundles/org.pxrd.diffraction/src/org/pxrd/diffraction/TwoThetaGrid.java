package org.pxrd.diffraction;

import java.util.Locale;

/**
 * The 2θ axis of a simulated pattern: {@code bins} equal bins of width {@code step} covering [min, max] (degrees 2θ),
 * sampled at the bin centres min + step·(j + ½), j = 0 .. bins−1. The study's grid is 0..90° in 0.01° steps: 9000
 * bins centred on 0.005 + 0.01·j. Reflections are simulated up to 2θ = max.
 *
 * @param min lower edge in degrees 2θ, ≥ 0
 * @param max upper edge in degrees 2θ, &gt; min and &lt; 180
 * @param step bin width in degrees; (max − min)/step must be a whole number
 */
public record TwoThetaGrid(double min, double max, double step) {

    /** The study's grid: 0..90°, step 0.01° (9000 bins). */
    public static final TwoThetaGrid STUDY = new TwoThetaGrid(0, 90, 0.01);
    /** Tolerance on (max − min)/step being whole: relative, for decimal steps such as 0.01 that binary cannot hold. */
    private static final double WHOLE_TOLERANCE = 1e-6;
    /** More bins than this is a mistake (a typo in the step), not a pattern. */
    public static final int MAX_BINS = 10_000_000;

    /**
     * @throws IllegalArgumentException naming the bad value
     */
    public TwoThetaGrid {
        if (!(Double.isFinite(min) && Double.isFinite(max) && Double.isFinite(step))) {
            throw new IllegalArgumentException("2theta range " + text(min, max, step) + " must be finite numbers");
        }
        if (!(min >= 0 && max > min && max < 180)) {
            throw new IllegalArgumentException("2theta range " + text(min, max, step)
                    + " must satisfy 0 <= min < max < 180 degrees");
        }
        if (!(step > 0)) {
            throw new IllegalArgumentException("2theta step " + step + " must be positive");
        }
        double n = (max - min) / step;
        if (Math.abs(n - Math.rint(n)) > WHOLE_TOLERANCE * Math.max(1, n) || Math.rint(n) < 1) {
            throw new IllegalArgumentException("2theta range " + text(min, max, step)
                    + " is not a whole number of steps");
        }
        if (n > MAX_BINS) {
            throw new IllegalArgumentException("2theta range " + text(min, max, step) + " has " + (long) n
                    + " bins (more than " + MAX_BINS + ")");
        }
    }

    /**
     * Parses {@code min:max:step}, e.g. {@code 0:90:0.01}.
     *
     * @throws IllegalArgumentException naming the text and the problem
     */
    public static TwoThetaGrid parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("2theta range '" + text + "' must be min:max:step, e.g. 0:90:0.01");
        }
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("2theta range '" + text + "' has a bad number '" + parts[i] + "'");
            }
        }
        return new TwoThetaGrid(v[0], v[1], v[2]);
    }

    /** Number of bins. */
    public int bins() {
        return (int) Math.rint((max - min) / step);
    }

    /** Centre of bin j in degrees 2θ: min + step·(j + ½). */
    public double centre(int j) {
        return min + step * (j + 0.5);
    }

    /** Every bin centre in degrees 2θ (a new array). */
    public double[] centres() {
        double[] x = new double[bins()];
        for (int j = 0; j < x.length; j++) {
            x[j] = centre(j);
        }
        return x;
    }

    /** {@code min:max:step}. */
    public String describe() {
        return text(min, max, step);
    }

    private static String text(double min, double max, double step) {
        return String.format(Locale.ROOT, "%s:%s:%s", num(min), num(max), num(step));
    }

    private static String num(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
