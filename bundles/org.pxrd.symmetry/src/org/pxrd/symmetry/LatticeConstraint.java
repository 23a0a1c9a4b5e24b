package org.pxrd.symmetry;

import java.util.Locale;

/**
 * The lattice constraint of a crystal family (and of rhombohedral axes), as the Euclidean projection of the six
 * lattice parameters (a, b, c in Å, α, β, γ in degrees) onto the set the family allows. Lengths that must be
 * equal are replaced by their arithmetic mean (the least-squares point of {a = b} or {a = b = c}); angles the
 * family fixes are set to their values; free parameters are kept:
 * <pre>
 *   cubic         a = b = c = (a + b + c)/3,   α = β = γ = 90°
 *   hexagonal     a = b = (a + b)/2, c kept,   α = β = 90°, γ = 120°
 *   tetragonal    a = b = (a + b)/2, c kept,   α = β = γ = 90°
 *   orthorhombic  a, b, c kept,                α = β = γ = 90°
 *   monoclinic    a, b, c, β kept,             α = γ = 90°   (unique axis b)
 *   triclinic     all six kept
 *   rhombohedral  a = b = c = (a + b + c)/3,   α = β = γ = (α + β + γ)/3   (rhombohedral axes)
 * </pre>
 * The study (Segal et al., Digital Discovery 2026, main text and supplementary section 1.3) constrains each
 * gradient step to the ground-truth crystal family of the conventional standard cell; its exact formulas were
 * not available to us, and these are the projections this description implies (trigonal groups use the
 * hexagonal family, as their conventional cells have hexagonal axes).
 */
public enum LatticeConstraint {
    CUBIC, HEXAGONAL, TETRAGONAL, ORTHORHOMBIC, MONOCLINIC, TRICLINIC, RHOMBOHEDRAL;

    /** The constraint of a crystal family. */
    public static LatticeConstraint of(CrystalFamily family) {
        return valueOf(family.name());
    }

    /** The constraint of a space-group setting: its family, or rhombohedral for R groups on rhombohedral axes. */
    public static LatticeConstraint of(SpaceGroup group) {
        return group.rhombohedralAxes() ? RHOMBOHEDRAL : of(group.crystalFamily());
    }

    /** By name, case-insensitive ({@code cubic}, {@code hexagonal}, ...). */
    public static LatticeConstraint parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown crystal family '" + name + "' (known: cubic, hexagonal, "
                    + "tetragonal, orthorhombic, monoclinic, triclinic, rhombohedral)");
        }
    }

    /** Writes the projection of in[0..5] into out[0..5] (out may be in). */
    public void project(double[] in, double[] out) {
        double a = in[0];
        double b = in[1];
        double c = in[2];
        double alpha = in[3];
        double beta = in[4];
        double gamma = in[5];
        switch (this) {
            case CUBIC -> set(out, (a + b + c) / 3, (a + b + c) / 3, (a + b + c) / 3, 90, 90, 90);
            case HEXAGONAL -> set(out, (a + b) / 2, (a + b) / 2, c, 90, 90, 120);
            case TETRAGONAL -> set(out, (a + b) / 2, (a + b) / 2, c, 90, 90, 90);
            case ORTHORHOMBIC -> set(out, a, b, c, 90, 90, 90);
            case MONOCLINIC -> set(out, a, b, c, 90, beta, 90);
            case TRICLINIC -> set(out, a, b, c, alpha, beta, gamma);
            case RHOMBOHEDRAL -> {
                double m = (a + b + c) / 3;
                double angle = (alpha + beta + gamma) / 3;
                set(out, m, m, m, angle, angle, angle);
            }
        }
    }

    private static void set(double[] out, double a, double b, double c, double alpha, double beta, double gamma) {
        out[0] = a;
        out[1] = b;
        out[2] = c;
        out[3] = alpha;
        out[4] = beta;
        out[5] = gamma;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
