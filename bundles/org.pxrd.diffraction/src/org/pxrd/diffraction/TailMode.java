package org.pxrd.diffraction;

/**
 * How far each peak's profile is evaluated. The Lorentzian part of a pseudo-Voigt decays only as 1/(2θ − c)², so the
 * tails of all peaks together are a visible part of a pattern (cutting every peak at ±10° still moves the cosine
 * similarity to the exact pattern by 6e-6 on the study's structures).
 */
public enum TailMode {
    /** Every peak at every bin: the exact sum, O(peaks × bins). The reference for the other mode. */
    EXACT,
    /**
     * Every peak over the whole pattern too, but far from its centre on coarser grids: the profile is split by a
     * smooth partition of unity into a core on the pattern's bins and tails on grids 4, 16, 64, ... times coarser,
     * which are interpolated back. The tails are not cut; the only error is the interpolation error, bounded and
     * tested (see {@link ProfileRenderer}).
     */
    MULTILEVEL
}
