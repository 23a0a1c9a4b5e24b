package org.pxrd.symmetry;

import java.util.Locale;

/**
 * The seven crystal systems, by space group number (International Tables Vol. A): triclinic 1-2, monoclinic
 * 3-15, orthorhombic 16-74, tetragonal 75-142, trigonal 143-167, hexagonal 168-194, cubic 195-230.
 */
public enum CrystalSystem {
    TRICLINIC, MONOCLINIC, ORTHORHOMBIC, TETRAGONAL, TRIGONAL, HEXAGONAL, CUBIC;

    /** The system of a space group number 1-230. */
    public static CrystalSystem of(int number) {
        if (number < 1 || number > 230) {
            throw new IllegalArgumentException("space group number " + number + " is outside 1..230");
        }
        if (number <= 2) {
            return TRICLINIC;
        }
        if (number <= 15) {
            return MONOCLINIC;
        }
        if (number <= 74) {
            return ORTHORHOMBIC;
        }
        if (number <= 142) {
            return TETRAGONAL;
        }
        if (number <= 167) {
            return TRIGONAL;
        }
        return number <= 194 ? HEXAGONAL : CUBIC;
    }

    /** The crystal family: trigonal and hexagonal systems form the hexagonal family. */
    public CrystalFamily family() {
        return switch (this) {
            case TRICLINIC -> CrystalFamily.TRICLINIC;
            case MONOCLINIC -> CrystalFamily.MONOCLINIC;
            case ORTHORHOMBIC -> CrystalFamily.ORTHORHOMBIC;
            case TETRAGONAL -> CrystalFamily.TETRAGONAL;
            case TRIGONAL, HEXAGONAL -> CrystalFamily.HEXAGONAL;
            case CUBIC -> CrystalFamily.CUBIC;
        };
    }

    /** Lower-case name as pymatgen prints it, e.g. {@code trigonal}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
