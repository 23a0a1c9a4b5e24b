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

    /**
     * {@link #compute} as callers outside a plugin want it: a runtime exception of the plugin becomes a
     * {@link PotentialException} naming it, and a result without one force per atom is refused.
     *
     * @throws PotentialException with one line naming the problem
     */
    static PotentialResult computeChecked(Potential potential, Structure structure) throws PotentialException {
        PotentialResult result;
        try {
            result = potential.compute(structure);
        } catch (PotentialException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PotentialException("the potential failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        if (result == null || result.size() != structure.size()) {
            throw new PotentialException("the potential returned " + (result == null ? "nothing"
                    : result.size() + " forces") + " for " + structure.size() + " atoms");
        }
        return result;
    }

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
