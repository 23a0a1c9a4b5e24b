package org.pxrd.diffraction;

import org.pxrd.model.Pattern;
import org.pxrd.model.Structure;

/**
 * A differentiable simulation of one structure's powder pattern under one instrument, for repeated evaluation: the
 * refinement engine updates the lattice parameters, fractional coordinates or profile, then recomputes the pattern
 * and its gradient into arrays it owns. What does not change between updates (sites' species, occupancies,
 * displacement parameters, scattering factor tables, the profile plan) is prepared once.
 *
 * <p>A session is confined to one thread (it owns its work buffers); {@link #copy()} gives an independent session
 * for another thread. Steps allocate nothing unless the lattice changes so much that the set of candidate reflections
 * must be rebuilt.
 *
 * <p>Typical step: {@code setLatticeParameters(p); setFractionalCoordinates(x); computePattern(y); (loss and
 * dL/dy by the caller); computeGradient(dLdy, gradient)}.
 */
public interface XrdSession {

    /** The instrument (its profile reflects {@link #setProfile}). */
    InstrumentSettings instrument();

    /** Number of sites of the structure. */
    int siteCount();

    /** Number of bins of the pattern. */
    int patternSize();

    /** The current structure (lattice and coordinates as last set; allocates). */
    Structure structure();

    /**
     * Sets the lattice parameters {a, b, c, α, β, γ} (Å, degrees).
     *
     * @throws org.pxrd.model.InvalidModelException when they do not form a cell; the session keeps its state
     */
    void setLatticeParameters(double[] parameters);

    /**
     * Sets the fractional coordinates x1 y1 z1 x2 y2 z2 ... (any real values: the pattern is periodic in them).
     *
     * @throws IllegalArgumentException for a wrong length or a non-finite value
     */
    void setFractionalCoordinates(double[] coordinates);

    /**
     * Sets the profile parameters U, V, W, η and the zero shift.
     *
     * @throws IllegalArgumentException when they give no positive peak width on the pattern's range
     */
    void setProfile(ProfileParameters profile);

    /**
     * Sets the refinable instrument parameters ({@link InstrumentParameter}: scale, zero shift, sample displacement,
     * U, V, W, η, Kα2 ratio) to those of {@code updated}. Its other parts (grid, wavelengths, goniometer radius,
     * normalisation, scaling, tails) must be the session's ({@link InstrumentSettings#sameFixedParts}): open a new
     * session for another grid or wavelength.
     *
     * <p>The default serves simulators that refine only the profile: it accepts settings that differ from the
     * current ones in the profile alone and refuses any other change with a message saying so.
     *
     * @throws IllegalArgumentException for a change of a fixed part, a change this simulator cannot make, or a
     *         profile without positive peak width on the pattern's range; the session keeps its state
     */
    default void setInstrument(InstrumentSettings updated) {
        InstrumentSettings current = instrument();
        if (!updated.withProfile(current.profile()).equals(current)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " refines only the profile (U, V, W, eta, "
                    + "zero shift); scale, sample displacement, Kα2 ratio and the fixed settings stay as opened");
        }
        setProfile(updated.profile());
    }

    /** Computes the pattern at the current parameters into {@code out} (length {@link #patternSize()}). */
    void computePattern(double[] out);

    /**
     * The adjoint: given dL/dy for the pattern y of the current parameters, writes dL/d(lattice parameters),
     * dL/d(fractional coordinates), dL/d(U, V, W, η, zero shift) and dL/d(scale, sample displacement, Kα2 ratio) into
     * {@code out} (overwriting it). Recomputes the forward pass first when a parameter changed since the last
     * {@link #computePattern}.
     */
    void computeGradient(double[] dLossDPattern, XrdGradient out);

    /** The peak list at the current parameters (first wavelength; allocates). */
    PeakList peaks();

    /** The pattern at the current parameters as a {@link Pattern} with its 2θ axis and wavelength (allocates). */
    Pattern pattern();

    /** Number of reflections (reciprocal lattice points g, counting g and −g) in range at the current lattice. */
    int reflectionCount();

    /**
     * Number of distinct profile peaks summed (reflections × lines, coincident positions counted once, extinct
     * ones not at all).
     */
    int profilePeakCount();

    /** An independent session in the same state, sharing only immutable data: for use on another thread. */
    XrdSession copy();
}
