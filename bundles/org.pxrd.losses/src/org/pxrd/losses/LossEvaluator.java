package org.pxrd.losses;

/**
 * The computation of a loss on fixed 2θ grids, as returned by {@link LossFunction#evaluator}. This is what a
 * plugin implements; callers go through {@link PreparedLoss}, which validates the arrays first.
 *
 * <p>Contract (checked for every contribution by the contract tests):
 * <ul>
 * <li>the arrays have the lengths of the grids the evaluator was made for and hold finite values
 * ({@link PreparedLoss} guarantees it);</li>
 * <li>{@code sim} and {@code target} are never modified;</li>
 * <li>{@link #valueAndGradient} overwrites every element of {@code gradient} with ∂L/∂sim_i (the gradient on the
 * simulated pattern's grid, in units of L per unit intensity) and returns the same value as {@link #value};</li>
 * <li>instances are immutable or otherwise thread-safe: the refinement engine shares one evaluator between
 * threads; scratch space, if any, is per thread and allocated once, not per call;</li>
 * <li>input outside the loss's domain (e.g. negative intensities for a loss on distributions, a pattern that is
 * zero everywhere) raises an {@link IllegalArgumentException} with a one-line message naming the pattern.</li>
 * </ul>
 */
public interface LossEvaluator {

    /** L(sim, target). */
    double value(double[] sim, double[] target);

    /**
     * L(sim, target), and ∂L/∂sim written into the caller-owned {@code gradient} (same length as {@code sim}).
     *
     * @return the value, as {@link #value} returns it
     */
    double valueAndGradient(double[] sim, double[] target, double[] gradient);
}
