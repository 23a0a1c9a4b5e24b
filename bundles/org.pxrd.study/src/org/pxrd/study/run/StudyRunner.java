package org.pxrd.study.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.pxrd.model.Structure;
import org.pxrd.optimization.run.CancellationToken;
import org.pxrd.optimization.run.RunStatus;

/**
 * Executes the runs of a study shard on a pool of threads, appending each finished run to the results file at
 * once.
 *
 * <p>Steps of {@link #run}:
 * <ol>
 * <li>The shard's runs minus those already in the results file (a resumed study skips them).</li>
 * <li>The ground-truth structures of the remaining runs are read first, so a bad structure file stops the study
 * before any run.</li>
 * <li>Each remaining run, in plan order, on one of the threads: its start is the truth under the run's noise
 * model drawn from the run's distortion seed; the {@link DistortionRun} refines and judges it; the record is
 * appended to the results file and reported to the progress. A run that throws is recorded as FAILED with
 * the exception's message; a cancelled run is not recorded. An {@link Error} (out of memory) stops the study
 * with a message, keeping what is recorded.</li>
 * <li>When the cancellation token is cancelled (Ctrl-C), no further run starts, the running ones stop at their
 * next step, and {@link #run} returns once they have.</li>
 * </ol>
 * Results depend only on the plan and the run function, not on the number of threads or the order in which runs
 * finish (the results file is in finishing order; readers sort by plan index).
 */
public final class StudyRunner {

    private final DistortionRun function;
    private final Function<Path, Structure> loader;
    private final int threads;

    /**
     * How a call of {@link #run} went.
     *
     * @param shardRuns the runs of the shard
     * @param alreadyDone those found in the results file at the start
     * @param finished those recorded in this call
     * @param failed those of {@code finished} that failed
     * @param cancelled whether the study was interrupted before every run was recorded
     */
    public record Summary(int shardRuns, int alreadyDone, int finished, int failed, boolean cancelled) {

        /** Runs of the shard that are still missing from the results file. */
        public int missing() {
            return shardRuns - alreadyDone - finished;
        }
    }

    /**
     * @param function refines and judges one run
     * @param loader reads a ground-truth structure file (the first structure of the file); throws a runtime
     *        exception with a one-line message for a bad file
     * @param threads the number of worker threads (at least 1)
     */
    public StudyRunner(DistortionRun function, Function<Path, Structure> loader, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a study needs at least 1 thread, got " + threads);
        }
        this.function = function;
        this.loader = loader;
        this.threads = threads;
    }

    /**
     * Runs what is missing of a shard.
     *
     * @throws StudyRunException when a structure cannot be read or the results file cannot be written (the runs
     *         recorded before stay recorded)
     */
    public Summary run(StudyPlan plan, Shard shard, ResultsFile results, Progress progress,
            CancellationToken cancellation) {
        List<RunSpec> shardRuns = plan.runs(shard);
        Set<String> done = new HashSet<>();
        for (RunRecord r : results.records()) {
            done.add(r.id());
        }
        List<RunSpec> pending = new ArrayList<>();
        int alreadyDone = 0;
        for (RunSpec spec : shardRuns) {
            if (done.contains(spec.id())) {
                alreadyDone++;
            } else {
                pending.add(spec);
            }
        }
        Map<String, Structure> truths = readTruths(pending);
        progress.started(shardRuns.size(), alreadyDone);
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<RuntimeException> fatal = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "pxrd-study-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            for (RunSpec spec : pending) {
                pool.execute(() -> {
                    if (cancellation.isCancelled() || fatal.get() != null) {
                        return;
                    }
                    try {
                        RunRecord record = runOne(plan, spec, truths.get(spec.structure().key()), cancellation);
                        if (record != null) {
                            results.append(record);
                            finished.incrementAndGet();
                            if (record.status() == RunStatus.FAILED) {
                                failed.incrementAndGet();
                            }
                            progress.finished(record);
                        }
                    } catch (RuntimeException e) {
                        // the results file cannot be written: stop the study, keep what is recorded
                        fatal.compareAndSet(null, e);
                    } catch (Error e) {
                        // the JVM is in trouble (out of memory, stack overflow): stop rather than lose runs silently
                        fatal.compareAndSet(null, new StudyRunException("run " + spec.id() + " stopped the study: "
                                + e, e));
                    }
                });
            }
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
            progress.ended();
        }
        if (fatal.get() != null) {
            throw fatal.get() instanceof StudyRunException s ? s
                    : new StudyRunException(fatal.get().getMessage(), fatal.get());
        }
        int recorded = finished.get();
        return new Summary(shardRuns.size(), alreadyDone, recorded, failed.get(),
                alreadyDone + recorded < shardRuns.size());
    }

    /** One run: distort, refine, record; null when it was cancelled. */
    private RunRecord runOne(StudyPlan plan, RunSpec spec, Structure truth, CancellationToken cancellation) {
        long t0 = System.nanoTime();
        Structure start = truth;
        RunOutcome outcome;
        try {
            start = spec.noiseModel().apply(truth, spec.distortionSeed());
            outcome = function.run(new RunInput(spec, plan.study(), truth, start, cancellation));
            if (outcome == null) {
                outcome = RunOutcome.failed("the run function returned no outcome", 0, start);
            }
        } catch (Exception e) {
            String message = e.getMessage() == null ? "" : ": " + e.getMessage();
            outcome = RunOutcome.failed(e.getClass().getSimpleName() + message, 0, start);
        }
        if (outcome.status() == RunStatus.CANCELLED) {
            return null;
        }
        return RunRecord.of(spec, start, outcome, (System.nanoTime() - t0) / 1e9);
    }

    private Map<String, Structure> readTruths(List<RunSpec> pending) {
        Map<String, Structure> truths = new LinkedHashMap<>();
        for (RunSpec spec : pending) {
            String key = spec.structure().key();
            if (!truths.containsKey(key)) {
                truths.put(key, readTruth(loader, spec.structure().path()));
            }
        }
        return truths;
    }

    /**
     * Reads a ground truth with a loader.
     *
     * @throws StudyRunException with the loader's one-line message, naming the file
     */
    static Structure readTruth(Function<Path, Structure> loader, Path file) {
        try {
            return loader.apply(file);
        } catch (RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new StudyRunException(m.contains(file.toString()) ? m : file + ": " + m, e);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
