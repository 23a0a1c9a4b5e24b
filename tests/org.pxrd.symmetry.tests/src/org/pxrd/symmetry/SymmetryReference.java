package org.pxrd.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.pxrd.model.Structure;

/**
 * Compares our symmetry analysis with one reference row of pymatgen/spglib (the columns of the shared
 * {@code symmetry.csv}) at one tolerance: space-group number, crystal system, atoms of both standard cells,
 * conventional a, b, c within {@link #LENGTH_TOLERANCE} Å and α, β, γ within {@link #ANGLE_TOLERANCE}°, and the
 * Wyckoff multiset (exactly, or for an equivalent description of the structure in the standard setting, see
 * {@link SymmetryDataset#equivalentWyckoffSymbols()}).
 */
final class SymmetryReference {

    /** The checked agreement of conventional lengths (Å). */
    static final double LENGTH_TOLERANCE = 1e-4;
    /** The checked agreement of conventional angles (degrees); the reference prints 4 decimals. */
    static final double ANGLE_TOLERANCE = 1e-3;

    private SymmetryReference() {
    }

    /** The outcome: the fields that disagree, and whether the Wyckoff letters agreed without relabelling. */
    record Outcome(List<String> differences, boolean wyckoffExact) {
    }

    static Outcome compare(Structure s, Map<String, String> row, String suffix) {
        double symprec = suffix.equals("p01") ? 0.01 : 0.1;
        SymmetryDataset d = new SymmetryFinder(symprec, SymmetryFinder.DEFAULT_ANGLE_TOLERANCE).analyze(s);
        List<String> differences = new ArrayList<>();
        if (d.number() != Integer.parseInt(row.get("sg_" + suffix))) {
            differences.add("sg");
        }
        if (!d.crystalSystem().label().equals(row.get("system_" + suffix))) {
            differences.add("system");
        }
        Structure conv = d.conventionalStandardStructure();
        Structure prim = d.primitiveStandardStructure();
        if (conv.size() != Integer.parseInt(row.get("nconv_" + suffix))) {
            differences.add("nconv");
        }
        if (prim.size() != Integer.parseInt(row.get("nprim_" + suffix))) {
            differences.add("nprim");
        }
        String[] abc = row.get("conv_abc_" + suffix).split(" ");
        String[] angles = row.get("conv_angles_" + suffix).split(" ");
        double[] p = conv.lattice().parameters();
        for (int i = 0; i < 3; i++) {
            if (Math.abs(p[i] - Double.parseDouble(abc[i])) > LENGTH_TOLERANCE
                    || Math.abs(p[i + 3] - Double.parseDouble(angles[i])) > ANGLE_TOLERANCE) {
                differences.add("lattice");
                break;
            }
        }
        List<String> expected = sorted(Arrays.asList(row.get("wyckoff_" + suffix).split(" ")));
        boolean exact = sorted(d.wyckoffSymbols()).equals(expected);
        boolean equivalent = exact || d.equivalentWyckoffSymbols().stream().anyMatch(w -> sorted(w).equals(expected));
        if (!equivalent) {
            differences.add("wyckoff");
        }
        return new Outcome(differences, exact);
    }

    private static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.sort(copy);
        return copy;
    }
}
