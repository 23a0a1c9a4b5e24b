package org.pxrd.io.cif;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.model.SymmetryOperation;

/**
 * Orbits of atoms under a list of symmetry operations, the one rule shared by the CIF reader (expanding an
 * asymmetric unit) and the CIF writer (finding one), so that what the writer writes the reader reads back.
 *
 * <p><b>Expansion</b> of a position x: the images W·x + w of every operation, in the order of the operations,
 * each wrapped into [0, 1); an image closer than the merge tolerance (periodic Cartesian distance, Å) to an
 * earlier one is the same atom and dropped. Atoms on special positions so keep their multiplicity.
 *
 * <p><b>Asymmetric unit</b> of a structure: going through the sites in order, each site not yet assigned
 * becomes the representative of a new orbit; every image of it (by the expansion above) must coincide, within the
 * match tolerance (fractional), with a site of the same species, occupancy and displacement parameter that
 * belongs to no other orbit, and no two images may stand for the same site. If any of this fails, the structure
 * is not invariant under the operations and has no asymmetric unit for them; if it succeeds, expanding the
 * representatives gives back every site (moved by at most the match tolerance).
 */
final class SymmetryOrbits {

    /** Occupancies and B (Å²) of one orbit must agree to this (they are copies of one value). */
    static final double PROPERTY_TOLERANCE = 1e-9;

    private SymmetryOrbits() {
    }

    /** The distinct images of a fractional position, wrapped to [0, 1), in the order of the operations. */
    static List<double[]> images(double[] frac, List<SymmetryOperation> operations, Lattice lattice,
            double mergeTolerance) {
        double[][] metric = lattice.metricTensor();
        List<double[]> images = new ArrayList<>(operations.size());
        for (SymmetryOperation op : operations) {
            double[] x = op.apply(frac);
            for (int i = 0; i < 3; i++) {
                x[i] = Site.wrap(x[i]);
            }
            boolean known = false;
            for (double[] y : images) {
                if (periodicDistance(metric, x, y) < mergeTolerance) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                images.add(x);
            }
        }
        return images;
    }

    /**
     * The representatives of the orbits of a structure's sites (in site order), or empty when the structure is
     * not invariant under the operations (see the class comment).
     *
     * @param matchTolerance how far an image may be from the site it stands for, in fractional coordinates (largest
     *        component of the difference modulo 1)
     * @param mergeTolerance the reader's merge tolerance (Å)
     */
    static Optional<List<Site>> asymmetricUnit(Structure structure, List<SymmetryOperation> operations,
            double matchTolerance, double mergeTolerance) {
        Lattice lattice = structure.lattice();
        List<Site> sites = structure.sites();
        int[] orbitOf = new int[sites.size()];
        java.util.Arrays.fill(orbitOf, -1);
        List<Site> representatives = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            if (orbitOf[i] >= 0) {
                continue;
            }
            Site representative = sites.get(i);
            int orbit = representatives.size();
            representatives.add(representative);
            List<double[]> images = images(representative.frac(), operations, lattice, mergeTolerance);
            for (double[] image : images) {
                int match = -1;
                for (int j = 0; j < sites.size() && match < 0; j++) {
                    if ((orbitOf[j] < 0 || orbitOf[j] == orbit) && sameKind(representative, sites.get(j))
                            && fractionalDistance(image, sites.get(j)) <= matchTolerance) {
                        match = j;
                    }
                }
                if (match < 0 || orbitOf[match] == orbit) {
                    return Optional.empty();
                }
                orbitOf[match] = orbit;
            }
        }
        return Optional.of(representatives);
    }

    /** Largest component of x − y modulo 1 (nearest image). */
    private static double fractionalDistance(double[] x, Site y) {
        double worst = 0;
        for (int i = 0; i < 3; i++) {
            double d = x[i] - y.frac(i);
            worst = Math.max(worst, Math.abs(d - Math.rint(d)));
        }
        return worst;
    }

    private static boolean sameKind(Site a, Site b) {
        boolean bothWithoutB = !a.hasDisplacement() && !b.hasDisplacement();
        boolean sameB = bothWithoutB || (a.hasDisplacement() && b.hasDisplacement()
                && Math.abs(a.bIso() - b.bIso()) <= PROPERTY_TOLERANCE);
        return a.species().equals(b.species()) && Math.abs(a.occupancy() - b.occupancy()) <= PROPERTY_TOLERANCE
                && sameB;
    }

    /**
     * Shortest Cartesian distance (Å) between two fractional positions over the neighbouring cells:
     * min over n in {-1,0,1}³ of √(d·G·dᵀ) with d = x − y − round(x − y) + n and G the metric tensor.
     */
    static double periodicDistance(double[][] metric, double[] x, double[] y) {
        double[] d = new double[3];
        for (int i = 0; i < 3; i++) {
            d[i] = x[i] - y[i] - Math.rint(x[i] - y[i]);
        }
        double best = Double.POSITIVE_INFINITY;
        double[] e = new double[3];
        for (int i = -1; i <= 1; i++) {
            e[0] = d[0] + i;
            for (int j = -1; j <= 1; j++) {
                e[1] = d[1] + j;
                for (int k = -1; k <= 1; k++) {
                    e[2] = d[2] + k;
                    double q = 0;
                    for (int r = 0; r < 3; r++) {
                        q += e[r] * (metric[r][0] * e[0] + metric[r][1] * e[1] + metric[r][2] * e[2]);
                    }
                    best = Math.min(best, q);
                }
            }
        }
        return Math.sqrt(Math.max(0, best));
    }
}
