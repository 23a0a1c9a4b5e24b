package org.pxrd.matching;

import java.util.List;

import org.pxrd.model.Structure;

/**
 * What {@link StructureMatcher#match} found.
 *
 * <p>Distances are normalised, as pymatgen's: a Cartesian distance d (Å) between matched sites, measured in the
 * lattice whose parameters are the mean of the two aligned cells' parameters after the best common translation
 * is removed, is reported as d / (V/n)^(1/3), with V that lattice's volume (Å³) and n the number of sites of the
 * larger cell.
 *
 * @param match the verdict: some lattice correspondence within ltol and angle_tol and some translation map every
 *        site onto a site of the same species with all normalised distances below stol (pymatgen's {@code fit})
 * @param rms the smallest root-mean-square normalised distance over all correspondences tried, when below stol
 *        and the verdict is a match (pymatgen's {@code get_rms_dist}); NaN otherwise
 * @param maxDistance the largest normalised distance of that same correspondence; NaN when rms is
 * @param mapping the matched pairs of that correspondence, as site indices into {@code reducedA} and
 *        {@code reducedB} with their normalised distances; empty without a match
 * @param supercellFactor how many cells of the smaller structure make up the larger (1 without
 *        {@code attempt_supercell})
 * @param reducedA the cell of A that was compared (primitive and Niggli reduced as the options say, before volume
 *        scaling)
 * @param reducedB the cell of B that was compared
 * @param options the tolerances and options used
 */
public record MatchResult(boolean match, double rms, double maxDistance, List<SitePair> mapping, int supercellFactor,
        Structure reducedA, Structure reducedB, MatchOptions options) {

    /**
     * One matched pair of sites.
     *
     * @param siteA index of the site in {@code reducedA}
     * @param siteB index of the site in {@code reducedB}
     * @param distance normalised distance between them after the common translation
     */
    public record SitePair(int siteA, int siteB, double distance) {
    }

    public MatchResult {
        mapping = List.copyOf(mapping);
    }
}
