package org.pxrd.ui.editor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

import org.pxrd.testdata.TestData;

/**
 * The space groups of the example BPO4 with its lattice parameter a edited, from spglib 2.0.2 through pymatgen
 * 2022.11.7 (symprec 0.01 Å, angle tolerance 5°): data/editor_symmetry.csv, made by scripts/make_editor_symmetry.py.
 */
record SymmetryOracle(String a, String symbol, int number, String crystalSystem, int primitiveSites,
        double primitiveVolume, int conventionalSites, double conventionalVolume) {

    /** What the editor shows for this group. */
    String label() {
        return symbol + " (No. " + number + "), " + crystalSystem;
    }

    /** The row of an edited value of a, as typed (e.g. {@code "5.2"}). */
    static SymmetryOracle row(String a) {
        List<String> lines;
        try {
            lines = Files.readAllLines(TestData.moduleData(SymmetryOracle.class, "editor_symmetry.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f[0].equals(a)) {
                return new SymmetryOracle(f[0], f[1], Integer.parseInt(f[2]), f[3], Integer.parseInt(f[4]),
                        Double.parseDouble(f[5]), Integer.parseInt(f[6]), Double.parseDouble(f[7]));
            }
        }
        throw new AssertionError("no oracle row for a = " + a);
    }
}
