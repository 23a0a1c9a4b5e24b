package org.pxrd.optimization.refine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.pxrd.model.Structure;
import org.pxrd.optimization.run.CancellationToken;
import org.pxrd.optimization.run.RunMonitor;

/**
 * Many refinements on a fixed pool of threads (the study's batch of 16 becomes a thread pool). Each job is
 * independent and deterministic ({@link Refinement#run} is a pure function of its start, target and seed), so the
 * results, returned in job order, are the same for any number of threads. A shared {@link CancellationToken} stops
 * every run at its next step.
 */
public final class RefinementBatch {

    /**
     * One refinement of a batch.
     *
     * @param refinement what to run
     * @param start the start structure
     * @param target the target
     * @param seed the run's seed
     */
    public record Job(Refinement refinement, Structure start, RefinementTarget target, long seed) {
        public Job {
            Objects.requireNonNull(refinement, "refinement");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(target, "target");
        }
    }

    /** Told about every finished job, from the worker thread that ran it (implementations must be thread-safe). */
    @FunctionalInterface
    public interface Progress {
        void finished(int index, RefinementResult result, int done, int total);
    }

    private RefinementBatch() {
    }

    /**
     * Runs every job on {@code threads} worker threads and returns the results in job order. Cancelled runs end with
     * status CANCELLED; an interrupt of the calling thread cancels the batch.
     *
     * @param threads the number of worker threads, ≥ 1
     * @param cancellation cancels every run of the batch
     * @param progress told about each finished job, or null
     */
    public static List<RefinementResult> run(List<Job> jobs, int threads, CancellationToken cancellation,
            Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("a batch needs at least one thread, got " + threads);
        }
        AtomicInteger done = new AtomicInteger();
        AtomicInteger id = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, jobs.size())), r -> {
            Thread t = new Thread(r, "pxrd-refine-" + id.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RefinementResult>> futures = new ArrayList<>(jobs.size());
            for (int i = 0; i < jobs.size(); i++) {
                int index = i;
                Job job = jobs.get(i);
                futures.add(pool.submit(() -> {
                    RefinementResult r = job.refinement().run(job.start(), job.target(), job.seed(),
                            new RunMonitor<>(cancellation.child()));
                    if (progress != null) {
                        progress.finished(index, r, done.incrementAndGet(), jobs.size());
                    }
                    return r;
                }));
            }
            List<RefinementResult> results = new ArrayList<>(jobs.size());
            boolean interrupted = false;
            for (Future<RefinementResult> f : futures) {
                while (true) {
                    try {
                        results.add(f.get());
                        break;
                    } catch (InterruptedException e) {
                        cancellation.cancel();
                        interrupted = true;
                    } catch (ExecutionException e) {
                        throw unchecked(e.getCause());
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }
}
