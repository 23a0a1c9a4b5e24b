package org.pxrd.diffraction;

import java.util.List;

/**
 * One diffraction peak: reflections whose 2θ agree within {@link XrdPhysics#MERGE_TOLERANCE_DEG}.
 *
 * @param twoTheta position in degrees 2θ (that of its first reflection in order of increasing |g|), without zero
 *        shift
 * @param intensity Σ |F|² LP over its reflections (absolute, electrons² per cell)
 * @param d interplanar spacing in Å of its first reflection
 * @param families its reflections grouped into hkl families, the largest first
 */
public record Peak(double twoTheta, double intensity, double d, List<HklFamily> families) {

    public Peak {
        families = List.copyOf(families);
    }

    /** Number of reflections (including Friedel mates) in the peak. */
    public int multiplicity() {
        int m = 0;
        for (HklFamily f : families) {
            m += f.multiplicity();
        }
        return m;
    }
}
