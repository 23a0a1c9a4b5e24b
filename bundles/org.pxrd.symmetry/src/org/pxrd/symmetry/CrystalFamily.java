package org.pxrd.symmetry;

import java.util.Locale;

/**
 * The six crystal families: the lattice constraints the study projects onto (trigonal and hexagonal groups
 * share the hexagonal family, a = b, α = β = 90°, γ = 120°).
 */
public enum CrystalFamily {
    TRICLINIC, MONOCLINIC, ORTHORHOMBIC, TETRAGONAL, HEXAGONAL, CUBIC;

    /** Lower-case name, e.g. {@code hexagonal}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
