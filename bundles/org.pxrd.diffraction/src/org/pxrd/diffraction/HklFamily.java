package org.pxrd.diffraction;

/**
 * Reflections of one peak that are permutations of each other with sign changes (|h|, |k|, |l| the same multiset),
 * labelled by their largest member in lexicographic order, e.g. (1 1 0) for the twelve {110} reflections of a cubic
 * crystal described in P1.
 *
 * @param h Miller index h of the label
 * @param k Miller index k of the label
 * @param l Miller index l of the label
 * @param multiplicity number of reflections (including Friedel mates) in the family and in the peak
 */
public record HklFamily(int h, int k, int l, int multiplicity) {

    /** e.g. {@code (1 1 0)x12}. */
    @Override
    public String toString() {
        return "(" + h + " " + k + " " + l + ")x" + multiplicity;
    }
}
