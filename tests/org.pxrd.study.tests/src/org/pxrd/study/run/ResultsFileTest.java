package org.pxrd.study.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.model.Structure;
import org.pxrd.optimization.run.CancellationToken;

/** The results file: round trips, a half-written last line, damaged lines. */
class ResultsFileTest {

    /** Three records of the small study, made by the toy refinement. */
    private static List<RunRecord> records() throws Exception {
        StudyPlan plan = StudyPlan.expand(TestStudies.small());
        ToyRefinement toy = new ToyRefinement(0, null);
        List<RunSpec> specs = List.of(plan.runs().get(0), plan.runs().get(1), plan.runs().get(200));
        return specs.stream().map(spec -> {
            Structure truth = TestStudies.read(spec.structure().path());
            Structure start = spec.noiseModel().apply(truth, spec.distortionSeed());
            try {
                RunOutcome o = toy.run(new RunInput(spec, plan.study(), truth, start, new CancellationToken()));
                return RunRecord.of(spec, start, o, 0.25);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    @Test
    void recordsRoundTripThroughTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ResultsFile.NAME);
        List<RunRecord> records = records();
        try (ResultsFile results = ResultsFile.open(file)) {
            assertThat(results.records()).isEmpty();
            records.forEach(results::append);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"index\":0,\"id\":\"mp-10026_ScTe_sg194/lattice@0.02/lattice/cosine/none/0\"");
        assertThat(ResultsFile.read(file)).isEqualTo(records);
        // the parsed record keeps NaN as NaN (written as null) and every double to the last bit
        RunRecord first = ResultsFile.read(file).get(0);
        assertThat(first.startLattice()).containsExactly(records.get(0).startLattice());
        assertThat(first.seconds()).isEqualTo(0.25);
    }

    @Test
    void aHalfWrittenLastLineIsDroppedAndTheFileRepaired(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ResultsFile.NAME);
        List<RunRecord> records = records();
        try (ResultsFile results = ResultsFile.open(file)) {
            results.append(records.get(0));
            results.append(records.get(1));
        }
        long good = Files.size(file);
        // what kill -9 during a write leaves: the start of a line, no line break
        String partial = records.get(2).toJsonLine().substring(0, 57);
        Files.writeString(file, partial, StandardOpenOption.APPEND);
        assertThat(ResultsFile.read(file)).hasSize(2);
        try (ResultsFile results = ResultsFile.open(file)) {
            assertThat(results.records()).isEqualTo(records.subList(0, 2));
            assertThat(results.recovered()).contains("dropped a half-written last line (line 3, 57 bytes)");
            assertThat(Files.size(file)).isEqualTo(good);
            results.append(records.get(2));
        }
        assertThat(ResultsFile.read(file)).isEqualTo(records);
    }

    @Test
    void aDamagedLineInTheMiddleIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ResultsFile.NAME);
        List<RunRecord> records = records();
        String text = records.get(0).toJsonLine() + "\n" + "{\"index\": 1, \"id\": \"x\"}\n" + records.get(1).toJsonLine()
                + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ResultsFile.open(file)).isInstanceOf(StudyRunException.class)
                .hasMessage(file + ":2: not a run record: field 'structure' is missing");
        Files.writeString(file, records.get(0).toJsonLine() + "\n" + records.get(0).toJsonLine() + "\n");
        assertThatThrownBy(() -> ResultsFile.read(file)).hasMessageContaining(":2: run " + records.get(0).id()
                + " is already recorded on line 1");
        Files.writeString(file, "not json\n");
        assertThatThrownBy(() -> ResultsFile.read(file)).hasMessageStartingWith(file + ":1: not a run record: not JSON");
    }
}
