package org.pxrd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.io.StructureFiles;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

/** {@code pxrd convert IN OUT}: CIF and POSCAR both ways, symmetry kept, and one-line errors. */
class ConvertCommandTest {

    private static final double ROUND_TRIP_TOLERANCE = 1e-8;

    private final StructureFiles files = new StructureFiles(ExtensionSources.detect());

    @TempDir
    Path dir;

    @Test
    void aSymmetricCifStaysSymmetricAndGoesThroughPoscarUnchanged() throws Exception {
        Path in = TestData.path("paper10/conventional-cif/mp-1221227_Na3MnCoNiO6_sg8.cif");
        Path cif = dir.resolve("out.cif");
        Path poscar = dir.resolve("POSCAR");
        Path back = dir.resolve("back.cif");

        CliRun toCif = CliRun.of("convert", in.toString(), cif.toString());
        assertThat(toCif.status()).as(toCif.err()).isZero();
        assertThat(toCif.out()).contains("\"nsites\":24");
        assertThat(Files.readString(cif)).contains("_symmetry_Int_Tables_number   8").doesNotContain("'P 1'");
        assertThat(CliRun.of("convert", cif.toString(), poscar.toString()).status()).isZero();
        assertThat(CliRun.of("convert", poscar.toString(), back.toString()).status()).isZero();

        Structure original = files.readFirst(in);
        Structure roundTrip = files.readFirst(back);
        assertThat(roundTrip.size()).isEqualTo(original.size());
        for (int i = 0; i < 6; i++) {
            assertThat(roundTrip.lattice().parameters()[i]).isCloseTo(original.lattice().parameters()[i],
                    within(ROUND_TRIP_TOLERANCE));
        }
        // POSCAR groups the sites by element; compare the sorted coordinates of each element
        Comparator<Site> order = Comparator.comparing((Site s) -> s.element().symbol()).thenComparingDouble(
                s -> s.frac(0)).thenComparingDouble(s -> s.frac(1)).thenComparingDouble(s -> s.frac(2));
        var expected = original.sites().stream().sorted(order).toList();
        var actual = roundTrip.sites().stream().sorted(order).toList();
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).element()).isEqualTo(expected.get(i).element());
            assertThat(actual.get(i).frac()).containsExactly(expected.get(i).frac(), within(ROUND_TRIP_TOLERANCE));
        }
    }

    @Test
    void p1WritesEverySite() throws Exception {
        Path in = TestData.path("paper10/conventional-cif/mp-3589_BPO4_sg82.cif");
        Path out = dir.resolve("p1.cif");
        CliRun run = CliRun.of("convert", "--p1", in.toString(), out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        String text = Files.readString(out);
        assertThat(text).contains("'P 1'");
        assertThat(files.readFirst(out).size()).isEqualTo(12);
    }

    @Test
    void aBlockOfAFileWithSeveralIsPickedWithAHash() throws Exception {
        Path two = dir.resolve("two.cif");
        Files.writeString(two, Files.readString(TestData.path("paper10/cif/mp-947_Au2S_sg224.cif"))
                + Files.readString(TestData.path("paper10/cif/mp-3589_BPO4_sg82.cif")));
        Path out = dir.resolve("bpo4.vasp");

        CliRun ambiguous = CliRun.of("convert", two.toString(), out.toString());
        assertThat(ambiguous.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(ambiguous.err().strip()).isEqualTo("pxrd convert: " + two + ": holds 2 structures (Au2S, BPO4); "
                + "pick one with " + two + "#NAME");
        assertThat(out).doesNotExist();

        CliRun picked = CliRun.of("convert", two + "#BPO4", out.toString());
        assertThat(picked.status()).as(picked.err()).isZero();
        assertThat(files.readFirst(out).reducedFormula()).isEqualTo("BPO4");
    }

    @Test
    void badInputAndImpossibleOutputAreOneLineErrorsAndWriteNothing() throws Exception {
        Path good = TestData.path("paper10/cif/mp-1709_U2Ti_sg191.cif");
        Path partial = TestData.path("measured/RbNb2O5F_pyrochlore/structure.cif");
        Path truncated = dir.resolve("truncated.cif");
        Files.writeString(truncated, Files.readString(good).substring(0, 700));

        assertError(CliRun.of("convert", dir.resolve("missing.cif").toString(), dir.resolve("a.vasp").toString()),
                dir.resolve("missing.cif") + ": no such file");
        assertError(CliRun.of("convert", truncated.toString(), dir.resolve("b.vasp").toString()), truncated + ":");
        assertError(CliRun.of("convert", good.toString(), dir.resolve("c.xyz").toString()), dir.resolve("c.xyz")
                + ": no structure format writes files named like this");
        assertError(CliRun.of("convert", partial.toString(), dir.resolve("d.vasp").toString()), dir.resolve("d.vasp")
                + ": POSCAR cannot hold partial occupancies");
        Path copy = dir.resolve("same.cif");
        Files.copy(good, copy);
        assertError(CliRun.of("convert", copy.toString(), copy.toString()), copy + ": is the input file");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("truncated.cif",
                    "same.cif");
        }
    }

    private static void assertError(CliRun run, String start) {
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("pxrd convert: " + start).doesNotContain("\n");
    }
}
