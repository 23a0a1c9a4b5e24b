package org.pxrd.io.cif;

import java.util.Optional;

import org.pxrd.model.CrystalSymmetry;

/**
 * Finds the operations of a space group named in a CIF that lists no operations itself (symmetry tables live
 * in {@code org.pxrd.symmetry}).
 */
@FunctionalInterface
public interface SpaceGroupResolver {

    /** A resolver that knows no space group. */
    SpaceGroupResolver NONE = (hm, hall, number) -> Optional.empty();

    /**
     * @param hermannMauguin the H-M symbol as written in the file, or null
     * @param hall the Hall symbol, or null
     * @param number the International Tables number, or 0
     * @return the group with its operations in the standard setting of that symbol, if known
     */
    Optional<CrystalSymmetry> resolve(String hermannMauguin, String hall, int number);
}
