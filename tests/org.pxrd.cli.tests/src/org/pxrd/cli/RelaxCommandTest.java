package org.pxrd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code pxrd relax}: relaxation on contributed potentials from the command line. */
class RelaxCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Debian's interpreter with python3-ase. */
    private static final String PYTHON = "/usr/bin/python3";

    /** A P1 CIF of the conventional fcc cell of an element with edge a (Å). */
    static Path fccCif(Path dir, String element, double a) throws Exception {
        Path file = dir.resolve(element + ".cif");
        Files.writeString(file, String.format(Locale.ROOT, """
                data_fcc_%1$s
                _cell_length_a %2$s
                _cell_length_b %2$s
                _cell_length_c %2$s
                _cell_angle_alpha 90
                _cell_angle_beta 90
                _cell_angle_gamma 90
                loop_
                _atom_site_label
                _atom_site_type_symbol
                _atom_site_fract_x
                _atom_site_fract_y
                _atom_site_fract_z
                %1$s1 %1$s 0.0 0.0 0.0
                %1$s2 %1$s 0.5 0.5 0.0
                %1$s3 %1$s 0.52 0.0 0.5
                %1$s4 %1$s 0.0 0.5 0.5
                """, element, a));
        return file;
    }

    @Test
    void relaxesOnTheLennardJonesPotentialAndReportsEnergiesForcesAndSteps(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.csv");
        CliRun run = CliRun.of("relax", fccCif(dir, "Ar", 5.6).toString(), "--potential", "lj-uff", "--set", "cutoff=8",
                "--fmax", "0.001", "--optimizer", "bfgs", "--trace", trace.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("status").asText()).isEqualTo("converged");
        assertThat(r.get("optimizer").asText()).isEqualTo("bfgs");
        assertThat(r.get("fmax_eV_per_A").asDouble()).isLessThan(0.001);
        assertThat(r.get("initial_fmax_eV_per_A").asDouble()).isGreaterThan(0.001);
        assertThat(r.get("energy_eV").asDouble()).isLessThan(r.get("initial_energy_eV").asDouble());
        // the minimum of fcc argon with this potential (make_lj_reference.py in the optimization tests): 5.38297 Å
        assertThat(Math.cbrt(r.get("lattice").get("volume").asDouble())).isCloseTo(5.38297, within(0.01));
        List<String> rows = Files.readAllLines(trace);
        assertThat(rows.get(0)).startsWith("step,energy_eV,fmax_eV_per_A");
        assertThat(rows).hasSize(r.get("steps").asInt() + 2);
    }

    @Test
    void relaxesCopperOnAseEmtThroughThePythonWorker(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("relax", fccCif(dir, "Cu", 3.75).toString(), "--potential", "ase", "--set",
                "python=" + PYTHON, "--set", "calculator=emt", "--fmax", "0.0001", "--max-steps", "1000");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("status").asText()).isEqualTo("converged");
        // ASE's own EMT lattice constant of Cu is 3.58983 Å (make_emt_reference.py in the optimization tests)
        assertThat(r.get("lattice").get("a").asDouble()).isCloseTo(3.58983, within(1e-3));
        assertThat(r.get("steps").asInt()).isPositive();
    }

    @Test
    void aResultThatCannotBeWrittenIsStillPrinted(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("relaxed.nosuchformat");
        CliRun run = CliRun.of("relax", fccCif(dir, "Ar", 5.4).toString(), "--potential", "lj-uff", "--out",
                out.toString());
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.err().strip()).doesNotContain("\n").contains("relaxed.nosuchformat")
                .contains("no structure format writes files named like this");
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("status").asText()).isEqualTo("converged");
        assertThat(r.has("out")).isFalse();
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownPotentialListsTheKnownOnes(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("relax", fccCif(dir, "Ar", 5.4).toString(), "--potential", "tersoff");
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n").startsWith("pxrd relax: unknown id 'tersoff'")
                .contains("org.pxrd.optimization.lj-uff").contains("org.pxrd.optimization.ase");
    }

    @Test
    void badSettingsAndOptionsAreOneLineErrors(@TempDir Path dir) throws Exception {
        String cif = fccCif(dir, "Ar", 5.4).toString();
        CliRun unknownSetting = CliRun.of("relax", cif, "--potential", "lj-uff", "--set", "radius=3");
        assertThat(unknownSetting.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(unknownSetting.err().strip()).doesNotContain("\n").contains("unknown setting 'radius'")
                .contains("cutoff");
        CliRun badFmax = CliRun.of("relax", cif, "--potential", "lj-uff", "--fmax", "-1");
        assertThat(badFmax.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(badFmax.err().strip()).isEqualTo("pxrd relax: fmax must be a positive number of eV/Å, got -1.0");
        CliRun badOptimizer = CliRun.of("relax", cif, "--potential", "lj-uff", "--optimizer", "adam");
        assertThat(badOptimizer.status()).isEqualTo(Pxrd.EXIT_USAGE);
        assertThat(badOptimizer.err()).contains("adam").contains("FIRE").contains("BFGS");
        CliRun unknownElement = CliRun.of("relax", fccCif(dir, "Rf", 5.4).toString(), "--potential", "lj-uff");
        assertThat(unknownElement.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(unknownElement.err().strip()).doesNotContain("\n").contains("UFF has no parameters for Rf");
    }

    @Test
    void aCrashingWorkerFailsTheRunWithOneLine(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("crash.py");
        Files.writeString(script, """
                import json, sys
                print(json.dumps({"ready": True, "protocol": 1}), flush=True)
                sys.stdin.readline()
                sys.stderr.write("Segmentation fault in the model\\n")
                sys.exit(139)
                """);
        Path out = dir.resolve("out.cif");
        CliRun run = CliRun.of("relax", fccCif(dir, "Cu", 3.7).toString(), "--potential", "ase", "--set",
                "python=" + PYTHON, "--set", "script=" + script, "--out", out.toString());
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.err().strip()).doesNotContain("\n").startsWith("pxrd relax: relaxation of ")
                .endsWith("failed: ASE worker (emt): exited with status 139 while computing: Segmentation fault in the model");
        assertThat(JSON.readTree(run.out()).get("status").asText()).isEqualTo("failed");
        assertThat(out).doesNotExist();

        CliRun missingPython = CliRun.of("relax", fccCif(dir, "Cu", 3.7).toString(), "--potential", "ase", "--set",
                "python=/nonexistent/python3");
        assertThat(missingPython.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(missingPython.err().strip()).doesNotContain("\n").contains("cannot start '/nonexistent/python3'");
    }
}
