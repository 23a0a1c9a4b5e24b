package org.pxrd.optimization.run;

/**
 * Receives the step events of a run, on the thread that runs it. Listeners should return quickly (a view
 * hands the event to its display thread); a listener that throws is removed from the run and reported by
 * {@link RunMonitor#listenerProblems()}, and the run goes on.
 *
 * @param <E> the kind of event
 */
@FunctionalInterface
public interface StepListener<E extends StepEvent> {

    void onStep(E event);
}
