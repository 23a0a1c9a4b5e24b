package org.pxrd.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;

/**
 * The editor's edits as functions from a structure to a new one. They never change their argument (structures
 * are immutable) and throw {@link IllegalArgumentException} with a one-line message when the typed value cannot
 * describe a crystal, so a rejected edit leaves the model as it was.
 */
final class StructureEdits {

    /** Names of the lattice parameters a, b, c (Å) and α, β, γ (degrees), in {@link Lattice#parameters()} order. */
    static final String[] LATTICE_NAMES = {"a", "b", "c", "α", "β", "γ"};
    /** Units of the lattice parameters. */
    static final String[] LATTICE_UNITS = {"Å", "Å", "Å", "°", "°", "°"};

    private StructureEdits() {
    }

    /**
     * The structure with lattice parameter {@code index} (0-5: a, b, c, α, β, γ) set to the typed value; the
     * fractional coordinates are kept, so the atoms move with the cell.
     */
    static Structure withLatticeParameter(Structure structure, int index, String text) {
        double value = NumberText.parse(LATTICE_NAMES[index], text);
        double[] p = structure.lattice().parameters();
        if (p[index] == value) {
            return structure;
        }
        p[index] = value;
        return structure.withLattice(Lattice.fromParameters(p));
    }

    /** The structure with one field of site {@code row} (0-based) set to the typed text. */
    static Structure withSiteField(Structure structure, int row, SiteField field, String text) {
        Site old = structure.site(row);
        Site changed = field.apply(old, text);
        if (changed.equals(old)) {
            return structure;
        }
        List<Site> sites = new ArrayList<>(structure.sites());
        sites.set(row, changed);
        return structure.withSites(sites);
    }

    /** The structure with a copy of site {@code row} appended (same position, label with a prime). */
    static Structure withSiteCopied(Structure structure, int row) {
        Site s = structure.site(row);
        List<Site> sites = new ArrayList<>(structure.sites());
        sites.add(new Site(s.species(), s.frac(), s.occupancy(), s.bIso(), s.label() + "'"));
        return structure.withSites(sites);
    }

    /** The structure without site {@code row}; a structure keeps at least one site. */
    static Structure withoutSite(Structure structure, int row) {
        if (structure.size() == 1) {
            throw new IllegalArgumentException("the last site cannot be removed: a structure needs at least one site");
        }
        List<Site> sites = new ArrayList<>(structure.sites());
        sites.remove(row);
        return structure.withSites(sites);
    }
}
