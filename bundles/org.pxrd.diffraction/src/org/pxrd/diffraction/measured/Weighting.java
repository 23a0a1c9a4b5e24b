package org.pxrd.diffraction.measured;

import java.util.Locale;

import org.pxrd.model.Pattern;

/**
 * Where the weights w_i = 1/σ_i² of a comparison come from. Every scheme works by giving the measured pattern
 * standard deviations σ_i ({@link #attach}) before any preprocessing, so that background subtraction (which keeps
 * σ), normalisation (which scales it) and smoothing (which propagates it) carry the weights of the raw data along.
 */
public enum Weighting {
    /** σ from the file's esd column (e.g. {@code .xye}, GSAS ESD); a pattern without one is refused. */
    ESD,
    /** Counting statistics of raw counts: σ_i² = max(y_i, 1) (one count for empty points). */
    COUNTS,
    /** σ_i = 1: every point weighs the same (R_exp and χ² then have no statistical meaning). */
    UNIT,
    /** ESD when the file has an esd column, else COUNTS. */
    AUTO;

    /**
     * The pattern with the σ of this scheme.
     *
     * @throws IllegalArgumentException for ESD on a pattern without esds
     */
    public Pattern attach(Pattern raw) {
        Weighting scheme = this == AUTO ? (raw.hasEsd() ? ESD : COUNTS) : this;
        double[] y = raw.intensityArray();
        double[] s = new double[y.length];
        switch (scheme) {
            case ESD -> {
                if (!raw.hasEsd()) {
                    throw new IllegalArgumentException("pattern '" + raw.name() + "' has no esd column to weight by: "
                            + "use counts or unit weights");
                }
                return raw;
            }
            case COUNTS -> {
                for (int i = 0; i < y.length; i++) {
                    s[i] = Math.sqrt(Math.max(y[i], 1));
                }
            }
            default -> java.util.Arrays.fill(s, 1);
        }
        return new Pattern(raw.name(), raw.twoThetaArray(), y, s, raw.wavelength().orElse(Double.NaN));
    }

    /** The scheme {@link #AUTO} stands for on this pattern (or the scheme itself). */
    public Weighting resolve(Pattern raw) {
        return this == AUTO ? (raw.hasEsd() ? ESD : COUNTS) : this;
    }

    /** Parses esd, counts, unit or auto (case-insensitive). */
    public static Weighting parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("weights must be esd, counts, unit or auto, not '" + text + "'");
        }
    }
}
