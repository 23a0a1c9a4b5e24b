package org.pxrd.optimization.relax;

import org.pxrd.optimization.run.EvaluationException;

/**
 * A step rule of a minimisation: from the current point to the next, evaluating the objective as it needs.
 * An instance keeps the state of one run (velocities, Hessian estimate) and is used by one thread.
 */
public interface Minimizer {

    /**
     * One step from {@code current}.
     *
     * @return the next point, evaluated
     * @throws EvaluationException when the objective fails
     */
    <S> Point<S> step(Point<S> current, Objective<S> objective) throws EvaluationException;
}
