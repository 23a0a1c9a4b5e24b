package org.pxrd.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.pxrd.model.Pattern;

/**
 * A pattern as read from a file, with what else the file says about it: RRUFF header fields
 * ({@code RRUFFID}, {@code CELL PARAMETERS}, ...), the X-ray lines of a PANalytical file ({@link #KALPHA1} ...), the
 * title of a GSAS file. Keys are as the file names them (or the constants below); values are text.
 *
 * @param pattern the pattern (with its wavelength in Å only when the file states it)
 * @param metadata header fields in file order (unmodifiable)
 */
public record PatternData(Pattern pattern, Map<String, String> metadata) {

    /** Kα1 wavelength (Å) stated by the file. */
    public static final String KALPHA1 = "kAlpha1";
    /** Kα2 wavelength (Å) stated by the file. */
    public static final String KALPHA2 = "kAlpha2";
    /** Kβ wavelength (Å) stated by the file. */
    public static final String KBETA = "kBeta";
    /** Intensity ratio I(Kα2)/I(Kα1) stated by the file. */
    public static final String KALPHA2_RATIO = "ratioKAlpha2KAlpha1";
    /** Title line of the file. */
    public static final String TITLE = "title";

    public PatternData {
        Objects.requireNonNull(pattern, "pattern");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A pattern without metadata. */
    public static PatternData of(Pattern pattern) {
        return new PatternData(pattern, Map.of());
    }
}
