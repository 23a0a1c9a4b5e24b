package org.pxrd.study.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.optimization.run.CancellationToken;
import org.pxrd.study.ChildJvm;

/**
 * kill -9 loses nothing: a study runs in a child JVM on a plain class path (which also shows that the study
 * machinery needs no OSGi), is killed with SIGKILL midway, and resumed; the results equal an uninterrupted
 * run's.
 */
class KillResumeTest {

    /**
     * Runs recorded before the kill: the child's toy runs take 10 x 5 ms each, so 360 of them on 2 threads take
     * about 9 s, far longer than the polling needs to see 40 and kill.
     */
    private static final long RECORDS_BEFORE_KILL = 40;

    /** Engine runs recorded before the kill: a quarter of the tiny study's 32, which take seconds. */
    private static final long ENGINE_RECORDS_BEFORE_KILL = 8;

    @Test
    void aStudyKilledWithSigkillResumesToTheSameResults(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("killed");
        Process child = start(out, 2);
        Path results = out.resolve(ResultsFile.NAME);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lines(results) < RECORDS_BEFORE_KILL && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("the child is still running when it is killed").isTrue();
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
        long kept = lines(results);
        assertThat(kept).isBetween(RECORDS_BEFORE_KILL, (long) TestStudies.SMALL_RUNS - 1);

        // resume in another child, then compare with an uninterrupted run in this JVM
        Process resumed = start(out, 3);
        assertThat(resumed.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String output = new String(resumed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(resumed.exitValue()).as(output).isZero();
        assertThat(output).contains("done " + (TestStudies.SMALL_RUNS - kept));

        Path whole = dir.resolve("whole");
        StudyPlan plan = StudyPlan.expand(TestStudies.small());
        StudyFolder.prepare(whole, plan, Shard.ALL, false);
        try (ResultsFile r = ResultsFile.open(whole.resolve(ResultsFile.NAME))) {
            new StudyRunner(new ToyRefinement(0, null), TestStudies::read, 2).run(plan, Shard.ALL, r, Progress.NONE,
                    new CancellationToken());
        }
        assertThat(TestStudies.comparable(ResultsFile.read(results)))
                .isEqualTo(TestStudies.comparable(ResultsFile.read(whole.resolve(ResultsFile.NAME))));
    }

    /**
     * The same with the refinement engine on a tiny study: the runs recorded before the kill and those of the
     * resume equal an uninterrupted run's, in another JVM and with another number of threads.
     */
    @Test
    void aStudyOnTheRefinementEngineKilledWithSigkillResumesToTheSameResults(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("killed");
        Process child = ChildJvm.start(StudyProbe.class, Map.of(), List.of(), out.toString(), "2", "0", "engine");
        Path results = out.resolve(ResultsFile.NAME);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (lines(results) < ENGINE_RECORDS_BEFORE_KILL && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        boolean killed = child.isAlive();
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long kept = lines(results);
        assertThat(killed).as("the child is still running when it is killed (%d records)", kept).isTrue();
        assertThat(kept).isBetween(ENGINE_RECORDS_BEFORE_KILL, (long) TestStudies.TINY_RUNS - 1);

        Process resumed = ChildJvm.start(StudyProbe.class, Map.of(), List.of(), out.toString(), "1", "0", "engine");
        assertThat(resumed.waitFor(600, TimeUnit.SECONDS)).isTrue();
        String output = new String(resumed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(resumed.exitValue()).as(output).isZero();

        Path whole = dir.resolve("whole");
        StudyPlan plan = StudyPlan.expand(TestStudies.tinyForTheEngine());
        StudyFolder.prepare(whole, plan, Shard.ALL, false);
        try (ResultsFile r = ResultsFile.open(whole.resolve(ResultsFile.NAME))) {
            new StudyRunner(TestStudies.engine(plan), TestStudies::read, 2).run(plan, Shard.ALL, r, Progress.NONE,
                    new CancellationToken());
        }
        List<RunRecord> resumedRecords = TestStudies.comparable(ResultsFile.read(results));
        assertThat(resumedRecords).hasSize(TestStudies.TINY_RUNS);
        assertThat(resumedRecords).isEqualTo(TestStudies.comparable(ResultsFile.read(whole.resolve(ResultsFile.NAME))));
    }

    private static long lines(Path file) throws Exception {
        if (!Files.exists(file)) {
            return 0;
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
    }

    private static Process start(Path out, int threads) throws Exception {
        return ChildJvm.start(StudyProbe.class, Map.of(), List.of(), out.toString(), String.valueOf(threads), "5");
    }
}
