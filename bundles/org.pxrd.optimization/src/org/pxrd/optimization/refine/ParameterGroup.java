package org.pxrd.optimization.refine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A group of refinable parameters, with one learning rate per group. The parameter vector of a refinement is the
 * concatenation of every group in this order ({@link ParameterLayout}); its first two groups are exactly the
 * symmetry projectors' vector {@code [a, b, c, α, β, γ, x₁, y₁, z₁, ...]} ({@code org.pxrd.symmetry.ParameterVector}).
 *
 * <ul>
 * <li>{@link #LATTICE}: a, b, c in Å and α, β, γ in degrees (6 numbers);</li>
 * <li>{@link #COORDINATES}: the fractional coordinates x, y, z of every site, in site order (3 per site);</li>
 * <li>{@link #PROFILE}: the instrument's Caglioti U, V, W (deg²), pseudo-Voigt mixing η and zero shift Z (degrees
 * 2θ), as the simulator's {@code ProfileParameters} (5 numbers).</li>
 * </ul>
 * An instrument group joins by a constant here (after the existing ones, with its size, trace names and id), its
 * reading from and writing to the simulator session in {@link Objective}, and its bounds (if any) in
 * {@link ParameterLayout#clampBounds}; optimizers, projectors, learning rates and traces need no change.
 */
public enum ParameterGroup {

    /** a, b, c (Å), α, β, γ (degrees). */
    LATTICE("lattice"),
    /** Fractional coordinates of every site. */
    COORDINATES("coordinates"),
    /** Caglioti U, V, W (deg²), η, zero shift (degrees 2θ). */
    PROFILE("profile");

    private final String id;

    ParameterGroup(String id) {
        this.id = id;
    }

    /** The group's name in options, study files and on the command line. */
    public String id() {
        return id;
    }

    /** Whether this group describes the instrument rather than the structure (beyond the projectors' vector). */
    public boolean isInstrument() {
        return this == PROFILE;
    }

    /** Number of parameters for a structure of {@code sites} sites. */
    public int size(int sites) {
        return switch (this) {
            case LATTICE -> 6;
            case COORDINATES -> 3 * sites;
            case PROFILE -> 5;
        };
    }

    /** The trace column of each parameter, with its unit: {@code a_A}, {@code alpha_deg}, {@code x1}, {@code U_deg2}. */
    public List<String> names(int sites) {
        return switch (this) {
            case LATTICE -> List.of("a_A", "b_A", "c_A", "alpha_deg", "beta_deg", "gamma_deg");
            case COORDINATES -> {
                List<String> names = new ArrayList<>(3 * sites);
                for (int i = 1; i <= sites; i++) {
                    names.add("x" + i);
                    names.add("y" + i);
                    names.add("z" + i);
                }
                yield names;
            }
            case PROFILE -> List.of("U_deg2", "V_deg2", "W_deg2", "eta", "zero_deg");
        };
    }

    /**
     * The group named {@code text} ({@code lattice}, {@code coordinates} or {@code coords}, {@code profile}; any
     * case).
     *
     * @throws IllegalArgumentException naming the text and the known groups
     */
    public static ParameterGroup parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ParameterGroup g : values()) {
            if (g.id.equals(t)) {
                return g;
            }
        }
        if (t.equals("coords")) {
            return COORDINATES;
        }
        throw new IllegalArgumentException("unknown parameter group '" + text + "' (known: lattice, coordinates, "
                + "profile)");
    }
}
