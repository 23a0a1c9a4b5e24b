package org.pxrd.symmetry;

import java.util.ArrayList;
import java.util.List;

import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;

/**
 * The parameter vector a projector works on: {@code [a, b, c, α, β, γ, x₁, y₁, z₁, ..., xₙ, yₙ, zₙ]} with lengths
 * in Å, angles in degrees and fractional coordinates of the n sites in structure order.
 */
public final class ParameterVector {

    /** Index of the first coordinate (after the six lattice parameters). */
    public static final int COORDINATES = 6;

    private ParameterVector() {
    }

    /** The parameter vector of a structure. */
    public static double[] of(Structure s) {
        double[] p = new double[COORDINATES + 3 * s.size()];
        System.arraycopy(s.lattice().parameters(), 0, p, 0, 6);
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < 3; k++) {
                p[COORDINATES + 3 * i + k] = s.site(i).frac(k);
            }
        }
        return p;
    }

    /**
     * The structure with the reference's sites (species, occupancies) at the vector's lattice and coordinates.
     *
     * @throws IllegalArgumentException when the vector does not fit the structure or describes no cell
     */
    public static Structure toStructure(Structure reference, double[] p) {
        if (p.length != COORDINATES + 3 * reference.size()) {
            throw new IllegalArgumentException("parameter vector of length " + p.length + " does not fit "
                    + reference.size() + " sites (expected " + (COORDINATES + 3 * reference.size()) + ")");
        }
        Lattice lattice = Lattice.fromParameters(p[0], p[1], p[2], p[3], p[4], p[5]);
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < reference.size(); i++) {
            int o = COORDINATES + 3 * i;
            sites.add(reference.site(i).withFrac(new double[] {p[o], p[o + 1], p[o + 2]}));
        }
        return new Structure(reference.name(), lattice, sites);
    }
}
