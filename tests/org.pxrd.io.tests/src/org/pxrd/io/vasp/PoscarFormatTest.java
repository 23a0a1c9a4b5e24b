package org.pxrd.io.vasp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.pxrd.io.ReferenceStructures.assertSame;
import static org.pxrd.io.ReferenceStructures.groupedByElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.io.ReferenceStructures;
import org.pxrd.io.StructureFiles;
import org.pxrd.io.StructureFormatException;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Species;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

/** VASP 5 POSCAR reading (against files written by pymatgen and ASE), writing, round trips and errors. */
class PoscarFormatTest {

    /** What a round trip must reproduce (Å, degrees, fractional): the bound. */
    private static final double ROUND_TRIP_TOLERANCE = 1e-8;
    /**
     * Agreement with the independent writers. The CIFs hold 8 decimals and pymatgen's CIF parser snaps coordinates
     * within that precision to thirds and sixths (0.66666667 becomes 2/3, 3.3e-9 away), which its POSCARs then carry;
     * ASE's Cartesian Å with 16 decimals come back through a matrix inverse (rounding ~1e-15).
     */
    private static final double ORACLE_TOLERANCE = 1e-8;

    private static final StructureFiles FILES = new StructureFiles(ExtensionSources.detect());
    private final PoscarFormat poscar = new PoscarFormat();

    static Stream<Arguments> oracles() {
        return TestData.files("paper10/cif", ".cif").stream().flatMap(cif -> {
            String stem = cif.getFileName().toString().replace(".cif", "");
            return Stream.of(Arguments.of(stem + ".pymatgen.vasp", cif), Arguments.of(stem + ".ase.vasp", cif));
        });
    }

