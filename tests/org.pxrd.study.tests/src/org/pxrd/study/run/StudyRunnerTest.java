package org.pxrd.study.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.examples.Examples;
import org.pxrd.optimization.run.CancellationToken;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.study.protocol.StudyFormat;

/**
 * The runner with the toy refinement: results independent of threads, interruption and resume, shards and
 * their merge, failures of single runs, bad structures.
 */
class StudyRunnerTest {

    private static List<RunRecord> runWhole(Path dir, int threads) {
        StudyPlan plan = StudyPlan.expand(TestStudies.small());
        StudyFolder.prepare(dir, plan, Shard.ALL, false);
        try (ResultsFile results = ResultsFile.open(dir.resolve(ResultsFile.NAME))) {
            StudyRunner.Summary s = new StudyRunner(new ToyRefinement(0, null), TestStudies::read, threads)
                    .run(plan, Shard.ALL, results, Progress.NONE, new CancellationToken());
            assertThat(s.finished()).isEqualTo(TestStudies.SMALL_RUNS);
            assertThat(s.missing()).isZero();
            assertThat(s.cancelled()).isFalse();
        }
        return ResultsFile.read(dir.resolve(ResultsFile.NAME));
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads(@TempDir Path dir) {
        List<RunRecord> one = runWhole(dir.resolve("one"), 1);
        List<RunRecord> three = runWhole(dir.resolve("three"), 3);
        assertThat(one).hasSize(TestStudies.SMALL_RUNS);
        assertThat(TestStudies.comparable(three)).isEqualTo(TestStudies.comparable(one));
        // the toy's outcomes vary: some runs match, some do not
        long matches = one.stream().filter(RunRecord::match).count();
        assertThat(matches).isBetween(50L, (long) TestStudies.SMALL_RUNS - 50);
        // every record carries its start: the truth under the run's noise, drawn from its distortion seed
        RunRecord r = one.stream().filter(x -> x.id().equals("mp-1709_U2Ti_sg191/lattice@0.1/lattice/mse/family/2"))
                .findFirst().orElseThrow();
        assertThat(r.startLattice()[0]).isNotEqualTo(4.78868537).isBetween(4.78868537 * 0.7, 4.78868537 * 1.3);
        assertThat(r.startFrac()).hasNumberOfRows(3);
    }

    @Test
    void anInterruptedStudyResumesToTheSameResults(@TempDir Path dir) {
        List<RunRecord> whole = runWhole(dir.resolve("whole"), 2);
        Path out = dir.resolve("interrupted");
        StudyPlan plan = StudyPlan.expand(TestStudies.small());
        StudyFolder.prepare(out, plan, Shard.ALL, false);
        CancellationToken token = new CancellationToken();
        AtomicInteger seen = new AtomicInteger();
        Progress cancelAfter100 = new Progress() {
            @Override
            public void started(int total, int alreadyDone) {
            }

            @Override
            public void finished(RunRecord record) {
                if (seen.incrementAndGet() == 100) {
                    token.cancel();
                }
            }

            @Override
            public void ended() {
            }
        };
        StudyRunner.Summary first;
        try (ResultsFile results = ResultsFile.open(out.resolve(ResultsFile.NAME))) {
            first = new StudyRunner(new ToyRefinement(1, null), TestStudies::read, 2).run(plan, Shard.ALL, results,
                    cancelAfter100, token);
        }
        assertThat(first.cancelled()).isTrue();
        assertThat(first.finished()).isBetween(100, 110);
        assertThat(ResultsFile.read(out.resolve(ResultsFile.NAME))).hasSize(first.finished());
        // without --resume the folder is refused; with it, only the missing runs run
        assertThatThrownBy(() -> StudyFolder.prepare(out, plan, Shard.ALL, false))
                .hasMessageContaining("add --resume");
        StudyFolder.prepare(out, plan, Shard.ALL, true);
        try (ResultsFile results = ResultsFile.open(out.resolve(ResultsFile.NAME))) {
            StudyRunner.Summary second = new StudyRunner(new ToyRefinement(0, null), TestStudies::read, 2)
                    .run(plan, Shard.ALL, results, Progress.NONE, new CancellationToken());
            assertThat(second.alreadyDone()).isEqualTo(first.finished());
            assertThat(second.finished()).isEqualTo(TestStudies.SMALL_RUNS - first.finished());
        }
        assertThat(TestStudies.comparable(ResultsFile.read(out.resolve(ResultsFile.NAME))))
                .isEqualTo(TestStudies.comparable(whole));
    }

    @Test
    void shardsMergeIntoTheWholeStudy(@TempDir Path dir) {
        List<RunRecord> whole = runWhole(dir.resolve("whole"), 2);
        StudyPlan plan = StudyPlan.expand(TestStudies.small());
        List<Path> shards = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Shard shard = new Shard(i, 3);
            Path out = dir.resolve("shard" + i);
            StudyFolder.prepare(out, plan, shard, false);
            try (ResultsFile results = ResultsFile.open(out.resolve(ResultsFile.NAME))) {
                new StudyRunner(new ToyRefinement(0, null), TestStudies::read, 2).run(plan, shard, results,
                        Progress.NONE, new CancellationToken());
            }
            assertThat(ResultsFile.read(out.resolve(ResultsFile.NAME))).hasSize(plan.runs(shard).size());
            shards.add(out);
        }
        Path merged = dir.resolve("merged");
        ShardMerge.Result result = ShardMerge.merge(shards, merged);
        assertThat(result.merged()).isEqualTo(TestStudies.SMALL_RUNS);
        assertThat(result.missing()).isZero();
        assertThat(result.shards()).containsExactly("1/3", "2/3", "3/3");
        List<RunRecord> mergedRecords = ResultsFile.read(merged.resolve(ResultsFile.NAME));
        // sorted by plan index
        for (int i = 0; i < mergedRecords.size(); i++) {
            assertThat(mergedRecords.get(i).index()).isEqualTo(i);
        }
        assertThat(TestStudies.comparable(mergedRecords)).isEqualTo(TestStudies.comparable(whole));
        assertThat(StudyFolder.readManifest(merged).shard()).isEqualTo(Shard.ALL);
        assertThat(StudyFolder.readStudy(merged)).isEqualTo(plan.study());
        // merging two shards only leaves runs missing, and a merged folder is never overwritten
        ShardMerge.Result partial = ShardMerge.merge(shards.subList(0, 2), dir.resolve("partial"));
        assertThat(partial.missing()).isEqualTo(plan.runs(new Shard(3, 3)).size());
        assertThatThrownBy(() -> ShardMerge.merge(shards, merged)).hasMessageContaining("already holds a study");
    }

