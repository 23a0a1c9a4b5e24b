package org.pxrd.optimization.optimizers;

import org.pxrd.optimization.run.EvaluationException;

/**
 * The state of one optimizer run: velocities, moments, curvature pairs. Confined to the thread of its run.
 */
@FunctionalInterface
public interface Stepper {

    /**
     * One step: from the current point of {@code problem} to the next feasible one. The stepper evaluates one
     * or more trial points ({@link StepProblem#evaluate}) and ends by accepting exactly one of them
     * ({@link StepProblem#accept}), which becomes the current point of the next step, or by staying where it is
     * ({@link StepProblem#stay}).
     *
     * @throws EvaluationException when the objective cannot be evaluated (e.g. an energy worker crashed) or
     *         the accepted point lies outside the domain (the run fails with that message)
     */
    void step(StepProblem problem) throws EvaluationException;
}
