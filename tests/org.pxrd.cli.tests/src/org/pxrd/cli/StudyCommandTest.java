package org.pxrd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.DoubleStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.examples.Examples;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.study.run.DistortionRun;
import org.pxrd.study.run.ResultsFile;
import org.pxrd.study.run.RunOutcome;
import org.pxrd.study.run.RunRecord;
import org.pxrd.study.run.StudyPlan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code pxrd study}, {@code study describe}, {@code study merge}, {@code study rematch} and {@code study report}. */
class StudyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A study of two example structures: 2 x (2 levels x 2 distortions x 2 losses x 2 projectors) = 32 runs. */
    private static String smallStudy() {
        List<Path> files = Examples.studyStructures();
        return """
                {
                  "format": 1,
                  "name": "two",
                  "structures": {"files": ["%s", "%s"]},
                  "conditions": [{"noise": "lattice", "levels": [0.01, 0.2], "refine": "lattice",
                                  "projectors": ["none", {"label": "family", "id": "org.pxrd.symmetry.auto"}]}],
                  "distortions": 2,
                  "losses": ["org.pxrd.losses.cosine", "org.pxrd.losses.mse"],
                  "instrument": {"wavelength": 1.5406, "twoThetaMin": 0, "twoThetaMax": 90, "twoThetaStep": 0.01,
                                 "u": 0.1, "v": 0.01, "w": 0.1, "eta": 0.1},
                  "optimizer": {"id": "org.pxrd.optimization.gd", "learningRates": {"lattice": 0.001}},
                  "stop": {"tolerance": 1e-4, "window": 10, "maxSteps": 100},
                  "matcher": {"id": "org.pxrd.matching.structureMatcher"},
                  "distance": {"id": "org.pxrd.matching.amd"},
                  "seed": 3
                }
                """.formatted(files.get(0), files.get(4));
    }

    /** A deterministic stand-in for the refinement engine: low noise is recovered, high noise is not. */
    private static final Function<StudyPlan, DistortionRun> TOY = plan -> input -> {
        boolean recovered = input.spec().level() < 0.1;
        double d = recovered ? 0 : input.spec().level();
        return new RunOutcome(RunStatus.CONVERGED, "", 5, recovered ? input.truth() : input.start(), -0.5, -1 + d,
                recovered, recovered ? 0 : Double.NaN, input.spec().level(), d, 0.5, 1 - d);
    };

    private static Path write(Path dir, String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** Runs {@code pxrd study} with the toy engine in place of the refinement engine. */
    private static CliRun runWithToy(String study, Path out, String... options) {
        return runWith(TOY, study, out, options);
    }

    /** Runs {@code pxrd study} with the given engine; a CliException becomes exit status 1 with its line. */
    private static CliRun runWith(Function<StudyPlan, DistortionRun> engine, String study, Path out,
            String... options) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintWriter o = new PrintWriter(outBytes, true, StandardCharsets.UTF_8);
        PrintWriter e = new PrintWriter(errBytes, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(ExtensionSources.detect(), o, e);
        StudyCommand command = new StudyCommand(context, engine);
        command.study = study;
        command.out = out;
        command.threads = 2;
        for (int i = 0; i < options.length; i++) {
            switch (options[i]) {
                case "--resume" -> command.resume = true;
                case "--shard" -> command.shard = options[++i];
                default -> throw new IllegalArgumentException(options[i]);
            }
        }
        int status = command.call();
        o.flush();
        e.flush();
        return new CliRun(status, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTinyStudyRunsEndToEndOnTheRefinementEngineAndItsShardsMergeIntoTheWhole(@TempDir Path dir)
            throws Exception {
        // two structures, two distortions, at most 40 steps: 2 x (2 levels x 2 x 2 losses x 2 projectors) = 32 runs
        Path study = write(dir, "two.json", smallStudy().replace("\"maxSteps\": 100", "\"maxSteps\": 40"));
        Path whole = dir.resolve("whole");
        CliRun run = CliRun.of("study", study.toString(), "--out", whole.toString(), "--threads", "2");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode summary = JSON.readTree(run.out());
        assertThat(summary.get("finished").asInt()).isEqualTo(32);
        assertThat(summary.get("failed").asInt()).isZero();
        List<RunRecord> records = ResultsFile.read(whole.resolve(ResultsFile.NAME));
        assertThat(records).hasSize(32);
        for (RunRecord r : records) {
            assertThat(r.status()).as(r.id()).isIn(RunStatus.CONVERGED, RunStatus.MAX_STEPS);
            assertThat(r.steps()).as(r.id()).isBetween(1, 40);
            assertThat(r.finalFrac()).as(r.id()).hasDimensions(r.startFrac().length, 3);
            assertThat(DoubleStream.of(r.lossStart(), r.lossFinal(), r.distanceStart(), r.distanceFinal(),
                    r.similarityStart(), r.similarityFinal()).allMatch(Double::isFinite)).as(r.id()).isTrue();
            assertThat(r.similarityStart()).as(r.id()).isEqualTo(-r.lossStart());
            assertThat(r.rms()).as(r.id()).matches(rms -> r.match() == Double.isFinite(rms));
            if (r.loss().equals("cosine")) {
                assertThat(r.similarityFinal()).as(r.id()).isBetween(0.0, 1.0);
            }
            if (r.projector().equals("family")) {
                // MnCo and ScTe have a = b: the projected lattice keeps it
                assertThat(r.finalLattice()[1]).as(r.id()).isCloseTo(r.finalLattice()[0], within(1e-9));
            }
        }
        assertThat(records).filteredOn(r -> r.level() == 0.01).anyMatch(RunRecord::match);
        assertThat(Files.readString(whole.resolve("report.md"))).contains("Fig. 1");

        // shards 1/2 and 2/2 of the same study, merged, equal the whole: the engine's runs are reproducible
        assertThat(CliRun.of("study", study.toString(), "--out", dir.resolve("s1").toString(), "--shard", "1/2",
                "--threads", "1").status()).isZero();
        assertThat(CliRun.of("study", study.toString(), "--out", dir.resolve("s2").toString(), "--shard", "2/2")
                .status()).isZero();
        Path merged = dir.resolve("merged");
        assertThat(CliRun.of("study", "merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(), "--out",
                merged.toString()).status()).isZero();
        assertThat(comparable(ResultsFile.read(merged.resolve(ResultsFile.NAME)))).isEqualTo(comparable(records));
        assertThat(Files.readString(merged.resolve("tables/statistics.csv")))
                .isEqualTo(Files.readString(whole.resolve("tables/statistics.csv")));

        // judged again with attempt_supercell: nothing refined, no match lost (the setting only adds candidates)
        Path supercell = dir.resolve("supercell");
        CliRun rematch = CliRun.of("study", "rematch", whole.toString(), "--out", supercell.toString(), "--set",
                "attempt_supercell=true");
        assertThat(rematch.status()).as(rematch.err()).isZero();
        JsonNode verdicts = JSON.readTree(rematch.out());
        assertThat(verdicts.get("matcher").asText()).isEqualTo("org.pxrd.matching.structureMatcher");
        assertThat(verdicts.get("settings").get("attempt_supercell").asText()).isEqualTo("true");
        assertThat(verdicts.get("records").asInt()).isEqualTo(32);
        assertThat(verdicts.get("matches_before").asInt()).isEqualTo((int) records.stream().filter(RunRecord::match)
                .count());
        assertThat(verdicts.get("lost").asInt()).isZero();
        assertThat(ResultsFile.read(supercell.resolve(ResultsFile.NAME)).stream().filter(RunRecord::match).count())
                .isEqualTo(verdicts.get("matches_after").asLong());
        assertThat(supercell.resolve("report.md")).exists();
        CliRun unknown = CliRun.of("study", "rematch", whole.toString(), "--out", dir.resolve("bogus").toString(),
                "--set", "bogus=1");
        assertThat(unknown.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(unknown.err().strip()).startsWith("pxrd study rematch: ").contains("bogus").doesNotContain("\n");
        assertThat(dir.resolve("bogus")).doesNotExist();
    }

    @Test
    void aStudyNamingAnUnknownLossStopsBeforeItsFirstRun(@TempDir Path dir) throws Exception {
        Path study = write(dir, "bad.json", smallStudy().replace("org.pxrd.losses.mse", "org.pxrd.losses.msee"));
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("study", study.toString(), "--out", out.toString());
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.err().strip()).doesNotContain("\n").startsWith("pxrd study: two: ").contains("msee");
        assertThat(out.resolve(ResultsFile.NAME)).doesNotExist();
    }

    /** Records in plan order without their wall times. */
    private static List<RunRecord> comparable(List<RunRecord> records) {
        return records.stream().map(RunRecord::withoutTiming).sorted(Comparator.comparingInt(RunRecord::index))
                .toList();
    }

    @Test
    void badStudiesAndOptionsAreOneLineNamingTheProblem(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        String o = out.toString();
        Path broken = write(dir, "broken.json", "{\"format\": 1, \"name\": \"x\",\n  \"structures\": }\n");
        Path typo = write(dir, "typo.json", smallStudy().replace("\"distortions\": 2", "\"distortion\": 2"));
        Path level = write(dir, "level.json", smallStudy().replace("[0.01, 0.2]", "[0.01, 0.4]"));
        Path badCif = write(dir, "bad.cif", "data_bad\n_cell_length_a 3\n");
        Path badStructure = write(dir, "badstructure.json", smallStudy().replace(
                Examples.studyStructures().get(4).toString(), badCif.toString()));
        Path aFile = write(dir, "afile.txt", "x");
        record Case(String[] args, String message) {
        }
        List<Case> cases = List.of(
                new Case(new String[] {"study", dir.resolve("none.json").toString(), "--out", o},
                        dir.resolve("none.json") + ": no such file"),
                new Case(new String[] {"study", broken.toString(), "--out", o}, broken + ":2:"),
                new Case(new String[] {"study", typo.toString(), "--out", o},
                        typo + ": distortion: unknown field (known here: format, name"),
                new Case(new String[] {"study", level.toString(), "--out", o},
                        level + ": conditions[0].levels[1]: lattice noise must lie in (0, 1/3)"),
                new Case(new String[] {"study", badStructure.toString(), "--out", o}, "bad.cif"),
                new Case(new String[] {"study", "paper", "--out", o, "--shard", "3/2"},
                        "--shard: a shard is written i/n with whole numbers 1 <= i <= n, e.g. 2/4; got '3/2'"),
                new Case(new String[] {"study", "paper", "--out", o, "--threads", "0"},
                        "--threads must be at least 1, got 0"),
                new Case(new String[] {"study", "paper", "--out", aFile.toString()},
                        aFile + " is a file, not a folder"));
        for (Case c : cases) {
            CliRun run = CliRun.of(c.args());
            String what = String.join(" ", c.args());
            assertThat(run.status()).as(what).isEqualTo(Pxrd.EXIT_FAILURE);
            assertThat(run.out()).as(what).isEmpty();
            assertThat(run.err().strip()).as(what).doesNotContain("\n").startsWith("pxrd study: ")
                    .contains(c.message());
        }
        assertThat(out).doesNotExist();
        CliRun noOut = CliRun.of("study", "paper");
        assertThat(noOut.status()).isEqualTo(Pxrd.EXIT_USAGE);
        assertThat(noOut.err().strip()).doesNotContain("\n").contains("--out");
        CliRun help = CliRun.of("help", "study");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("merge").contains("report").contains("describe").contains("--shard");
    }

    @Test
    void describePrintsANormalisedStudyFileAndItsRuns(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("study", "describe", "paper");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode description = JSON.readTree(run.out());
        assertThat(description.get("name").asText()).isEqualTo("paper");
        assertThat(description.get("distortions").asInt()).isEqualTo(50);
        assertThat(description.get("stop").get("maxSteps").asInt()).isEqualTo(30000);
        assertThat(run.err().strip()).startsWith("pxrd study describe: paper: 30000 runs on 10 structures, fingerprint ");
        // the printed description is a study file of the same study
        Path copy = write(dir, "copy.json", run.out());
        CliRun again = CliRun.of("study", "describe", copy.toString());
        assertThat(again.out()).isEqualTo(run.out());
        assertThat(again.err()).isEqualTo(run.err());

        CliRun runs = CliRun.of("study", "describe", "paper-quick", "--runs");
        assertThat(runs.status()).isZero();
        List<String> lines = runs.out().lines().toList();
        assertThat(lines).hasSize(1200);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("index").asInt()).isZero();
        assertThat(first.get("id").asText()).isEqualTo("mp-10026_ScTe_sg194/lattice@0.05/lattice/cosine/none/0");
        assertThat(first.get("loss").asText()).isEqualTo("org.pxrd.losses.cosine");
    }

    @Test
    void aStudyRunsResumesShardsMergesAndReports(@TempDir Path dir) throws Exception {
        Path study = write(dir, "two.json", smallStudy());
        Path whole = dir.resolve("whole");
        CliRun run = runWithToy(study.toString(), whole);
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode summary = JSON.readTree(run.out());
        assertThat(summary.get("runs").asInt()).isEqualTo(32);
        assertThat(summary.get("finished").asInt()).isEqualTo(32);
        assertThat(summary.get("missing").asInt()).isZero();
        assertThat(run.err()).contains("study two: 0/32 runs").contains("study two: 32/32 runs (100.0%)");
        assertThat(Files.readAllLines(whole.resolve(ResultsFile.NAME))).hasSize(32);
        assertThat(whole.resolve("report.md")).exists();
        assertThat(whole.resolve("figures/fig1_match_rates.png")).exists();

        // a second run without --resume is refused; with it, there is nothing left to do
        assertThatThrownBy(() -> runWithToy(study.toString(), whole)).isInstanceOf(CliException.class)
                .hasMessageContaining("add --resume");
        JsonNode resumed = JSON.readTree(runWithToy(study.toString(), whole, "--resume").out());
        assertThat(resumed.get("already_done").asInt()).isEqualTo(32);
        assertThat(resumed.get("finished").asInt()).isZero();

        // two shards merged equal the whole
        assertThat(runWithToy(study.toString(), dir.resolve("s1"), "--shard", "1/2").status()).isZero();
        assertThat(runWithToy(study.toString(), dir.resolve("s2"), "--shard", "2/2").status()).isZero();
        Path merged = dir.resolve("merged");
        CliRun merge = CliRun.of("study", "merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(),
                "--out", merged.toString());
        assertThat(merge.status()).as(merge.err()).isZero();
        JsonNode m = JSON.readTree(merge.out());
        assertThat(m.get("merged").asInt()).isEqualTo(32);
        assertThat(m.get("missing").asInt()).isZero();
        assertThat(m.get("shards").toString()).isEqualTo("[\"1/2\",\"2/2\"]");
        assertThat(Files.readString(merged.resolve("tables/statistics.csv")))
                .isEqualTo(Files.readString(whole.resolve("tables/statistics.csv")));
        // the toy recovers every start at 0.01 and none at 0.2
        assertThat(Files.readString(whole.resolve("tables/statistics.csv")))
                .contains("lattice,0.01,lattice,cosine,none,4,4,0,1.0,").contains("lattice,0.2,lattice,mse,family,4,0,0,0.0,");

        // the report regenerates from the results alone
        Files.delete(whole.resolve("report.md"));
        CliRun report = CliRun.of("study", "report", whole.toString());
        assertThat(report.status()).as(report.err()).isZero();
        assertThat(JSON.readTree(report.out()).get("records").asInt()).isEqualTo(32);
        assertThat(Files.readString(whole.resolve("report.md"))).startsWith("# Study report: two");
    }

    @Test
    void anInterruptedStudySaysHowToFinishIt(@TempDir Path dir) throws Exception {
        Path study = write(dir, "two.json", smallStudy());
        Path out = dir.resolve("out");
        // an engine whose high-noise runs are cancelled, as Ctrl-C cancels the running runs
        Function<StudyPlan, DistortionRun> interrupted = plan -> input -> input.spec().level() > 0.1
                ? new RunOutcome(RunStatus.CANCELLED, "cancelled", 1, input.start(), Double.NaN, Double.NaN, false,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                : TOY.apply(plan).run(input);
        assertThatThrownBy(() -> runWith(interrupted, study.toString(), out)).isInstanceOf(CliException.class)
                .hasMessage("the study was interrupted with 16 runs to go: run the same command with --resume to"
                        + " finish it");
        assertThat(Files.readAllLines(out.resolve(ResultsFile.NAME))).hasSize(16);
        // the partial study has its report, and --resume finishes it
        assertThat(Files.readString(out.resolve("report.md"))).contains("Runs recorded: 16 of 32 (16 missing");
        JsonNode resumed = JSON.readTree(runWithToy(study.toString(), out, "--resume").out());
        assertThat(resumed.get("already_done").asInt()).isEqualTo(16);
        assertThat(resumed.get("finished").asInt()).isEqualTo(16);
        assertThat(resumed.get("missing").asInt()).isZero();
    }

    @Test
    void mergeAndReportRejectWhatIsNotAStudyFolder(@TempDir Path dir) throws Exception {
        CliRun report = CliRun.of("study", "report", dir.toString());
        assertThat(report.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(report.err().strip()).isEqualTo("pxrd study report: " + dir + " is not a study folder (no study.json)");
        CliRun merge = CliRun.of("study", "merge", dir.toString(), "--out", dir.resolve("m").toString());
        assertThat(merge.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(merge.err().strip()).isEqualTo("pxrd study merge: " + dir
                + " is not a study folder (no manifest.json)");
        CliRun rematch = CliRun.of("study", "rematch", dir.toString(), "--out", dir.resolve("r").toString());
        assertThat(rematch.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(rematch.err().strip()).isEqualTo("pxrd study rematch: " + dir
                + " is not a study folder (no study.json)");
        Files.writeString(dir.resolve("study.json"), "{}");
        Files.writeString(dir.resolve("manifest.json"), "{}");
        CliRun damaged = CliRun.of("study", "report", dir.toString());
        assertThat(damaged.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(damaged.err().strip()).doesNotContain("\n").contains("study.json: format: missing");
    }
}
