package org.pxrd.io.cif;

import org.pxrd.io.TextNumbers;

/**
 * One value of a CIF file with the line it starts on. {@code ?} (unknown) and {@code .} (inapplicable) are
 * kept as such when unquoted; quoted {@code '?'} is the text "?".
 *
 * @param text the value without quotes or text-field delimiters
 * @param line the 1-based line where the value starts
 * @param quoted whether the value was quoted or a text field (and so never a number or a null)
 */
public record CifValue(String text, int line, boolean quoted) {

    /** Whether this is the unquoted {@code ?} or {@code .}. */
    public boolean isNull() {
        return !quoted && (text.equals("?") || text.equals("."));
    }

    /**
     * The numeric value, without a standard uncertainty in parentheses: {@code 4.5937(3)} is 4.5937.
     *
     * @throws NumberFormatException when the value is not a finite number
     */
    public double number() {
        String t = text;
        int paren = t.indexOf('(');
        if (paren > 0 && t.endsWith(")")) {
            String su = t.substring(paren + 1, t.length() - 1);
            if (su.isEmpty() || !su.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new NumberFormatException("'" + TextNumbers.abbreviate(text) + "' is not a number");
            }
            t = t.substring(0, paren);
        }
        return TextNumbers.parse(t);
    }
}
