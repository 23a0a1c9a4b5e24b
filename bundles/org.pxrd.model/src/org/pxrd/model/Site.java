package org.pxrd.model;

import java.util.Objects;

/**
 * An atomic site: a species at fractional coordinates in [0, 1), with an occupancy in (0, 1] and an optional
 * isotropic displacement parameter B in Å² (B = 8π²U; NaN when not given, meaning no Debye-Waller damping).
 *
 * @param species the element (with optional oxidation state) on the site
 * @param frac fractional coordinates, wrapped to [0, 1) on construction
 * @param occupancy site occupancy in (0, 1]
 * @param bIso isotropic displacement parameter B in Å², or NaN
 * @param label the CIF label (e.g. {@code Fe1}), or the species symbol when none was given
 */
public record Site(Species species, double[] frac, double occupancy, double bIso, String label) {

    /** 8π²: converts U (Å², mean-square displacement) to B (Å²). */
    public static final double B_PER_U = 8 * Math.PI * Math.PI;

    public Site {
        Objects.requireNonNull(species, "species");
        if (frac == null || frac.length != 3) {
            throw new InvalidModelException("a site needs three fractional coordinates");
        }
        double[] wrapped = new double[3];
        for (int i = 0; i < 3; i++) {
            if (!Double.isFinite(frac[i])) {
                throw new InvalidModelException("fractional coordinate " + "xyz".charAt(i) + " = " + frac[i]
                        + " of site " + (label == null ? species : label) + " is not a finite number");
            }
            wrapped[i] = wrap(frac[i]);
        }
        frac = wrapped;
        if (!(occupancy > 0 && occupancy <= 1 + 1e-6)) {
            throw new InvalidModelException("occupancy " + occupancy + " of site " + (label == null ? species : label)
                    + " must lie in (0, 1]");
        }
        if (!Double.isNaN(bIso) && !(Double.isFinite(bIso) && bIso >= 0)) {
            throw new InvalidModelException("displacement parameter B = " + bIso + " Å² of site "
                    + (label == null ? species : label) + " must be finite and non-negative");
        }
        label = label == null || label.isBlank() ? species.toString() : label;
    }

    /** A fully occupied site without displacement parameter. */
    public Site(Species species, double[] frac) {
        this(species, frac, 1.0, Double.NaN, null);
    }

    /** A fully occupied site of a bare element. */
    public static Site of(Element element, double x, double y, double z) {
        return new Site(Species.of(element), new double[] {x, y, z});
    }

    /** Wraps a fractional coordinate to [0, 1) (values that round up to 1.0 become 0.0). */
    public static double wrap(double x) {
        double w = x - Math.floor(x);
        return w >= 1.0 ? 0.0 : w;
    }

    /** The element on the site. */
    public Element element() {
        return species.element();
    }

    /** The fractional coordinates (a copy). */
    @Override
    public double[] frac() {
        return frac.clone();
    }

    /** Coordinate i (0 = x, 1 = y, 2 = z) without copying. */
    public double frac(int i) {
        return frac[i];
    }

    /** Whether an isotropic displacement parameter is set. */
    public boolean hasDisplacement() {
        return !Double.isNaN(bIso);
    }

    /** This site moved to other fractional coordinates (wrapped). */
    public Site withFrac(double[] newFrac) {
        return new Site(species, newFrac, occupancy, bIso, label);
    }

    /** This site with another occupancy. */
    public Site withOccupancy(double newOccupancy) {
        return new Site(species, frac, newOccupancy, bIso, label);
    }

    /** This site with another displacement parameter B (Å², NaN for none). */
    public Site withBIso(double newBIso) {
        return new Site(species, frac, occupancy, newBIso, label);
    }

    /** This site with another species (the label follows when it was the old species' symbol). */
    public Site withSpecies(Species newSpecies) {
        return new Site(newSpecies, frac, occupancy, bIso, label.equals(species.toString()) ? null : label);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Site s && species.equals(s.species) && java.util.Arrays.equals(frac, s.frac)
                && Double.compare(occupancy, s.occupancy) == 0 && Double.compare(bIso, s.bIso) == 0
                && label.equals(s.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(species, java.util.Arrays.hashCode(frac), occupancy, bIso, label);
    }

    @Override
    public String toString() {
        return String.format("%s %s (%.6f, %.6f, %.6f) occ=%.4g%s", label, species, frac[0], frac[1], frac[2],
                occupancy, hasDisplacement() ? String.format(" B=%.4g", bIso) : "");
    }
}
