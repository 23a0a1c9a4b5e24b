package org.pxrd.optimization.refine;

/**
 * When a refinement stops, checked before every step in this order:
 * <ol>
 * <li>converged: at least {@code window} steps were taken (in the last annealing stage) and the objective changed
 * by less than {@code tolerance} between step t − window and step t, |f_t − f_(t−window)| &lt; tolerance (when the
 * objective ranged over more than {@code tolerance} within the window, the steps oscillate and the run's message
 * says so: its status is still converged, as the rule defines it);</li>
 * <li>{@code maxSteps} steps were taken;</li>
 * <li>the wall time exceeded {@code maxSeconds} (when given: a limit that makes the result depend on the machine).</li>
 * </ol>
 * The study's rule: tolerance 1e-4 over a window of 1000 steps, at most 30,000 steps, no wall-time limit.
 *
 * @param tolerance the change of the objective that counts as converged (loss units), ≥ 0
 * @param window the number of steps the change is measured over, ≥ 1
 * @param maxSteps the step budget, ≥ 0
 * @param maxSeconds the wall-time budget in seconds, or NaN for none
 */
public record StopRule(double tolerance, int window, int maxSteps, double maxSeconds) {

    /** The study's stop rule: 1e-4 over 1000 steps, at most 30,000 steps, no wall-time limit. */
    public static final StopRule STUDY = new StopRule(1e-4, 1000, 30_000, Double.NaN);

    /**
     * @throws IllegalArgumentException for a negative or non-finite tolerance, a window below 1, a negative step
     *         budget or a wall time that is not positive (NaN: none)
     */
    public StopRule {
        if (!(tolerance >= 0 && Double.isFinite(tolerance))) {
            throw new IllegalArgumentException("the stop tolerance must be a finite number >= 0, got " + tolerance);
        }
        if (window < 1) {
            throw new IllegalArgumentException("the stop window must be at least 1 step, got " + window);
        }
        if (maxSteps < 0) {
            throw new IllegalArgumentException("the step budget must not be negative, got " + maxSteps);
        }
        if (!Double.isNaN(maxSeconds) && !(maxSeconds > 0)) {
            throw new IllegalArgumentException("the wall-time limit must be a positive number of seconds, got "
                    + maxSeconds);
        }
    }

    /** Whether a wall-time limit is set. */
    public boolean hasWallTime() {
        return !Double.isNaN(maxSeconds);
    }

    public StopRule withMaxSteps(int steps) {
        return new StopRule(tolerance, window, steps, maxSeconds);
    }

    public StopRule withMaxSeconds(double seconds) {
        return new StopRule(tolerance, window, maxSteps, seconds);
    }
}
