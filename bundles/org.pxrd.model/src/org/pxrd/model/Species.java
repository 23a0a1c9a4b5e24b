package org.pxrd.model;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An element with an optional formal oxidation state, as written in CIF type symbols: {@code Fe}, {@code Fe3+},
 * {@code O2-}, {@code Na+}.
 *
 * @param element the element
 * @param oxidationState the formal charge, or {@code null} when not given
 */
public record Species(Element element, Integer oxidationState) {

    private static final Pattern SYMBOL = Pattern.compile("([A-Za-z]{1,2})(?:(\\d*)([+-])|([+-])(\\d*))?");

    public Species {
        Objects.requireNonNull(element, "element");
    }

    /** The species of a bare element. */
    public static Species of(Element element) {
        return new Species(element, null);
    }

    /**
     * Parses {@code Fe}, {@code Fe3+}, {@code Fe+3}, {@code O2-}, {@code Na+}.
     *
     * @throws IllegalArgumentException naming the text when it is not an element with an optional charge
     */
    public static Species parse(String text) {
        Matcher m = SYMBOL.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown element '" + text + "'");
        }
        Element element = Element.of(m.group(1));
        Integer charge = null;
        if (m.group(3) != null || m.group(4) != null) {
            String digits = m.group(3) != null ? m.group(2) : m.group(5);
            String sign = m.group(3) != null ? m.group(3) : m.group(4);
            int magnitude = digits.isEmpty() ? 1 : Integer.parseInt(digits);
            charge = "-".equals(sign) ? -magnitude : magnitude;
        }
        return new Species(element, charge);
    }

    /** The symbol with its charge, e.g. {@code Fe3+} or {@code O2-}; just the symbol without one. */
    @Override
    public String toString() {
        if (oxidationState == null) {
            return element.symbol();
        }
        int q = Math.abs(oxidationState);
        return element.symbol() + (q == 1 ? "" : Integer.toString(q)) + (oxidationState < 0 ? "-" : "+");
    }
}
