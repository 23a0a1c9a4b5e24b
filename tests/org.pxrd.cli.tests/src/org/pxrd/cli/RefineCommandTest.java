package org.pxrd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.examples.Examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code pxrd refine}: refinement from the command line, against structures and patterns, and its errors. */
class RefineCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The criterion: every lattice parameter within this relative error of the truth. */
    private static final double RECOVERED = 1e-3;
    /** The study presets' gradient-descent rates (Å² and deg² per loss unit). */
    private static final String[] RATES = {"--lr", "0.0005", "--lr-angles", "0.3"};

    private static Path study(String part) {
        return Examples.studyStructures().stream().filter(p -> p.toString().contains(part)).findFirst()
                .orElseThrow();
    }

    /** The study structure distorted by the study's lattice noise σ = 0.01 (pxrd perturb), as a CIF. */
    private static Path distorted(Path dir, String part, int seed) {
        Path out = dir.resolve(part + "-start.cif");
        CliRun run = CliRun.of("perturb", study(part).toString(), "--lattice-noise", "0.01", "--seed",
                String.valueOf(seed), "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        return out;
    }

    private static String[] args(String... parts) {
        String[] all = new String[parts.length + RATES.length];
        System.arraycopy(parts, 0, all, 0, parts.length);
        System.arraycopy(RATES, 0, all, parts.length, RATES.length);
        return all;
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.out().strip()).doesNotContain("\n");
        return JSON.readTree(run.out());
    }

    @Test
    void refinesADistortedStructureAgainstItsTruthAndStatesTheMatcherVerdict(@TempDir Path dir) throws Exception {
        Path start = distorted(dir, "U2Ti", 5);
        Path out = dir.resolve("refined.cif");
        Path trace = dir.resolve("trace.csv");
        CliRun run = CliRun.of(args("refine", start.toString(), "--target", study("U2Ti").toString(), "--loss",
                "cosine", "--params", "lattice", "--projector", "auto", "--optimizer", "gd", "--seed", "3", "--out",
                out.toString(), "--trace", trace.toString()));
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode r = json(run);
        assertThat(r.get("status").asText()).isEqualTo("converged");
        assertThat(r.get("loss").asText()).isEqualTo("org.pxrd.losses.cosine");
        assertThat(r.get("projector").asText()).isEqualTo("auto");
        assertThat(r.get("optimizer").asText()).isEqualTo("org.pxrd.optimization.gd");
        assertThat(r.get("final_loss").asDouble()).isLessThan(r.get("initial_loss").asDouble());
        assertThat(r.get("match").asBoolean()).isTrue();
        assertThat(r.get("rms").asDouble()).isLessThan(0.01);
        for (String p : List.of("a", "b", "c", "alpha", "beta", "gamma")) {
            double refined = r.get("lattice").get(p).asDouble();
            double truth = r.get("target_lattice").get(p).asDouble();
            assertThat(Math.abs(refined - truth) / truth).as(p).isLessThan(RECOVERED);
            assertThat(r.get("lattice_relative_error").get(p).asDouble()).isEqualTo((refined - truth) / truth);
        }
        assertThat(r.get("ms_per_step").asDouble()).isPositive();
        CliRun info = CliRun.of("info", out.toString());
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(JSON.readTree(info.out()).get("a").asDouble()).isCloseTo(r.get("lattice").get("a").asDouble(),
                org.assertj.core.data.Offset.offset(1e-9));
        List<String> rows = Files.readAllLines(trace);
        assertThat(rows.get(0)).startsWith("step,loss,a_A,b_A,c_A,alpha_deg,beta_deg,gamma_deg,x1,y1,z1");
        assertThat(rows).hasSize(r.get("steps").asInt() + 2);
        assertThat(rows.get(1)).startsWith("0," + r.get("initial_loss").asDouble() + ",");
    }

    @Test
    void refinesAgainstAPatternFileOnItsOwnGrid(@TempDir Path dir) throws Exception {
        Path pattern = dir.resolve("target.csv");
        CliRun simulate = CliRun.of("simulate", study("Au2S").toString(), "--two-theta", "10:80:0.02", "--pattern",
                pattern.toString());
        assertThat(simulate.status()).as(simulate.err()).isZero();
        CliRun run = CliRun.of(args("refine", distorted(dir, "Au2S", 2).toString(), "--target", pattern.toString(),
                "--projector-set", "spaceGroup=224"));
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode r = json(run);
        assertThat(r.get("target_kind").asText()).isEqualTo("pattern");
        assertThat(r.get("status").asText()).isEqualTo("converged");
        assertThat(r.has("match")).isFalse();
        double a = r.get("lattice").get("a").asDouble();
        CliRun truth = CliRun.of("info", study("Au2S").toString());
        double aTruth = JSON.readTree(truth.out()).get("a").asDouble();
        assertThat(Math.abs(a - aTruth) / aTruth).isLessThan(RECOVERED);
    }

    @Test
    void refinesTheLatticeAndProfileOfRutileAgainstItsMeasuredPattern() throws Exception {
        // RRUFF R040049 (Cu Kα1 + Kα2, background removed); its cell a = 4.5955, c = 2.9598 Å, and a zero offset of
        // +0.068° against Kα1 (the test data's pymatgen check); see MeasuredPatternTest in the optimization tests
        Path dir = org.pxrd.testdata.TestData.path("measured/Rutile_R040049");
        CliRun run = CliRun.of("refine", dir.resolve("structure.cif").toString(), "--target",
                dir.resolve("pattern.xy").toString(), "--wavelength", "CuKa1", "--doublet", "--params", "lattice,profile",
                "--lr", "0.0005", "--lr-profile", "0.001");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode r = json(run);
        assertThat(r.get("status").asText()).isEqualTo("converged");
        assertThat(r.get("lattice").get("a").asDouble()).isCloseTo(4.5955, org.assertj.core.data.Offset.offset(
                4.5955 * RECOVERED));
        assertThat(r.get("lattice").get("c").asDouble()).isCloseTo(2.9598, org.assertj.core.data.Offset.offset(
                2.9598 * RECOVERED));
        assertThat(r.get("profile").get("zero").asDouble()).isCloseTo(0.068, org.assertj.core.data.Offset.offset(
                0.02));
    }

    @Test
    void refinesWithTheLabPluginsLoss(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of(args("refine", distorted(dir, "MnCo", 4).toString(), "--target",
                study("MnCo").toString(), "--loss", "org.pxrd.examples.lab.pearson"));
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode r = json(run);
        assertThat(r.get("loss").asText()).isEqualTo("org.pxrd.examples.lab.pearson");
        assertThat(r.get("match").asBoolean()).isTrue();
        assertThat(r.get("final_loss").asDouble()).isLessThan(r.get("initial_loss").asDouble());
    }

    @Test
    void beyondTheStudyMultiStartAnnealingAndAnEnergyTermTogether(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of(args("refine", distorted(dir, "MnCo", 6).toString(), "--target",
                study("MnCo").toString(), "--starts", "2", "--seed", "9", "--anneal", "0.5:200:2", "--energy", "lj-uff",
                "--energy-set", "cutoff=6", "--lambda", "0.0001", "--window", "100", "--max-steps", "2000"));
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode r = json(run);
        assertThat(r.get("starts")).hasSize(2);
        int best = r.get("best_start").asInt();
        assertThat(r.get("starts").get(best).get("final_loss").asDouble()).isEqualTo(r.get("final_loss").asDouble());
        assertThat(r.get("final_loss").asDouble()).isEqualTo(r.get("final_xrd_loss").asDouble() + 0.0001
                * r.get("final_energy_eV_per_atom").asDouble());
        assertThat(r.get("match").asBoolean()).isTrue();
    }

    @Test
    void aRunThatDivergesPrintsItsLastPointAndExitsNonZeroWithOneLine(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("never.cif");
        CliRun run = CliRun.of("refine", distorted(dir, "MnCo", 4).toString(), "--target", study("MnCo").toString(),
                "--lr", "50", "--out", out.toString());
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.err().strip()).doesNotContain("\n").startsWith("pxrd refine: refinement of ")
                .contains("failed: step ").contains("diverged");
        assertThat(json(run).get("status").asText()).isEqualTo("failed");
        assertThat(out).doesNotExist();
    }

    @Test
    void badInputIsOneLineAndANonZeroExit(@TempDir Path dir) throws Exception {
        String start = distorted(dir, "MnCo", 4).toString();
        String truth = study("MnCo").toString();
        Path noWavelength = dir.resolve("plain.csv");
        Files.writeString(noWavelength, "two_theta,intensity\n10,1\n10.02,2\n10.04,1\n");
        Object[][] cases = {
            {new String[] {"refine", start, "--target", truth, "--loss", "huber", "--lr", "0.001"},
                "unknown id 'huber' for org.pxrd.losses.lossFunctions"},
            {new String[] {"refine", start, "--target", truth, "--params", "spin", "--lr", "0.001"},
                "--params: unknown parameter group 'spin'"},
            {new String[] {"refine", start, "--target", truth, "--optimizer", "newton", "--lr", "0.001"},
                "unknown id 'newton' for org.pxrd.optimization.optimizers"},
            {new String[] {"refine", start, "--target", truth, "--lr", "-1"}, "learning rate of lattice must be a "
                + "positive number"},
            {new String[] {"refine", start, "--target", truth, "--lr", "0.001", "--energy", "lj-uff"},
                "--energy needs --lambda"},
            {new String[] {"refine", start, "--target", dir.resolve("missing.cif").toString(), "--lr", "0.001"},
                "missing.cif"},
            {new String[] {"refine", start, "--target", noWavelength.toString(), "--lr", "0.001"},
                "does not state the X-ray wavelength"},
            {new String[] {"refine", start, "--target", truth, "--lr", "0.001", "--anneal", "wide"},
                "annealing 'wide' must be W0[:STEPS[:STAGES]]"},
        };
        for (Object[] c : cases) {
            CliRun run = CliRun.of((String[]) c[0]);
            assertThat(run.status()).as(String.join(" ", (String[]) c[0])).isEqualTo(Pxrd.EXIT_FAILURE);
            assertThat(run.err().strip()).doesNotContain("\n").contains((String) c[1]);
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void theBenchCountsRecoveredRunsPerStructureAndOptimizer() {
        CliRun run = CliRun.of("bench", "refine", study("FeH").toString(), "--runs", "2", "--optimizer",
                "gd:0.0005,0.3", "--optimizer", "adam:0.001,0.01", "--window", "100", "--max-steps", "1500",
                "--threads", "2");
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(1)).isEqualTo("optimizer,structure,runs,recovered,rate,converged,failed,median_steps,"
                + "ms_per_step,s_per_run");
        assertThat(lines.get(2)).startsWith("org.pxrd.optimization.gd,FeH,2,");
        assertThat(lines.get(3)).startsWith("org.pxrd.optimization.adam,FeH,2,");
        assertThat(lines.get(4)).startsWith("optimizer=org.pxrd.optimization.gd recovered=").contains("/2 rate=");
        assertThat(lines.get(5)).startsWith("optimizer=org.pxrd.optimization.adam recovered=");
    }
}
