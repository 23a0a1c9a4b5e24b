package org.pxrd.optimization.relax;

/**
 * A point of an objective: the coordinates x, the value there and its gradient, plus whatever the objective
 * computed on the way (for a relaxation: the structure and the potential's result), so that the point a
 * minimizer accepts carries its own details.
 *
 * @param x the coordinates (not copied: treat as immutable)
 * @param value the objective at x
 * @param gradient its gradient at x (not copied: treat as immutable)
 * @param state what the objective computed at x
 * @param <S> the kind of state
 */
public record Point<S>(double[] x, double value, double[] gradient, S state) {

    /** The largest Euclidean norm of the gradient's rows of three (the "fmax" of atomistic relaxations). */
    public double maxRowNorm() {
        return Vectors.maxRowNorm(gradient);
    }
}
