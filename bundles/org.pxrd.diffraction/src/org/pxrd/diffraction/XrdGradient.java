package org.pxrd.diffraction;

import java.util.Arrays;

/**
 * Caller-owned storage for the gradient of a scalar loss L with respect to the parameters of an {@link XrdSession},
 * filled by {@link XrdSession#computeGradient}. Reused across steps: nothing is allocated per step.
 *
 * <p>The instrument parameters are split by where they live in {@link InstrumentSettings}: the profile block
 * ({@link #profile}: U, V, W, η, zero shift, as {@link ProfileParameters}), then {@link #scale},
 * {@link #displacement} and {@link #alpha2Ratio}. {@link InstrumentParameter#derivative} reads any of them by name.
 */
public final class XrdGradient {

    /** dL/d(a, b, c, α, β, γ): per Å for lengths, per degree for angles. */
    public final double[] lattice = new double[6];
    /** dL/d(fractional coordinates), x1 y1 z1 x2 y2 z2 ... (per unit of fractional coordinate). */
    public final double[] coordinates;
    /** dL/d(U, V, W) per deg², dL/dη, dL/d(zero shift) per degree. */
    public final double[] profile = new double[ProfileParameters.COUNT];
    /** dL/dk for the scale factor k ({@link InstrumentSettings#scale()}). */
    public double scale;
    /** dL/ds per mm for the sample displacement s ({@link Goniometer#displacement()}). */
    public double displacement;
    /** dL/dr for the Kα2/Kα1 intensity ratio r ({@link Radiation#alpha2Ratio()}); 0 for a single line. */
    public double alpha2Ratio;

    /** Storage for a structure of {@code sites} sites. */
    public XrdGradient(int sites) {
        coordinates = new double[3 * sites];
    }

    /** Sets every entry to 0. */
    public void clear() {
        Arrays.fill(lattice, 0);
        Arrays.fill(coordinates, 0);
        Arrays.fill(profile, 0);
        scale = 0;
        displacement = 0;
        alpha2Ratio = 0;
    }
}
