package org.pxrd.ui.editor;

import org.pxrd.model.Site;
import org.pxrd.model.Species;

/**
 * The editable columns of the sites table: how each shows a {@link Site} and how a typed value makes a new site.
 * Every change goes through the model's constructors, so the model's own validation (occupancy in (0, 1], finite
 * coordinates, B ≥ 0, known elements) decides what is accepted.
 */
public enum SiteField {
    /** The site's label, e.g. {@code O2}; blank means the species symbol. */
    LABEL("Label") {
        @Override
        String text(Site s) {
            return s.label();
        }

        @Override
        Site apply(Site s, String text) {
            String label = text == null ? "" : text.strip();
            return new Site(s.species(), s.frac(), s.occupancy(), s.bIso(), label.isEmpty() ? null : label);
        }
    },
    /** Element with optional charge, e.g. {@code Fe3+}. */
    SPECIES("Species") {
        @Override
        String text(Site s) {
            return s.species().toString();
        }

        @Override
        Site apply(Site s, String text) {
            return s.withSpecies(Species.parse(text));
        }
    },
    /** Fractional coordinate x (wrapped to [0, 1)). */
    X("x") {
        @Override
        String text(Site s) {
            return NumberText.format(s.frac(0));
        }

        @Override
        Site apply(Site s, String text) {
            return withCoordinate(s, 0, NumberText.parse("x", text));
        }
    },
    /** Fractional coordinate y (wrapped to [0, 1)). */
    Y("y") {
        @Override
        String text(Site s) {
            return NumberText.format(s.frac(1));
        }

        @Override
        Site apply(Site s, String text) {
            return withCoordinate(s, 1, NumberText.parse("y", text));
        }
    },
    /** Fractional coordinate z (wrapped to [0, 1)). */
    Z("z") {
        @Override
        String text(Site s) {
            return NumberText.format(s.frac(2));
        }

        @Override
        Site apply(Site s, String text) {
            return withCoordinate(s, 2, NumberText.parse("z", text));
        }
    },
    /** Site occupancy in (0, 1]. */
    OCCUPANCY("Occupancy") {
        @Override
        String text(Site s) {
            return NumberText.format(s.occupancy());
        }

        @Override
        Site apply(Site s, String text) {
            return s.withOccupancy(NumberText.parse("occupancy", text));
        }
    },
    /** Isotropic displacement parameter B in Å²; blank for none. */
    B_ISO("B (Å²)") {
        @Override
        String text(Site s) {
            return NumberText.format(s.bIso());
        }

        @Override
        Site apply(Site s, String text) {
            boolean none = text == null || text.isBlank();
            return s.withBIso(none ? Double.NaN : NumberText.parse("B", text));
        }
    };

    private final String header;

    SiteField(String header) {
        this.header = header;
    }

    /** Column header with unit. */
    public String header() {
        return header;
    }

    /** The value of this field as the table shows it. */
    abstract String text(Site site);

    /**
     * The site with this field set to the typed text.
     *
     * @throws IllegalArgumentException (or the model's InvalidModelException) with a message naming the problem
     */
    abstract Site apply(Site site, String text);

    private static Site withCoordinate(Site s, int axis, double value) {
        double[] f = s.frac();
        f[axis] = value;
        return s.withFrac(f);
    }
}
