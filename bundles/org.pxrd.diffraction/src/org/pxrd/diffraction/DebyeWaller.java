package org.pxrd.diffraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pxrd.model.Element;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;

/**
 * Debye-Waller factors exp(−B s²) (B in Å², s = sin θ / λ in Å⁻¹): the simulator applies each site's isotropic B
 * ({@link Site#bIso()}, none when unset). This helper sets B per element, as pymatgen's {@code debye_waller_factors}.
 */
public final class DebyeWaller {

    private DebyeWaller() {
    }

    /**
     * The structure with B (Å²) given per element: sites of a listed element get its B unless they have their own;
     * other sites are unchanged.
     *
     * @throws IllegalArgumentException for a negative or non-finite B
     */
    public static Structure perElement(Structure structure, Map<Element, Double> b) {
        b.forEach((e, v) -> {
            if (!(v >= 0 && Double.isFinite(v))) {
                throw new IllegalArgumentException("Debye-Waller B of " + e.symbol() + " = " + v
                        + " Å² must be finite and non-negative");
            }
        });
        List<Site> sites = new ArrayList<>(structure.size());
        for (Site s : structure.sites()) {
            Double v = b.get(s.element());
            sites.add(v != null && !s.hasDisplacement() ? s.withBIso(v) : s);
        }
        return structure.withSites(sites).withSymmetry(structure.symmetry().orElse(null));
    }
}