    /** pymatgen's Direct and ASE's Cartesian (element-sorted) POSCARs read as the same structure as the CIF. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("oracles")
    void readsWhatPymatgenAndAseWrite(String oracle, Path cif) throws Exception {
        Structure fromCif = FILES.readFirst(cif);
        Structure fromPoscar = FILES.readFirst(TestData.moduleData(getClass(), "poscar/" + oracle));
        Structure expected = oracle.contains(".ase.") ? sortedByElementSymbol(fromCif) : groupedByElement(fromCif);
        assertSame(expected.withSymmetry(null), fromPoscar, ORACLE_TOLERANCE);
        assertThat(fromPoscar.lattice().volume()).isCloseTo(fromCif.lattice().volume(), within(1e-9));
    }

    static Stream<Arguments> referenceCifs() {
        return ReferenceStructures.cifs().stream().map(p -> Arguments.of(ReferenceStructures.relative(p), p));
    }

    /** Round trip: sites come back grouped by element (the only change), everything within 1e-8. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCifs")
    void writeThenReadReproducesEveryFullyOccupiedReferenceStructure(String name, Path file) throws Exception {
        for (Structure original : FILES.read(file)) {
            if (original.sites().stream().anyMatch(s -> s.occupancy() < 1)) {
                assertThatThrownBy(() -> poscar.write(original)).isInstanceOf(StructureFormatException.class)
                        .hasMessageContaining("partial occupancies");
                continue;
            }
            Structure back = poscar.read(poscar.write(original), "POSCAR").get(0);
            assertSame(groupedByElement(bare(original)), back, ROUND_TRIP_TOLERANCE);
            assertThat(back.name()).isEqualTo(original.name());
        }
    }

    @Test
    void writeThenReadReproducesEveryMatcherPair() throws Exception {
        for (Path file : TestData.files(ReferenceStructures.MATCHER_PAIRS, ".cif")) {
            Structure original = FILES.readFirst(file);
            assertSame(groupedByElement(bare(original)), poscar.read(poscar.write(original), "POSCAR").get(0),
                    ROUND_TRIP_TOLERANCE);
        }
    }

    @Test
    void negativeScaleIsTheTargetVolumeAndScalesCartesianPositions() throws Exception {
        String text = """
                scaled to 125 A^3
                -125
                  2 0 0
                  0 2 0
                  0 0 2
                Na Cl
                1 1
                Cartesian
                  0 0 0
                  1 1 1
                """;
        Structure s = poscar.read(text, "POSCAR").get(0);
        assertThat(s.lattice().a()).isCloseTo(5, within(1e-12));
        assertThat(s.lattice().volume()).isCloseTo(125, within(1e-9));
        assertThat(s.site(1).frac()).containsExactly(new double[] {0.5, 0.5, 0.5}, within(1e-12));
        assertThat(s.name()).isEqualTo("scaled to 125 A^3");
    }

    @Test
    void threeScaleFactorsScaleTheCartesianComponents() throws Exception {
        String text = """
                orthorhombic
                2.0 3.0 4.0
                  1 0 0
                  0 1 0
                  0 0 1
                Si
                1
                Selective dynamics
                Cartesian
                  0.5 0.5 0.25 T T F
                """;
        Structure s = poscar.read(text, "POSCAR").get(0);
        assertThat(s.lattice().parameters()).containsExactly(new double[] {2, 3, 4, 90, 90, 90}, within(1e-12));
        assertThat(s.site(0).frac()).containsExactly(new double[] {0.5, 0.5, 0.25}, within(1e-12));
    }

    @Test
    void contcarWithPotcarSuffixesLabelsAndVelocitiesReads() throws Exception {
        String text = """
                Fe2O3 relaxed
                   1.00000000000000
                     5.0 0.0 0.0
                     0.0 5.0 0.0
                     0.0 0.0 5.0
                   Fe_pv/3f7a1b2c   O
                     2     1
                Selective dynamics
                Direct
                  0.0 0.0 0.0   F F F  Fe1
                  0.5 0.5 0.5   T T T  Fe2
                  0.25 0.25 0.25 T T T O1

                  0.00000000E+00  0.00000000E+00  0.00000000E+00
                  0.00000000E+00  0.00000000E+00  0.00000000E+00
                  0.00000000E+00  0.00000000E+00  0.00000000E+00
                """;
        Structure s = poscar.read(text, "CONTCAR").get(0);
        assertThat(s.formula()).isEqualTo("Fe2 O1");
        assertThat(s.site(2).frac()).containsExactly(0.25, 0.25, 0.25);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2|'abc'|the scaling factor: 'abc' is not a number",
        "2|0|the scaling factor is zero",
        "2|NaN|the scaling factor: 'NaN' is not a number",
        "3|1e999 0 0|lattice vector a: '1e999' is not a finite number",
        "4|1 0 0|impossible cell",
        "6|Xx|unknown element 'Xx'",
        "6|1|no element symbols before the atom counts (VASP 4 format)",
        "7|2 1|the file ends before the coordinates of atom 3",
        "7|1 x|atom count 'x' is not a positive whole number",
        "7|1 0|atom count '0' is not a positive whole number",
        "8|Fractional|expected 'Direct' or 'Cartesian', found 'Fractional'",
        "9|0.1 0.2|expected 3 numbers for the coordinates of atom 1, found '0.1 0.2'",
        "9|0.1 0.2 inf|the coordinates of atom 1: 'inf' is not a number"})
    void errorsNameTheLineAndTheProblem(int line, String replacement, String problem) {
        String[] lines = {"NaCl", "1.0", "5 0 0", "0 5 0", "0 0 5", "Na Cl", "1 1", "Direct", "0 0 0", "0.5 0.5 0.5"};
        lines[line - 1] = replacement;
        String text = String.join("\n", lines) + "\n";
        assertThatThrownBy(() -> poscar.read(text, "bad/POSCAR")).isInstanceOf(StructureFormatException.class)
                .hasMessageStartingWith("bad/POSCAR:").hasMessageContaining(problem);
    }

    @Test
    void truncatedFilesSayWhatIsMissing() {
        String whole = "NaCl\n1.0\n5 0 0\n0 5 0\n0 0 5\nNa Cl\n1 1\nDirect\n0 0 0\n0.5 0.5 0.5\n";
        for (int cut = 0; cut <= whole.lastIndexOf("0.5 0.5 0.5"); cut++) {
            String text = whole.substring(0, cut);
            assertThatThrownBy(() -> poscar.read(text, "POSCAR")).as("cut at %d", cut)
                    .isInstanceOf(StructureFormatException.class).hasMessageStartingWith("POSCAR");
        }
    }

    @Test
    void contentIsRecognizedWithoutAFileName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("relaxed-structure.txt");
        Files.copy(TestData.moduleData(getClass(), "poscar/mp-3589_BPO4_sg82.pymatgen.vasp"), file);
        assertThat(FILES.readFirst(file).reducedFormula()).isEqualTo("BPO4");
        assertThat(new PoscarFormat().recognizes("data_x\n_cell_length_a 5\n")).isFalse();
    }

    @Test
    void partialOccupancyCannotBeWritten() {
        Structure s = new Structure("half", Lattice.cubic(3), List.of(new Site(Species.of(Element.Fe), new double[3],
                0.5, Double.NaN, "Fe1")));
        assertThatThrownBy(() -> poscar.write(s)).hasMessageContaining("site Fe1 has occupancy 0.5");
    }

    /** The structure as POSCAR keeps it: species reduced to their element, no displacement parameters. */
    private static Structure bare(Structure s) {
        return s.withSites(s.sites().stream().map(site -> site.withSpecies(Species.of(site.element()))
                .withBIso(Double.NaN)).toList());
    }

    /** ASE's sort=True order: by chemical symbol, stable. */
    private static Structure sortedByElementSymbol(Structure s) {
        return s.withSites(s.sites().stream().sorted(java.util.Comparator.comparing(site -> site.element().symbol()))
                .toList());
    }
}
