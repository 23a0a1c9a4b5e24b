package org.pxrd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code pxrd match}, {@code pxrd amd} and {@code pxrd bench match} on small CIF files written by the test. */
class MatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path nacl;
    private Path naclShifted;
    private Path kcl;

    @BeforeEach
    void writeStructures() throws IOException {
        nacl = write("nacl.cif", rockSalt("Na", 5.64, 0.0, 0.0));
        // the anions moved by 0.01 Å along x, and the origin shifted: the same crystal
        naclShifted = write("nacl_shifted.cif", rockSalt("Na", 5.64, 0.01 / 5.64, 0.3));
        kcl = write("kcl.cif", rockSalt("K", 6.29, 0.0, 0.0));
    }

    @Test
    void twoFilesGiveOneJsonLineWithVerdictDistancesAndTolerances() throws IOException {
        CliRun run = CliRun.of("match", nacl.toString(), naclShifted.toString());
        assertThat(run.status()).as(run.err()).isZero();
        Map<String, Object> json = parse(run.out());
        assertThat(json.get("match")).isEqualTo(true);
        assertThat(((Number) json.get("rms")).doubleValue()).isGreaterThan(0).isLessThan(0.01);
        assertThat(((Number) json.get("max_dist")).doubleValue()).isGreaterThanOrEqualTo(((Number) json.get("rms")).doubleValue());
        assertThat(json).containsEntry("ltol", 0.1).containsEntry("stol", 0.2).containsEntry("angle_tol", 5.0)
                .containsEntry("primitive_cell", true).containsEntry("scale", true);
        assertThat(run.out().strip()).doesNotContain("\n");
    }

    @Test
    void anotherCrystalIsNoMatchWithoutDistances() throws IOException {
        CliRun run = CliRun.of("match", nacl.toString(), kcl.toString(), "--ltol", "0.2", "--stol", "0.3",
                "--angle-tol", "4");
        assertThat(run.status()).as(run.err()).isZero();
        Map<String, Object> json = parse(run.out());
        assertThat(json.get("match")).isEqualTo(false);
        assertThat(json.get("rms")).isNull();
        assertThat(json).containsEntry("ltol", 0.2).containsEntry("stol", 0.3).containsEntry("angle_tol", 4.0);
    }

    @Test
    void amdMatcherReportsItsDistance() throws IOException {
        CliRun run = CliRun.of("match", nacl.toString(), kcl.toString(), "--matcher", "amd", "--set", "k=6");
        assertThat(run.status()).as(run.err()).isZero();
        Map<String, Object> json = parse(run.out());
        // the six nearest neighbours of rock salt are at a/2: the AMD distance is the difference of half cells
        assertThat(((Number) json.get("distance")).doubleValue()).isCloseTo((6.29 - 5.64) / 2, within(1e-9));
        assertThat(json).containsEntry("k", 6).containsEntry("metric", "linf").containsEntry("matcher", "org.pxrd.matching.amd");
    }

    @Test
    void pairListIsMatchedIntoAVerdictsFileInOrder() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("lists"));
        Path pairs = sub.resolve("pairs.csv");
        Files.writeString(pairs, "pair_id,file_A,file_B\nsame,../nacl.cif,../nacl_shifted.cif\n"
                + "other,../nacl.cif,../kcl.cif\nself,../kcl.cif,../kcl.cif\n");
        Path out = dir.resolve("verdicts.csv");
        CliRun run = CliRun.of("match", "--pairs", pairs.toString(), "--out", out.toString(), "--threads", "2");
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("pair_id,match,rms,max_dist");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("same,True,");
        assertThat(lines.get(2)).isEqualTo("other,False,,");
        assertThat(lines.get(3)).startsWith("self,True,");
        double rms = Double.parseDouble(lines.get(3).split(",")[2]);
        assertThat(rms).isLessThan(1e-10);
        Map<String, Object> summary = parse(run.out());
        assertThat(summary).containsEntry("pairs", 3).containsEntry("matched", 2).containsEntry("stol", 0.2);
    }

    @Test
    void badInputIsOneLineWithExitStatusOne() throws IOException {
        Path broken = write("broken.cif", "data_x\n_cell_length_a 5\nloop_\n_atom_site_label\n");
        assertOneLineError(CliRun.of("match", nacl.toString(), dir.resolve("missing.cif").toString()), "missing.cif");
        assertOneLineError(CliRun.of("match", nacl.toString(), broken.toString()), "broken.cif");
        assertOneLineError(CliRun.of("match", nacl.toString()), "two structure files");
        assertOneLineError(CliRun.of("match", nacl.toString(), kcl.toString(), "--stol", "-1"), "stol");
        assertOneLineError(CliRun.of("match", nacl.toString(), kcl.toString(), "--matcher", "nope"), "nope");
        Path pairs = write("pairs.csv", "id,a,b\n1,nacl.cif,kcl.cif\n");
        assertOneLineError(CliRun.of("match", "--pairs", pairs.toString()), "--out");
        assertOneLineError(CliRun.of("match", "--pairs", pairs.toString(), "--out", dir.resolve("o.csv").toString()),
                "line 1");
        Path missing = write("pairs2.csv", "pair_id,file_A,file_B\np1,nacl.cif,kcl.cif\np2,nacl.cif,gone.cif\n");
        Path out = dir.resolve("o2.csv");
        CliRun run = CliRun.of("match", "--pairs", missing.toString(), "--out", out.toString());
        assertOneLineError(run, "line 3");
        assertThat(run.err()).contains("gone.cif");
        assertThat(out).doesNotExist();
        assertThat(CliRun.of("match", "--frobnicate").status()).isEqualTo(Pxrd.EXIT_USAGE);
    }

    @Test
    void amdPrintsOneCsvRowPerFile() {
        CliRun run = CliRun.of("amd", nacl.toString(), kcl.toString(), "--k", "8");
        assertThat(run.status()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("file,amd_1,amd_2,amd_3,amd_4,amd_5,amd_6,amd_7,amd_8");
        String[] row = lines[2].split(",");
        assertThat(row[0]).isEqualTo(kcl.toString());
        // rock salt: 6 neighbours at a/2, then 12 at a/√2
        assertThat(Double.parseDouble(row[6])).isCloseTo(6.29 / 2, within(1e-9));
        assertThat(Double.parseDouble(row[8])).isCloseTo(6.29 / Math.sqrt(2), within(1e-9));
        assertOneLineError(CliRun.of("amd", nacl.toString(), "--k", "0"), "--k");
        assertOneLineError(CliRun.of("amd", dir.resolve("none.cif").toString()), "none.cif");
    }

    @Test
    void benchReportsMediansAndBatchTimes() throws IOException {
        Path pairs = write("bench.csv", "pair_id,file_A,file_B\na,nacl.cif,nacl_shifted.cif\nb,nacl.cif,kcl.cif\n");
        CliRun run = CliRun.of("bench", "match", "--pairs", pairs.toString(), "--warmup", "1", "--repeats", "3");
        assertThat(run.status()).as(run.err()).isZero();
        Map<String, Object> json = parse(run.out());
        assertThat(json).containsEntry("pairs", 2).containsEntry("repeats", 3).containsEntry("ltol", 0.1);
        assertThat(((Number) json.get("median_ms_per_pair")).doubleValue()).isPositive();
        assertThat(((Number) json.get("batch_seconds_all_cores")).doubleValue()).isPositive();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) throws IOException {
        return JSON.readValue(json, Map.class);
    }

    private static void assertOneLineError(CliRun run, String mention) {
        assertThat(run.status()).as(run.err()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.err().strip()).doesNotContain("\n").contains(mention);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** A P1 CIF of the rock-salt structure of {cation}Cl with the anions moved by dx along x and the origin by shift. */
    private static String rockSalt(String cation, double a, double dx, double shift) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "data_%sCl%n_cell_length_a %.6f%n"
                + "_cell_length_b %.6f%n_cell_length_c %.6f%n_cell_angle_alpha 90%n_cell_angle_beta 90%n"
                + "_cell_angle_gamma 90%n_symmetry_space_group_name_H-M 'P 1'%nloop_%n_symmetry_equiv_pos_as_xyz%n"
                + "'x, y, z'%nloop_%n_atom_site_type_symbol%n"
                + "_atom_site_label%n_atom_site_fract_x%n_atom_site_fract_y%n_atom_site_fract_z%n"
                + "_atom_site_occupancy%n", cation, a, a, a));
        double[][] fcc = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        int n = 0;
        for (double[] f : fcc) {
            for (int anion = 0; anion < 2; anion++) {
                String el = anion == 0 ? cation : "Cl";
                double x = (f[0] + 0.5 * anion + (anion == 1 ? dx : 0) + shift) % 1.0;
                sb.append(String.format(Locale.ROOT, "%s %s%d %.6f %.6f %.6f 1%n", el, el, n++, x,
                        (f[1] + shift) % 1.0, (f[2] + shift) % 1.0));
            }
        }
        return sb.toString();
    }
}