    @Test
    void shardsOfDifferentStudiesDoNotMergeAndFoldersKeepTheirStudy(@TempDir Path dir) {
        StudyPlan plan = StudyPlan.expand(TestStudies.small());
        StudyPlan other = StudyPlan.expand(StudyFormat.parse(TestStudies.SMALL.replace("\"seed\": 7", "\"seed\": 9"),
                "other", null));
        StudyFolder.prepare(dir.resolve("a"), plan, new Shard(1, 2), false);
        StudyFolder.prepare(dir.resolve("b"), other, new Shard(2, 2), false);
        assertThatThrownBy(() -> ShardMerge.merge(List.of(dir.resolve("a"), dir.resolve("b")), dir.resolve("m")))
                .hasMessageContaining("holds another study");
        assertThatThrownBy(() -> StudyFolder.prepare(dir.resolve("a"), other, new Shard(1, 2), true))
                .hasMessageContaining("holds results of another study");
        assertThatThrownBy(() -> StudyFolder.prepare(dir.resolve("a"), plan, new Shard(2, 2), true))
                .hasMessageContaining("holds shard 1/2 of this study, not 2/2");
        assertThatThrownBy(() -> ShardMerge.merge(List.of(dir.resolve("nothing")), dir.resolve("m")))
                .hasMessageContaining("is not a study folder");
    }

    @Test
    void aRunThatThrowsIsRecordedAsFailedAndTheOthersGoOn(@TempDir Path dir) {
        StudyPlan plan = StudyPlan.expand(TestStudies.small());
        String broken = plan.runs().get(5).id();
        StudyFolder.prepare(dir, plan, Shard.ALL, false);
        try (ResultsFile results = ResultsFile.open(dir.resolve(ResultsFile.NAME))) {
            StudyRunner.Summary s = new StudyRunner(new ToyRefinement(0, broken), TestStudies::read, 2).run(plan,
                    Shard.ALL, results, Progress.NONE, new CancellationToken());
            assertThat(s.failed()).isEqualTo(1);
            assertThat(s.finished()).isEqualTo(TestStudies.SMALL_RUNS);
        }
        RunRecord failed = ResultsFile.read(dir.resolve(ResultsFile.NAME)).stream()
                .filter(r -> r.id().equals(broken)).findFirst().orElseThrow();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.message()).isEqualTo("IllegalStateException: the toy simulator broke on purpose");
        assertThat(failed.match()).isFalse();
        assertThat(failed.distanceFinal()).isNaN();
    }

    @Test
    void aBadStructureFileStopsTheStudyBeforeAnyRun(@TempDir Path dir) throws Exception {
        Files.copy(Examples.studyStructures().get(0), dir.resolve("good.cif"));
        Files.writeString(dir.resolve("broken.cif"), "data_broken\n_cell_length_a 3\n");
        StudyPlan plan = StudyPlan.expand(StudyFormat.parse(TestStudies.SMALL.replace("{\"examples\": \"study10\"}",
                "{\"files\": [\"good.cif\", \"broken.cif\"]}"), "two", dir));
        Path out = dir.resolve("out");
        StudyFolder.prepare(out, plan, Shard.ALL, false);
        try (ResultsFile results = ResultsFile.open(out.resolve(ResultsFile.NAME))) {
            assertThatThrownBy(() -> new StudyRunner(new ToyRefinement(0, null), TestStudies::read, 2).run(plan,
                    Shard.ALL, results, Progress.NONE, new CancellationToken()))
                    .isInstanceOf(StudyRunException.class).hasMessageContaining("broken.cif");
        }
        assertThat(ResultsFile.read(out.resolve(ResultsFile.NAME))).isEmpty();
    }
}
