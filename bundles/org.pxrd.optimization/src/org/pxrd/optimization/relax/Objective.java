package org.pxrd.optimization.relax;

import org.pxrd.optimization.run.EvaluationException;

/**
 * A differentiable function to minimise over a vector whose length is a multiple of three (rows of three: an
 * atom's position, a row of a cell matrix), evaluated with its gradient.
 *
 * @param <S> what an evaluation carries besides value and gradient
 */
@FunctionalInterface
public interface Objective<S> {

    /**
     * The value and gradient at x.
     *
     * @throws EvaluationException when the objective cannot be evaluated there (one line, naming the cause)
     */
    Point<S> evaluate(double[] x) throws EvaluationException;
}
