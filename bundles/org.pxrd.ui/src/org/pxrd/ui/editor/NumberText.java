package org.pxrd.ui.editor;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the editor shows and reads the numbers of its fields. */
final class NumberText {

    /**
     * Decimals shown: 1e-6 Å, 1e-6 degrees, 1e-6 in fractional coordinates, finer than the precision of the CIFs
     * the workbench reads (8 decimals in the examples are rounded for display only; the model keeps every bit
     * until the field is edited).
     */
    static final int DECIMALS = 6;

    private NumberText() {
    }

    /** The value with at most {@link #DECIMALS} decimals and no trailing zeros; NaN shows as an empty field. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * The number typed for a quantity.
     *
     * @throws IllegalArgumentException naming the quantity when the text is empty, not a number, NaN or infinite
     */
    static double parse(String quantity, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(quantity + ": a number is required");
        }
        double value;
        try {
            value = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(quantity + ": '" + t + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(quantity + ": '" + t + "' is not a finite number");
        }
        return value;
    }
}
