package org.pxrd.diffraction.measured;

import java.util.Locale;

/**
 * A closed 2θ interval [min, max] in degrees that restricts a comparison (points outside are left out of the
 * residuals and statistics); {@link #ALL} keeps every point.
 *
 * @param min lower bound in degrees 2θ (may be −∞)
 * @param max upper bound in degrees 2θ (may be +∞), ≥ min
 */
public record TwoThetaRange(double min, double max) {

    /** Every point. */
    public static final TwoThetaRange ALL = new TwoThetaRange(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    /**
     * @throws IllegalArgumentException for NaN or min &gt; max
     */
    public TwoThetaRange {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("2theta range " + min + ".." + max + " must have min <= max");
        }
    }

    /**
     * Parses {@code MIN:MAX} in degrees ({@code 10:100}); either side may be empty ({@code :100}, {@code 10:}).
     *
     * @throws IllegalArgumentException naming the text
     */
    public static TwoThetaRange parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("2theta range '" + text + "' must be MIN:MAX in degrees, e.g. 10:100");
        }
        try {
            double min = parts[0].isBlank() ? Double.NEGATIVE_INFINITY : Double.parseDouble(parts[0].strip());
            double max = parts[1].isBlank() ? Double.POSITIVE_INFINITY : Double.parseDouble(parts[1].strip());
            return new TwoThetaRange(min, max);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("2theta range '" + text + "' has a bad number", e);
        }
    }

    /** Whether 2θ (degrees) lies in the range. */
    public boolean contains(double twoTheta) {
        return twoTheta >= min && twoTheta <= max;
    }

    /** {@code MIN:MAX} (empty for an open side). */
    public String describe() {
        return String.format(Locale.ROOT, "%s:%s", Double.isInfinite(min) ? "" : min, Double.isInfinite(max) ? ""
                : max);
    }
}
