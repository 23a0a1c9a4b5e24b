package org.pxrd.optimization.potentials;

import org.pxrd.model.Structure;

/**
 * An energy potential, contributed through the extension point {@code org.pxrd.optimization.potentials}: the
 * energy (eV), forces (eV/Å) and stress (eV/Å³, ASE's sign convention) of a periodic structure; see
 * {@link PotentialResult} for the exact definitions.
 *
 * <p>Every site must be fully occupied (a potential sees atoms, not averages). An instance may hold resources
 * (an external process): {@link #close()} releases them, and callers use try-with-resources. An instance may
 * serialise its calls; parallel runs each create their own instance from the registry.
 */
public interface Potential extends AutoCloseable {

    /**
     * Energy, forces and stress of a structure.
     *
     * @throws PotentialException naming the problem in one line (unknown element, overlapping atoms, a worker
     *         that failed); never a partial result
     */
    PotentialResult compute(Structure structure) throws PotentialException;

    /** Releases what the potential holds (e.g. stops its worker process); the default holds nothing. */
    @Override
    default void close() {
    }

    /**
     * Checks that every site is fully occupied.
     *
     * @throws PotentialException naming the first partially occupied site
     */
    static void requireFullOccupancy(Structure structure, String potentialName) throws PotentialException {
        for (int i = 0; i < structure.size(); i++) {
            double occupancy = structure.site(i).occupancy();
            if (Math.abs(occupancy - 1) > 1e-6) {
                throw new PotentialException(potentialName + ": site " + (i + 1) + " (" + structure.site(i).label()
                        + ") has occupancy " + occupancy + "; potentials need fully occupied sites");
            }
        }
    }
}
