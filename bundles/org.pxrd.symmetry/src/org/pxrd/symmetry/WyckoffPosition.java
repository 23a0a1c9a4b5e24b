package org.pxrd.symmetry;

import org.pxrd.model.SymmetryOperation;

/**
 * A Wyckoff position of a space-group setting: its letter, its multiplicity (points of the orbit in the
 * conventional cell, centring included), the point group of its site symmetry, and a representative: the
 * affine map (x, y, z) ↦ R·(x, y, z) + t whose image is the set of points of one member of the orbit (for
 * example {@code x,2*x,1/4} or {@code 0,0,0}); its rank is the number of free parameters.
 *
 * @param letter the Wyckoff letter, a-z or α
 * @param multiplicity number of equivalent points in the conventional cell
 * @param siteSymmetry point group type of the site symmetry (Hermann-Mauguin, unoriented), e.g. {@code -3m}
 * @param representative the coordinates of one point of the orbit as an affine map of free parameters
 */
public record WyckoffPosition(String letter, int multiplicity, String siteSymmetry,
        SymmetryOperation representative) {

    /** Multiplicity and letter, e.g. {@code 4c}. */
    public String symbol() {
        return multiplicity + letter;
    }
}
