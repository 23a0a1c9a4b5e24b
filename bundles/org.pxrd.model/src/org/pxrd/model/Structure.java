package org.pxrd.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable periodic crystal structure: a {@link Lattice} and its {@link Site}s in fractional coordinates,
 * with a name (e.g. the CIF data block) and, when known, the space group it was described in. Changes make
 * copies ({@code withLattice}, {@code withSites}, ...).
 */
public final class Structure {

    /** Converts u/Å³ to g/cm³: 1 u = 1.66053906660e-24 g and 1 Å³ = 1e-24 cm³. */
    public static final double GRAMS_PER_CM3_PER_U_PER_A3 = 1.66053906660;

    private final String name;
    private final Lattice lattice;
    private final List<Site> sites;
    private final CrystalSymmetry symmetry;

    /**
     * @throws InvalidModelException when there are no sites
     */
    public Structure(String name, Lattice lattice, List<Site> sites, CrystalSymmetry symmetry) {
        this.name = name == null || name.isBlank() ? "structure" : name;
        this.lattice = Objects.requireNonNull(lattice, "lattice");
        this.sites = List.copyOf(sites);
        this.symmetry = symmetry;
        if (this.sites.isEmpty()) {
            throw new InvalidModelException("structure '" + this.name + "' has no atomic sites");
        }
    }

    public Structure(String name, Lattice lattice, List<Site> sites) {
        this(name, lattice, sites, null);
    }

    public String name() {
        return name;
    }

    public Lattice lattice() {
        return lattice;
    }

    /** The sites, in order (unmodifiable). */
    public List<Site> sites() {
        return sites;
    }

    public Site site(int i) {
        return sites.get(i);
    }

    /** Number of sites. */
    public int size() {
        return sites.size();
    }

    /** The space group the structure was described in, when known. */
    public Optional<CrystalSymmetry> symmetry() {
        return Optional.ofNullable(symmetry);
    }

    /** Fractional coordinates as an n x 3 array (a copy). */
    public double[][] fracCoords() {
        double[][] f = new double[sites.size()][];
        for (int i = 0; i < f.length; i++) {
            f[i] = sites.get(i).frac();
        }
        return f;
    }

    /** Cartesian coordinates in Å as an n x 3 array. */
    public double[][] cartCoords() {
        double[][] r = new double[sites.size()][];
        for (int i = 0; i < r.length; i++) {
            r[i] = lattice.toCartesian(sites.get(i).frac());
        }
        return r;
    }

    /**
     * Occupancy-weighted amount of each element per cell, ordered by electronegativity (then Z), as pymatgen
     * orders formulas.
     */
    public Map<Element, Double> composition() {
        Map<Element, Double> amounts = new LinkedHashMap<>();
        for (Site s : sites) {
            amounts.merge(s.element(), s.occupancy(), Double::sum);
        }
        List<Element> order = new ArrayList<>(amounts.keySet());
        order.sort(Comparator.comparingDouble((Element e) -> Double.isNaN(e.electronegativity())
                ? Double.POSITIVE_INFINITY : e.electronegativity()).thenComparingInt(Element::z));
        Map<Element, Double> sorted = new LinkedHashMap<>();
        for (Element e : order) {
            sorted.put(e, amounts.get(e));
        }
        return Collections.unmodifiableMap(sorted);
    }

    /** The cell's formula with spaces, e.g. {@code Fe4 O6}. */
    public String formula() {
        StringBuilder sb = new StringBuilder();
        composition().forEach((e, n) -> sb.append(sb.length() == 0 ? "" : " ").append(e.symbol()).append(amount(n)));
        return sb.toString();
    }

    /**
     * The reduced formula without spaces, e.g. {@code Fe2O3}; amounts are divided by their greatest common
     * divisor when all are whole numbers.
     */
    public String reducedFormula() {
        Map<Element, Double> c = composition();
        long gcd = 0;
        boolean whole = true;
        for (double n : c.values()) {
            if (Math.abs(n - Math.rint(n)) > 1e-6) {
                whole = false;
                break;
            }
            gcd = gcd(gcd, Math.round(n));
        }
        long divisor = whole && gcd > 0 ? gcd : 1;
        StringBuilder sb = new StringBuilder();
        c.forEach((e, n) -> {
            String a = amount(n / divisor);
            sb.append(e.symbol()).append(a.equals("1") ? "" : a);
        });
        return sb.toString();
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static String amount(double n) {
        if (Math.abs(n - Math.rint(n)) < 1e-6) {
            return Long.toString(Math.round(n));
        }
        String s = String.format(java.util.Locale.ROOT, "%.4f", n);
        return s.replaceAll("0+$", "");
    }

    /** Total mass of the cell contents in u (occupancy-weighted). */
    public double mass() {
        double m = 0;
        for (Site s : sites) {
            m += s.element().mass() * s.occupancy();
        }
        return m;
    }

    /** Density in g/cm³. */
    public double density() {
        return mass() * GRAMS_PER_CM3_PER_U_PER_A3 / lattice.volume();
    }

    /** The same sites (fractional coordinates kept) in another lattice; the space group label is dropped. */
    public Structure withLattice(Lattice newLattice) {
        return new Structure(name, newLattice, sites, null);
    }

    /** Other sites in the same lattice; the space group label is dropped. */
    public Structure withSites(List<Site> newSites) {
        return new Structure(name, lattice, newSites, null);
    }

    /** The sites moved to new fractional coordinates (n x 3, wrapped); the space group label is dropped. */
    public Structure withFracCoords(double[][] frac) {
        if (frac.length != sites.size()) {
            throw new InvalidModelException("expected " + sites.size() + " coordinate triples, got " + frac.length);
        }
        List<Site> moved = new ArrayList<>(sites.size());
        for (int i = 0; i < frac.length; i++) {
            moved.add(sites.get(i).withFrac(frac[i]));
        }
        return new Structure(name, lattice, moved, null);
    }

    public Structure withName(String newName) {
        return new Structure(newName, lattice, sites, symmetry);
    }

    /** This structure labelled with the space group it is described in (null to remove the label). */
    public Structure withSymmetry(CrystalSymmetry newSymmetry) {
        return new Structure(name, lattice, sites, newSymmetry);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(name).append(": ").append(formula()).append('\n').append(lattice);
        for (Site s : sites) {
            sb.append('\n').append("  ").append(s);
        }
        return sb.toString();
    }
}
