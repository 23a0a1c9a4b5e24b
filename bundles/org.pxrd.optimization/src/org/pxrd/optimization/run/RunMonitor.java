package org.pxrd.optimization.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The caller's handle on one iterative run: step listeners, progress and cancellation. Thread-safe: a view may
 * read the progress or cancel from another thread while the run emits events on its own.
 *
 * <p>A run calls {@link #started(int)} once with its step budget, then {@link #emit} for every step (step 0
 * is the starting point), or {@link #progressed} when {@link #hasListeners() nobody listens}, and polls
 * {@link #isCancelled()} between steps.
 *
 * @param <E> the kind of event the run emits
 */
public final class RunMonitor<E extends StepEvent> {

    private final CancellationToken cancellation;
    private final List<StepListener<? super E>> listeners = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private volatile int maxSteps;
    private volatile E last;
    private volatile int step = -1;

    /** A monitor with its own cancellation token. */
    public RunMonitor() {
        this(new CancellationToken());
    }

    /** A monitor cancelled through {@code cancellation} (e.g. a child of a batch token). */
    public RunMonitor(CancellationToken cancellation) {
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
    }

    /** Adds a listener; returns this monitor. */
    public RunMonitor<E> onStep(StepListener<? super E> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    public CancellationToken cancellation() {
        return cancellation;
    }

    /** Requests cancellation of the run (and of nothing else). */
    public void cancel() {
        cancellation.cancel();
    }

    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    /** Called by the run before its first step with its maximum number of steps. */
    public void started(int maximumSteps) {
        this.maxSteps = maximumSteps;
    }

    /** Called by the run for every step: remembers the event and hands it to every listener. */
    public void emit(E event) {
        last = event;
        step = event.step();
        for (StepListener<? super E> listener : listeners) {
            try {
                listener.onStep(event);
            } catch (RuntimeException e) {
                listeners.remove(listener);
                problems.add("a step listener (" + listener.getClass().getName() + ") failed at step " + event.step()
                        + " and was removed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()));
            }
        }
    }

    /**
     * Whether any listener is registered. A run with many steps and nobody listening (a batch) may skip building
     * its events and report its steps through {@link #progressed} instead.
     */
    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /** Called by a run for a step it builds no event for (nobody listens): advances {@link #step()} only. */
    public void progressed(int reachedStep) {
        step = reachedStep;
    }

    /** The latest event, or null before the first (and for runs that reported through {@link #progressed}). */
    public E lastEvent() {
        return last;
    }

    /** The current step, or -1 before the first event. */
    public int step() {
        return step;
    }

    /** The maximum number of steps the run announced (0 before it started). */
    public int maxSteps() {
        return maxSteps;
    }

    /** Fraction of the step budget used, in [0, 1] (a converged run ends below 1). */
    public double progress() {
        int max = maxSteps;
        return max <= 0 ? 0 : Math.min(1, Math.max(0, step()) / (double) max);
    }

    /** One line per listener that threw and was removed, in order. */
    public List<String> listenerProblems() {
        return new ArrayList<>(problems);
    }
}
