package org.pxrd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pxrd.testdata.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code pxrd info}: one JSON object per structure, checked against pymatgen (data/info_paper10.csv). */
class InfoCommandTest {

    /** pymatgen's lattice, volume and density agree with ours to rounding (same masses, same formulas). */
    private static final double RELATIVE_TOLERANCE = 1e-9;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Stream<Arguments> pymatgen() throws Exception {
        List<String> lines = Files.readAllLines(TestData.moduleData(InfoCommandTest.class, "info_paper10.csv"));
        List<Arguments> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            rows.add(Arguments.of(f[0], (Object) f));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pymatgen")
    void describesEachStructureAsPymatgenDoes(String file, String[] expected) throws Exception {
        CliRun run = CliRun.of("info", TestData.path(file).toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().strip().split("\n")).hasSize(1);
        JsonNode info = JSON.readTree(run.out());

        assertThat(info.get("file").asText()).isEqualTo(TestData.path(file).toString());
        assertThat(info.get("formula").asText()).isEqualTo(expected[1]);
        assertThat(info.get("reducedFormula").asText()).isEqualTo(expected[2]);
        assertThat(info.get("nsites").asInt()).isEqualTo(Integer.parseInt(expected[3]));
        String[] keys = {"a", "b", "c", "alpha", "beta", "gamma", "volume", "density"};
        for (int i = 0; i < keys.length; i++) {
            double value = Double.parseDouble(expected[4 + i]);
            assertThat(info.get(keys[i]).asDouble()).as(keys[i]).isCloseTo(value, within(1e-8 + RELATIVE_TOLERANCE
                    * value));
        }
        assertThat(info.get("spaceGroup").asText()).isEqualTo(expected[12]);
        assertThat(info.get("spaceGroupNumber").asInt()).isEqualTo(Integer.parseInt(expected[13]));
        double atoms = 0;
        for (JsonNode n : info.get("composition")) {
            atoms += n.asDouble();
        }
        assertThat(atoms).isEqualTo(Integer.parseInt(expected[3]));
    }

    @Test
    void everyStructureOfEveryFileIsOneLineAndABlockCanBePicked() throws Exception {
        Path two = dir.resolve("two.cif");
        Files.writeString(two, Files.readString(TestData.path("paper10/cif/mp-947_Au2S_sg224.cif"))
                + Files.readString(TestData.path("paper10/conventional-cif/mp-3589_BPO4_sg82.cif")));
        Path single = TestData.path("paper10/cif/mp-1709_U2Ti_sg191.cif");

        CliRun all = CliRun.of("info", two.toString(), single.toString());
        assertThat(all.status()).as(all.err()).isZero();
        String[] lines = all.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines[0]).get("name").asText()).isEqualTo("Au2S");
        assertThat(JSON.readTree(lines[1]).get("species").toString()).isEqualTo("{\"B\":2,\"O\":8,\"P\":2}");
        assertThat(JSON.readTree(lines[2]).get("reducedFormula").asText()).isEqualTo("U2Ti");

        CliRun picked = CliRun.of("info", two + "#bpo4");
        assertThat(picked.out().strip().split("\n")).singleElement().satisfies(line -> assertThat(
                JSON.readTree(line).get("nsites").asInt()).isEqualTo(12));
    }

    @Test
    void aPoscarWithoutSpaceGroupHasNoSpaceGroupField() throws Exception {
        Path poscar = dir.resolve("POSCAR");
        Files.writeString(poscar, "bcc iron\n1.0\n2.87 0 0\n0 2.87 0\n0 0 2.87\nFe\n2\nDirect\n0 0 0\n0.5 0.5 0.5\n");
        CliRun run = CliRun.of("info", poscar.toString());
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode info = JSON.readTree(run.out());
        assertThat(info.get("name").asText()).isEqualTo("bcc iron");
        assertThat(info.has("spaceGroup")).isFalse();
        assertThat(info.get("density").asDouble()).isCloseTo(2 * 55.845 * 1.66053906660 / (2.87 * 2.87 * 2.87),
                within(1e-12));
    }

    @Test
    void badFilesAreOneLineEachOnStderrAndTheGoodOnesAreStillDescribed() throws Exception {
        Path good = TestData.path("paper10/cif/mp-1709_U2Ti_sg191.cif");
        Path missing = dir.resolve("missing.cif");
        Path broken = dir.resolve("broken.cif");
        Files.writeString(broken, "data_x\n_cell_length_a 4\n_cell_length_b nan\n_cell_length_c 4\n"
                + "_cell_angle_alpha 90 _cell_angle_beta 90 _cell_angle_gamma 90\n"
                + "loop_ _atom_site_type_symbol _atom_site_fract_x _atom_site_fract_y _atom_site_fract_z Fe 0 0 0\n");
        Path binary = dir.resolve("binary.cif");
        Files.write(binary, new byte[] {0, 1, 2, 3});

        CliRun run = CliRun.of("info", missing.toString(), good.toString(), broken.toString(), binary.toString());
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.out().strip().split("\n")).hasSize(1);
        assertThat(run.err().strip().split("\n")).containsExactly(
                "pxrd info: " + missing + ": no such file",
                "pxrd info: " + broken + ":3: _cell_length_b 'nan' is not a number",
                "pxrd info: " + binary + ": is a binary file, not a text file");
    }

    @Test
    void withoutFilesItIsAUsageError() {
        CliRun run = CliRun.of("info");
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_USAGE);
        assertThat(run.err().strip()).doesNotContain("\n").contains("FILE");
    }
}
