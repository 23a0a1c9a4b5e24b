package org.pxrd.study.landscape;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** One of the six lattice parameters, by its index in [a, b, c (Å), α, β, γ (degrees)]. */
public enum LatticeParameter {
    A("a", "Å"), B("b", "Å"), C("c", "Å"), ALPHA("alpha", "°"), BETA("beta", "°"), GAMMA("gamma", "°");

    private final String symbol;
    private final String unit;

    LatticeParameter(String symbol, String unit) {
        this.symbol = symbol;
        this.unit = unit;
    }

    /** The index in the parameter vector [a, b, c, α, β, γ]. */
    public int index() {
        return ordinal();
    }

    /** The name in options and CSV headers: a, b, c, alpha, beta, gamma. */
    public String symbol() {
        return symbol;
    }

    /** Å for lengths, ° for angles. */
    public String unit() {
        return unit;
    }

    /**
     * A parameter by its name (a, b, c, alpha, beta, gamma; case-insensitive).
     *
     * @throws IllegalArgumentException naming the known parameters
     */
    public static LatticeParameter parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (LatticeParameter p : values()) {
            if (p.symbol.equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown lattice parameter '" + text + "' (known: "
                + Arrays.stream(values()).map(LatticeParameter::symbol).collect(Collectors.joining(", ")) + ")");
    }
}
