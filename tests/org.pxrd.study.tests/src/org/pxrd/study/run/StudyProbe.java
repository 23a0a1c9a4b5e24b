package org.pxrd.study.run;

import java.nio.file.Path;

import org.pxrd.optimization.run.CancellationToken;

/**
 * A study run in a child JVM on a plain class path (no OSGi), for {@link KillResumeTest}: runs (or resumes) the
 * small study into a folder with the toy refinement (or the tiny study with the refinement engine), prints
 * {@code started} once the runs begin and {@code done N} at the end.
 *
 * <p>Arguments: OUT_DIR THREADS MILLIS_PER_STEP [engine].
 */
public final class StudyProbe {

    private StudyProbe() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        long millis = Long.parseLong(args[2]);
        boolean engine = args.length > 3 && args[3].equals("engine");
        StudyPlan plan = StudyPlan.expand(engine ? TestStudies.tinyForTheEngine() : TestStudies.small());
        DistortionRun function = engine ? TestStudies.engine(plan) : new ToyRefinement(millis, null);
        StudyFolder.prepare(out, plan, Shard.ALL, true);
        try (ResultsFile results = ResultsFile.open(out.resolve(ResultsFile.NAME))) {
            System.out.println("started");
            System.out.flush();
            StudyRunner.Summary s = new StudyRunner(function, TestStudies::read, threads)
                    .run(plan, Shard.ALL, results, Progress.NONE, new CancellationToken());
            System.out.println("done " + s.finished());
        }
    }
}
