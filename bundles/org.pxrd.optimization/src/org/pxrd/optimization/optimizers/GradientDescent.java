package org.pxrd.optimization.optimizers;

import org.pxrd.optimization.run.EvaluationException;

/**
 * The study's plain projected gradient descent (Segal et al., Digital Discovery 2026, section 2.4): one evaluation
 * per step,
 * <pre>
 *   θ ← P(θ − η ∘ ∇f(θ))
 * </pre>
 * with η the learning rate of each parameter's group and P the refinement's projector. Every step is accepted,
 * downhill or not. No settings.
 */
public final class GradientDescent implements Optimizer {

    @Override
    public Stepper start(int dimension) {
        double[] next = new double[dimension];
        return problem -> step(problem, next);
    }

    private static void step(StepProblem problem, double[] next) throws EvaluationException {
        double[] x = problem.point();
        double[] g = problem.gradient();
        double[] eta = problem.learningRates();
        for (int i = 0; i < next.length; i++) {
            next[i] = x[i] - eta[i] * g[i];
        }
        problem.project(next);
        problem.evaluate(next);
        problem.accept();
    }
}
