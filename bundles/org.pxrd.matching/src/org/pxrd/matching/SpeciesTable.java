package org.pxrd.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.pxrd.model.Site;
import org.pxrd.model.Species;

/**
 * The species classes of the sites of the structures being compared: two sites may be matched when they carry the
 * same species (element and oxidation state) with the same occupancy, pymatgen's {@code SpeciesComparator}. Each
 * class has pymatgen's species string as label ({@code Fe}, {@code Fe3+}, or {@code Fe:0.500} for a partially
 * occupied site), by which the primitive-cell search groups and orders sites.
 */
final class SpeciesTable {

    /** Occupancies closer than this are the same (pymatgen's composition amount tolerance). */
    static final double OCCUPANCY_TOLERANCE = 1e-8;

    private record Key(Species species, double occupancy) {
    }

    private final List<Key> keys = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    /** The class of a site, created on first sight. */
    synchronized int id(Site site) {
        for (int i = 0; i < keys.size(); i++) {
            Key k = keys.get(i);
            if (k.species().equals(site.species())
                    && Math.abs(k.occupancy() - site.occupancy()) < OCCUPANCY_TOLERANCE) {
                return i;
            }
        }
        keys.add(new Key(site.species(), site.occupancy()));
        labels.add(site.occupancy() >= 1 - OCCUPANCY_TOLERANCE ? site.species().toString()
                : String.format(Locale.ROOT, "%s:%.3f", site.species(), site.occupancy()));
        return keys.size() - 1;
    }

    String label(int id) {
        return labels.get(id);
    }

    /** A site of class {@code id} at fractional coordinates {@code frac}. */
    Site site(int id, double[] frac) {
        Key k = keys.get(id);
        return new Site(k.species(), frac, Math.min(1.0, k.occupancy()), Double.NaN, null);
    }

    @Override
    public String toString() {
        return Objects.toString(labels);
    }
}
