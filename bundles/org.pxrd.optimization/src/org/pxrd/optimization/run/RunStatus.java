package org.pxrd.optimization.run;

/** How an iterative run ended. */
public enum RunStatus {
    /** The stopping criterion was met (e.g. every force below fmax). */
    CONVERGED,
    /** The maximum number of steps was reached before convergence; the result is the last point. */
    MAX_STEPS,
    /** The run was cancelled through its {@link CancellationToken}; the result is the last point. */
    CANCELLED,
    /**
     * The run failed: its objective threw (e.g. an external calculator crashed or timed out) or became NaN or
     * infinite. The message says why; the result is the last good point.
     */
    FAILED;

    /** Whether the run ended normally (converged or used up its steps), as opposed to cancelled or failed. */
    public boolean completed() {
        return this == CONVERGED || this == MAX_STEPS;
    }
}
