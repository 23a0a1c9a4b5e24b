package org.pxrd.losses.builtin;

import org.pxrd.losses.LossEvaluator;

/**
 * An evaluator written once for both entry points: {@link #evaluate} computes the value and, when it is given a
 * gradient array, ∂L/∂sim in the same passes.
 */
abstract class GradientEvaluator implements LossEvaluator {

    @Override
    public final double value(double[] sim, double[] target) {
        return evaluate(sim, target, null);
    }

    @Override
    public final double valueAndGradient(double[] sim, double[] target, double[] gradient) {
        return evaluate(sim, target, gradient);
    }

    /**
     * @param gradient where to write ∂L/∂sim (every element), or null for the value only
     * @return L(sim, target)
     */
    abstract double evaluate(double[] sim, double[] target, double[] gradient);
}
