package org.pxrd.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Species;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

/** Choosing formats, picking one structure of a file, and the one-line errors of files that cannot be read. */
class StructureFilesTest {

    private static final String TWO_BLOCKS = """
            data_first
            _cell_length_a 4 _cell_length_b 4 _cell_length_c 4
            _cell_angle_alpha 90 _cell_angle_beta 90 _cell_angle_gamma 90
            loop_ _atom_site_type_symbol _atom_site_fract_x _atom_site_fract_y _atom_site_fract_z
            Fe 0 0 0
            data_second
            _cell_length_a 5 _cell_length_b 5 _cell_length_c 5
            _cell_angle_alpha 90 _cell_angle_beta 90 _cell_angle_gamma 90
            loop_ _atom_site_type_symbol _atom_site_fract_x _atom_site_fract_y _atom_site_fract_z
            Cu 0 0 0  Cu 0.5 0.5 0.5
            data_broken
            _cell_length_a 5 _cell_length_b 5 _cell_length_c 5
            _cell_angle_alpha 90 _cell_angle_beta 90 _cell_angle_gamma 200
            loop_ _atom_site_type_symbol _atom_site_fract_x _atom_site_fract_y _atom_site_fract_z
            Cu 0 0 0
            """;

    private final StructureFiles files = new StructureFiles(ExtensionSources.detect());

    @TempDir
    Path dir;

    @Test
    void theStructuresOfAFileAreReadAllOrOneByName() throws Exception {
        Path file = write("two.cif", TWO_BLOCKS);
        assertThatThrownBy(() -> files.read(file)).hasMessage(file + ":13: impossible cell: lattice angle gamma = "
                + "200.0 degrees must lie strictly between 0 and 180");
        // a broken block elsewhere does not matter when another one is picked
        assertThat(files.read(file, "SECOND").size()).isEqualTo(2);
        assertThat(files.read(StructureLocation.parse(file + "#first"))).singleElement()
                .extracting(Structure::reducedFormula).isEqualTo("Fe");
        assertThatThrownBy(() -> files.read(file, "third")).hasMessage(file
                + ": no data block named 'third' (blocks with atoms: first, second, broken)");
    }

    @Test
    void aLocationSplitsAtTheLastHashOnlyWhenTheWholeTextIsNoFile() throws Exception {
        Path hashed = write("odd#name.cif", TWO_BLOCKS.substring(0, TWO_BLOCKS.indexOf("data_broken")));
        assertThat(StructureLocation.parse(hashed.toString())).isEqualTo(new StructureLocation(hashed, null));
        assertThat(StructureLocation.parse(hashed + "#second")).isEqualTo(new StructureLocation(hashed, "second"));
        assertThat(StructureLocation.parse("a.cif#")).isEqualTo(new StructureLocation(Path.of("a.cif#"), null));
        assertThat(files.read(StructureLocation.parse(hashed + "#second"))).hasSize(1);
        assertThat(files.read(hashed)).hasSize(2);
    }

    @Test
    void filesThatAreNoStructureGiveOneLineNamingThem() throws Exception {
        Path empty = write("empty.cif", "  \n\n");
        Path binary = dir.resolve("binary.cif");
        Files.write(binary, new byte[] {'d', 'a', 't', 'a', '_', 'x', 0, 1, 2, (byte) 0xff});
        Path unknown = write("notes.txt", "just some notes\n");
        Path noAtoms = write("journal.cif", "data_j\n_journal_name_full 'Acta Cryst.'\n");
        Path truncated = write("truncated.cif", TWO_BLOCKS.substring(0, TWO_BLOCKS.indexOf("Fe 0 0 0") + 6));

        assertThatThrownBy(() -> files.read(empty)).hasMessage(empty + ": the file is empty");
        assertThatThrownBy(() -> files.read(binary)).hasMessage(binary + ": is a binary file, not a text file");
        assertThatThrownBy(() -> files.read(unknown)).hasMessageStartingWith(unknown
                + ": unknown structure format (known extensions: ").hasMessageContaining("cif").hasMessageContaining(
                        "POSCAR");
        assertThatThrownBy(() -> files.read(noAtoms)).hasMessage(noAtoms
                + ":1: no data block holds atom sites (_atom_site_fract_x/y/z)");
        assertThatThrownBy(() -> files.read(truncated)).hasMessage(truncated
                + ":4: loop_ has 3 values for 4 tags (_atom_site_type_symbol, ...): not a whole number of rows");
        assertThatThrownBy(() -> files.read(dir.resolve("missing.cif"))).hasMessage(dir.resolve("missing.cif")
                + ": no such file");
        assertThatThrownBy(() -> files.read(dir)).hasMessage(dir + ": is a directory, not a file");
        for (Path p : List.of(empty, binary, unknown, noAtoms, truncated)) {
            assertThatThrownBy(() -> files.read(p)).isInstanceOf(StructureFormatException.class)
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void formatsAreChosenByExtensionThenNameThenContent() throws Exception {
        String poscar = Files.readString(TestData.moduleData(getClass(), "poscar/mp-947_Au2S_sg224.pymatgen.vasp"));
        String cif = Files.readString(TestData.path("paper10/cif/mp-947_Au2S_sg224.cif"));
        for (String name : List.of("POSCAR", "CONTCAR", "Au2S.vasp", "POSCAR.relaxed", "Au2S_POSCAR", "au2s.dat")) {
            assertThat(files.readFirst(write(name, poscar)).reducedFormula()).as(name).isEqualTo("Au2S");
        }
        assertThat(files.readFirst(write("Au2S.txt", cif)).reducedFormula()).isEqualTo("Au2S");
        // the extension wins over the content: a POSCAR named .cif is read (and refused) as a CIF
        Path misnamed = write("Au2S.cif", poscar);
        assertThatThrownBy(() -> files.read(misnamed)).hasMessageStartingWith(misnamed + ":1:");
    }

    @Test
    void writingChoosesTheFormatByNameAndReportsProblemsWithTheOutputFile() throws Exception {
        Structure s = new Structure("Fe", Lattice.cubic(2.87), List.of(Site.of(Element.Fe, 0, 0, 0),
                Site.of(Element.Fe, 0.5, 0.5, 0.5)));
        for (String name : List.of("out.cif", "POSCAR", "out.vasp", "CONTCAR")) {
            Path out = dir.resolve(name);
            files.write(s, out);
            assertThat(files.readFirst(out).size()).as(name).isEqualTo(2);
        }
        Path unknownKind = dir.resolve("out.xyz");
        assertThatThrownBy(() -> files.write(s, unknownKind)).hasMessageStartingWith(unknownKind
                + ": no structure format writes files named like this");
        Path noDirectory = dir.resolve("no/such/dir/out.cif");
        assertThatThrownBy(() -> files.write(s, noDirectory)).hasMessage(noDirectory + ": cannot write: no such "
                + "directory");
        Structure half = s.withSites(List.of(new Site(Species.of(Element.Fe), new double[3], 0.5, Double.NaN, null)));
        Path poscar = dir.resolve("half.vasp");
        assertThatThrownBy(() -> files.write(half, poscar)).hasMessageStartingWith(poscar
                + ": POSCAR cannot hold partial occupancies");
        assertThat(poscar).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
