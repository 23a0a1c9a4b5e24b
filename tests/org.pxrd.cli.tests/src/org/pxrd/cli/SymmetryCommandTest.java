package org.pxrd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code pxrd symmetry} and {@code pxrd standardize} on small structures with known answers. */
class SymmetryCommandTest {

    /** Rock salt in its primitive rhombohedral cell (P1, 2 atoms): Fm-3m, 8 atoms conventional. */
    private static final String PRIMITIVE_ROCK_SALT = """
            data_NaCl
            _cell_length_a 3.98808 _cell_length_b 3.98808 _cell_length_c 3.98808
            _cell_angle_alpha 60 _cell_angle_beta 60 _cell_angle_gamma 60
            loop_ _symmetry_equiv_pos_as_xyz 'x, y, z'
            loop_ _atom_site_type_symbol _atom_site_fract_x _atom_site_fract_y _atom_site_fract_z
            Na 0 0 0
            Cl 0.5 0.5 0.5
            """;

    /** Wurtzite-like ZnO named by its space group only (P 63 m c). */
    private static final String WURTZITE = """
            data_ZnO
            _symmetry_space_group_name_H-M 'P 63 m c'
            _cell_length_a 3.25 _cell_length_b 3.25 _cell_length_c 5.21
            _cell_angle_alpha 90 _cell_angle_beta 90 _cell_angle_gamma 120
            loop_ _atom_site_type_symbol _atom_site_fract_x _atom_site_fract_y _atom_site_fract_z
            Zn 0.333333 0.666667 0
            O 0.333333 0.666667 0.382
            """;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void symmetryPrintsOneJsonLinePerStructure(@TempDir Path dir) throws Exception {
        Path salt = Files.writeString(dir.resolve("nacl.cif"), PRIMITIVE_ROCK_SALT);
        Path zno = Files.writeString(dir.resolve("zno.cif"), WURTZITE);
        CliRun run = CliRun.of("symmetry", salt.toString(), zno.toString());
        assertThat(run.status()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode nacl = json.readTree(lines[0]);
        assertThat(nacl.get("space_group_number").asInt()).isEqualTo(225);
        assertThat(nacl.get("symbol").asText()).isEqualTo("Fm-3m");
        assertThat(nacl.get("crystal_system").asText()).isEqualTo("cubic");
        assertThat(nacl.get("nsites_conventional").asInt()).isEqualTo(8);
        assertThat(nacl.get("nsites_primitive").asInt()).isEqualTo(2);
        // conventional a = primitive a times sqrt(2)
        assertThat(nacl.get("abc").get(0).asDouble()).isCloseTo(3.98808 * Math.sqrt(2), org.assertj.core.api.Assertions.within(1e-4));
        assertThat(nacl.get("angles").get(2).asDouble()).isEqualTo(90.0);
        assertThat(nacl.get("wyckoff").toString()).isIn("[\"1a\",\"1b\"]");
        JsonNode wurtzite = json.readTree(lines[1]);
        assertThat(wurtzite.get("space_group_number").asInt()).isEqualTo(186);
        assertThat(wurtzite.get("crystal_system").asText()).isEqualTo("hexagonal");
        assertThat(wurtzite.get("nsites_conventional").asInt()).isEqualTo(4);
        assertThat(wurtzite.get("wyckoff").toString()).isEqualTo("[\"2b\",\"2b\"]");
    }

    @Test
    void aLooseToleranceFindsMoreSymmetry(@TempDir Path dir) throws Exception {
        Path distorted = Files.writeString(dir.resolve("nacl.cif"), PRIMITIVE_ROCK_SALT.replace("Cl 0.5 0.5 0.5",
                "Cl 0.5 0.5 0.503"));
        JsonNode tight = json.readTree(CliRun.of("symmetry", distorted.toString(), "--symprec", "0.001").out());
        JsonNode loose = json.readTree(CliRun.of("symmetry", distorted.toString(), "--symprec", "0.1").out());
        assertThat(tight.get("space_group_number").asInt()).isLessThan(225);
        assertThat(loose.get("space_group_number").asInt()).isEqualTo(225);
    }

    @Test
    void badInputIsOneLineAndExitOne(@TempDir Path dir) throws Exception {
        CliRun missing = CliRun.of("symmetry", dir.resolve("nothing.cif").toString());
        assertThat(missing.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("nothing.cif").contains("no such file");
        Path salt = Files.writeString(dir.resolve("nacl.cif"), PRIMITIVE_ROCK_SALT);
        CliRun negative = CliRun.of("symmetry", salt.toString(), "--symprec", "-1");
        assertThat(negative.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(negative.err().strip()).doesNotContain("\n").contains("symprec");
    }

    @Test
    void standardizeWritesTheConventionalAndPrimitiveCells(@TempDir Path dir) throws Exception {
        Path salt = Files.writeString(dir.resolve("nacl.cif"), PRIMITIVE_ROCK_SALT);
        Path conventional = dir.resolve("conv.json");
        CliRun run = CliRun.of("standardize", salt.toString(), "--to", "conventional", conventional.toString());
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode conv = json.readTree(Files.readString(conventional));
        assertThat(conv.get("sites")).hasSize(8);
        assertThat(conv.get("lattice_parameters").get(3).asDouble()).isEqualTo(90.0);
        Path primitive = dir.resolve("prim.json");
        assertThat(CliRun.of("standardize", salt.toString(), "--to", "primitive", primitive.toString()).status())
                .isZero();
        JsonNode prim = json.readTree(Files.readString(primitive));
        assertThat(prim.get("sites")).hasSize(2);
        assertThat(prim.get("lattice_parameters").get(3).asDouble())
                .isCloseTo(60.0, org.assertj.core.api.Assertions.within(1e-6));
        CliRun bad = CliRun.of("standardize", salt.toString(), "--to", "sideways", primitive.toString());
        assertThat(bad.status()).isEqualTo(Pxrd.EXIT_USAGE);
    }
}
