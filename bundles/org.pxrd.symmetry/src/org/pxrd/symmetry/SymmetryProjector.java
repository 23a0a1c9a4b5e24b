package org.pxrd.symmetry;

import org.pxrd.model.Structure;

/**
 * A projector onto a symmetry constraint set, contributed through the extension point
 * {@code org.pxrd.symmetry.projectors}. The refinement engine applies it after every gradient step to the
 * structure's parameter vector ({@link ParameterVector}: a, b, c in Å, α, β, γ in degrees, then x, y, z of
 * every site in fractional coordinates).
 *
 * <p>A projector is prepared once for the structure being refined ({@link #prepare}), which may look at the
 * structure (number of sites, orbits of symmetry-equivalent sites); the returned {@link Projection} is the hot
 * path: a pure function of its input that allocates nothing.
 *
 * <p>Every projection P is idempotent (P(P(p)) = P(p)) and leaves a vector that already satisfies the constraints
 * unchanged.
 */
public interface SymmetryProjector {

    /**
     * The projection for structures with the sites of this one.
     *
     * @throws IllegalArgumentException when the structure cannot be constrained this way, naming why
     */
    Projection prepare(Structure reference);

    /** The projection of a parameter vector: out = P(in). */
    @FunctionalInterface
    interface Projection {

        /**
         * Writes P(in) into out (same length, 6 + 3n; out may be in itself). Reads nothing but in and writes
         * nothing but out.
         */
        void apply(double[] in, double[] out);

        /** P(in) as a new array (a convenience off the hot path). */
        default double[] apply(double[] in) {
            double[] out = new double[in.length];
            apply(in, out);
            return out;
        }
    }
}
