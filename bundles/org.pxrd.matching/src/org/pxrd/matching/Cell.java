package org.pxrd.matching;

import java.util.ArrayList;
import java.util.List;

import org.pxrd.model.IntMatrix3;
import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;
import org.pxrd.model.NiggliReduction;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;

/**
 * The working form of a structure inside the matcher: lattice vectors as rows (Å), fractional coordinates
 * wrapped to [0, 1), and per site the index of its species class in a {@link SpeciesTable} (sites of equal class
 * may be matched to each other). Arrays are owned by the cell and never changed after construction.
 */
final class Cell {

    final Lattice lattice;
    final double[][] frac;
    final int[] species;

    Cell(Lattice lattice, double[][] frac, int[] species) {
        this.lattice = lattice;
        this.frac = frac;
        this.species = species;
    }

    static Cell of(Structure structure, SpeciesTable table) {
        int n = structure.size();
        double[][] frac = new double[n][];
        int[] species = new int[n];
        for (int i = 0; i < n; i++) {
            Site s = structure.site(i);
            frac[i] = s.frac();
            species[i] = table.id(s);
        }
        return new Cell(structure.lattice(), frac, species);
    }

    int size() {
        return frac.length;
    }

    /** The same cell in its Niggli-reduced basis (fractional coordinates f·T⁻¹ wrapped, sites in order). */
    Cell niggliReduced() {
        NiggliReduction.Result r = NiggliReduction.reduce(lattice, NiggliReduction.DEFAULT_TOLERANCE);
        double[][] inverse = IntMatrix3.toDouble(IntMatrix3.inverseUnimodular(r.transformation()));
        double[][] f = new double[frac.length][];
        for (int i = 0; i < f.length; i++) {
            f[i] = wrap(Matrix3.multiply(frac[i], inverse));
        }
        return new Cell(r.lattice(), f, species);
    }

    /** The same fractional coordinates in a lattice scaled by {@code factor} along every vector. */
    Cell scaled(double factor) {
        double[][] m = lattice.matrix();
        for (double[] row : m) {
            for (int j = 0; j < 3; j++) {
                row[j] *= factor;
            }
        }
        return new Cell(Lattice.fromMatrix(m), frac, species);
    }

    /** The cell as a model structure named {@code name} (species and occupancies; no labels or B factors). */
    Structure toStructure(String name, SpeciesTable table) {
        List<Site> sites = new ArrayList<>(frac.length);
        for (int i = 0; i < frac.length; i++) {
            sites.add(table.site(species[i], frac[i]));
        }
        return new Structure(name, lattice, sites);
    }

    /** x − floor(x) per component (values that round up to 1 become 0). */
    static double[] wrap(double[] f) {
        return new double[] {Site.wrap(f[0]), Site.wrap(f[1]), Site.wrap(f[2])};
    }

    /** The periodic difference x − round(x), in [−0.5, 0.5] (round half to even, as numpy). */
    static double periodic(double x) {
        return x - Math.rint(x);
    }
}
