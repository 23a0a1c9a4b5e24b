package org.pxrd.optimization.optimizers;

import org.pxrd.optimization.run.EvaluationException;

/**
 * What a {@link Stepper} sees of the refinement it drives: the free parameters θ (a vector of
 * {@link #dimension()} numbers in their own units: Å, degrees, fractional coordinates, ...), the objective f(θ)
 * with its gradient ∇f (per unit of each parameter), one learning rate per parameter, and the projector P onto the
 * feasible set (the symmetry constraint of the refinement; the identity without one).
 *
 * <p>Arrays returned here are views owned by the problem: read them, never write them, and ask again after
 * {@link #accept()} (the current point then lives in another buffer). Nothing here allocates.
 */
public interface StepProblem {

    /** Number of free parameters. */
    int dimension();

    /** The current point θ, feasible (θ = P(θ) after the first step; the start may be unprojected). */
    double[] point();

    /** f(θ) at the current point (the refinement's objective: loss units). */
    double value();

    /** ∇f(θ) at the current point, per unit of each parameter. */
    double[] gradient();

    /** The learning rate η_i of each parameter (its group's rate), in parameter units per unit of gradient. */
    double[] learningRates();

    /**
     * Projects in place, v ← P(v), onto the feasible set. For periodic parameters (fractional coordinates) the
     * projected value is kept next to the unprojected one, so that differences of points stay small.
     */
    void project(double[] v);

    /**
     * Evaluates f and ∇f at a trial point (copied; it should be feasible). A point outside the objective's domain
     * (a cell that cannot exist, a diverged lattice, a loss that is not finite) gives NaN: a line search backs
     * off from it, and accepting it fails the run with the reason.
     *
     * @return f at the trial point, or NaN outside the domain
     * @throws EvaluationException when the objective fails for another reason (e.g. an energy worker crashed)
     */
    double evaluate(double[] trial) throws EvaluationException;

    /** The gradient at the last evaluated trial point (undefined when it returned NaN). */
    double[] trialGradient();

    /**
     * Takes a step that stays at the current point, without an evaluation: for a stepper that finds no better
     * point (e.g. a line search that found no decrease). The objective then does not change, which the stop rule
     * counts toward convergence.
     */
    void stay();

    /**
     * Makes the last evaluated trial point the current point.
     *
     * @throws EvaluationException naming why, when that point lies outside the domain (its value was NaN)
     */
    void accept() throws EvaluationException;
}
