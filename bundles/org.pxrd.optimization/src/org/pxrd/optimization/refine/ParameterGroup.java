package org.pxrd.optimization.refine;

import java.util.Locale;

/**
 * A group of refinable parameters, with one learning rate per group. The parameter vector of a refinement is the
 * structure part, then one instrument block ({@link ParameterLayout}); its structure part is exactly the symmetry
 * projectors' vector {@code [a, b, c, α, β, γ, x₁, y₁, z₁, ...]} ({@code org.pxrd.symmetry.ParameterVector}).
 *
 * <ul>
 * <li>{@link #LATTICE}: a, b, c in Å and α, β, γ in degrees (6 numbers);</li>
 * <li>{@link #COORDINATES}: the fractional coordinates x, y, z of every site, in site order (3 per site);</li>
 * <li>{@link #PROFILE}: the instrument parameters Caglioti U, V, W (deg²), pseudo-Voigt mixing η and zero shift Z
 * (degrees 2θ), the study's profile group (5 numbers);</li>
 * <li>{@link #INSTRUMENT}: the instrument parameters chosen in {@link RefinementOptions#instrument()} (any of scale,
 * zero, displacement, U, V, W, eta, alpha2Ratio: {@code org.pxrd.diffraction.InstrumentParameter}).</li>
 * </ul>
 * Both instrument groups are selections of the same instrument block, read from and written to the simulator session
 * through {@code InstrumentParameters} (values, apply, gradient, box bounds): {@link #PROFILE} is the fixed selection
 * U, V, W, η, Z ({@link ParameterLayout#PROFILE_PARAMETERS}), {@link #INSTRUMENT} the chosen one; a parameter may
 * belong to one of them only. Sizes and names of the groups are the layout's ({@link ParameterLayout#size(ParameterGroup)}).
 */
public enum ParameterGroup {

    /** a, b, c (Å), α, β, γ (degrees). */
    LATTICE("lattice"),
    /** Fractional coordinates of every site. */
    COORDINATES("coordinates"),
    /** Caglioti U, V, W (deg²), η, zero shift (degrees 2θ). */
    PROFILE("profile"),
    /** The instrument parameters of {@link RefinementOptions#instrument()}. */
    INSTRUMENT("instrument");

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
        return this == PROFILE || this == INSTRUMENT;
    }

    /**
     * The group named {@code text} ({@code lattice}, {@code coordinates} or {@code coords}, {@code profile},
     * {@code instrument}; any case).
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
                + "profile, instrument)");
    }
}
