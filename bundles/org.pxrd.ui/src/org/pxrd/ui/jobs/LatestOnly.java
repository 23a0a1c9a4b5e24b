package org.pxrd.ui.jobs;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.pxrd.ui.PxrdUiPlugin;

/**
 * Computes a function of the newest input off the UI thread and hands the result to the UI thread, skipping inputs
 * that were replaced before their turn: edits arriving faster than the computation coalesce into one computation of
 * the latest, so the UI never waits and never shows a stale result after a newer one.
 *
 * <p>{@link #submit} (UI thread) stores the input and schedules one system {@link Job}; the job takes the newest input,
 * computes, and posts the result with {@code asyncExec}, where it is delivered only if no newer input was submitted
 * meanwhile and the owner is not disposed. A computation that throws is delivered as a {@link Result} with its error
 * (and logged when it is not an {@link IllegalArgumentException}, the science bundles' "bad input" signal), so a
 * failing plugin shows in the view instead of taking it down.
 *
 * @param <I> the input (immutable)
 * @param <O> the result
 */
public final class LatestOnly<I, O> {

    /** The outcome of one computation: its input and either its output or its error. */
    public record Result<I, O>(I input, O output, RuntimeException error) {
        public boolean failed() {
            return error != null;
        }
    }

    private final Display display;
    private final Function<I, O> compute;
    private final Consumer<Result<I, O>> deliver;
    private final AtomicReference<I> pending = new AtomicReference<>();
    private final Job job;
    private volatile I newest;
    private volatile I delivered;
    private volatile boolean disposed;

    /**
     * @param name job name (shown in the progress view when the user asks for system jobs)
     * @param display the display whose UI thread receives results
     * @param compute the computation (runs on a job thread; must not touch widgets)
     * @param deliver receives results on the UI thread
     */
    public LatestOnly(String name, Display display, Function<I, O> compute, Consumer<Result<I, O>> deliver) {
        this.display = Objects.requireNonNull(display, "display");
        this.compute = Objects.requireNonNull(compute, "compute");
        this.deliver = Objects.requireNonNull(deliver, "deliver");
        this.job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                I input;
                while ((input = pending.getAndSet(null)) != null && !disposed) {
                    Result<I, O> result = computeOne(input);
                    display.asyncExec(() -> handOver(result));
                }
                return Status.OK_STATUS;
            }
        };
        job.setSystem(true);
    }

    private Result<I, O> computeOne(I input) {
        try {
            return new Result<>(input, compute.apply(input), null);
        } catch (IllegalArgumentException e) {
            return new Result<>(input, null, e);
        } catch (RuntimeException e) {
            PxrdUiPlugin.logError(job.getName() + " failed: " + e, e);
            return new Result<>(input, null, e);
        } catch (LinkageError e) {
            PxrdUiPlugin.logError(job.getName() + " failed: " + e, e);
            return new Result<>(input, null, new IllegalStateException(e.toString(), e));
        }
    }

    private void handOver(Result<I, O> result) {
        if (disposed || result.input() != newest) {
            return; // a newer input is on its way
        }
        delivered = result.input();
        deliver.accept(result);
    }

    /** Asks for the result of {@code input} (on the UI thread); replaces any input not yet started. */
    public void submit(I input) {
        Objects.requireNonNull(input, "input");
        if (disposed) {
            return;
        }
        newest = input;
        pending.set(input);
        job.schedule(); // reschedules itself after the current run when it is running
    }

    /** Whether the result of the newest input has been delivered. */
    public boolean isCurrent() {
        return newest != null && delivered == newest;
    }

    /** The newest input submitted, or null. */
    public I newest() {
        return newest;
    }

    /** Stops delivering results; a running computation finishes and is dropped. */
    public void dispose() {
        disposed = true;
        pending.set(null);
        job.cancel();
    }
}
