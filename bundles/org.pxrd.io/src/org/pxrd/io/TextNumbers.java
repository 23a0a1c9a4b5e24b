package org.pxrd.io;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers in text files, read strictly and written exactly.
 *
 * <p>Reading accepts only plain decimal numbers with an optional exponent ({@code 4.5937}, {@code -.5},
 * {@code 1e-3}, and the Fortran form {@code 0.1D+01}); Java's own parser would also accept {@code NaN},
 * {@code Infinity}, hexadecimal floats and type suffixes such as {@code 1d}, none of which a structure or
 * pattern file means. Values that overflow to infinity ({@code 1e999}) are refused.
 *
 * <p>Writing uses the shortest decimal that reads back to the same {@code double} (Java's
 * {@link Double#toString(double)}), printed without exponent: a written file reads back bit for bit.
 */
public final class TextNumbers {

    /** Longest number {@link #exact} writes without an exponent (room for 17 significant digits and zeros). */
    public static final int MAX_PLAIN_LENGTH = 24;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eEdD][+-]?\\d+)?");

    private TextNumbers() {
    }

    /**
     * The finite number a token spells.
     *
     * @throws NumberFormatException with a message such as {@code 'abc' is not a number} or
     *         {@code '1e999' is not a finite number}
     */
    public static double parse(String token) {
        if (token == null || !DECIMAL.matcher(token).matches()) {
            throw new NumberFormatException("'" + abbreviate(token) + "' is not a number");
        }
        double v = Double.parseDouble(token.replace('d', 'e').replace('D', 'e'));
        if (!Double.isFinite(v)) {
            throw new NumberFormatException("'" + token + "' is not a finite number");
        }
        return v;
    }

    /** Whether {@link #parse} accepts the token. */
    public static boolean isNumber(String token) {
        return !Double.isNaN(parseOrNaN(token));
    }

    /** The number {@link #parse} reads, or NaN (which it never returns) when it refuses the token. */
    public static double parseOrNaN(String token) {
        if (token == null || !DECIMAL.matcher(token).matches()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(token.replace('d', 'e').replace('D', 'e'));
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /**
     * The shortest decimal that reads back to exactly {@code value}: plain ({@code 0.25}, {@code 4.441994},
     * {@code 0.00001}) unless that would take more than {@value #MAX_PLAIN_LENGTH} characters, then with an
     * exponent ({@code 1.0E100}, {@code 4.9E-324}). Negative zero is written as {@code 0}.
     *
     * @throws IllegalArgumentException for NaN or infinite values, which no file format here can hold
     */
    public static String exact(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write the non-finite number " + value);
        }
        if (value == 0) {
            return "0";
        }
        String shortest = Double.toString(value);
        String plain = new BigDecimal(shortest).toPlainString();
        if (plain.indexOf('.') >= 0) {
            plain = plain.replaceAll("0+$", "");
            if (plain.endsWith(".")) {
                plain = plain.substring(0, plain.length() - 1);
            }
        }
        return plain.length() <= MAX_PLAIN_LENGTH ? plain : shortest;
    }

    /** The text shortened to at most 40 characters, for messages. */
    public static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
