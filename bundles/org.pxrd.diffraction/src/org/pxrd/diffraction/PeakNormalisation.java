package org.pxrd.diffraction;

/** How each peak's profile is scaled before it is multiplied by the peak intensity. */
public enum PeakNormalisation {
    /** The profile integrates to 1 over 2θ (degrees): the peak's area is its intensity. */
    UNIT_AREA,
    /** The profile is 1 at its centre: the peak's height is its intensity. */
    UNIT_HEIGHT
}
