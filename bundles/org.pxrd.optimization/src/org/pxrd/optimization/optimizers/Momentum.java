package org.pxrd.optimization.optimizers;

import org.pxrd.core.extensions.Settings;

/**
 * Projected gradient descent with momentum, in the form of PyTorch's {@code SGD(momentum=μ)} (Polyak's heavy ball,
 * Polyak 1964; Sutskever, Martens, Dahl and Hinton, ICML 2013): a velocity b accumulates the gradients,
 * <pre>
 *   b ← μ b + ∇f(θ)          (b = ∇f(θ) at the first step)
 *   θ ← P(θ − η ∘ b)          or, with Nesterov's variant,  θ ← P(θ − η ∘ (∇f(θ) + μ b))
 * </pre>
 * one evaluation per step, every step accepted. Settings: {@code momentum} μ in [0, 1) (0 is plain gradient
 * descent), {@code nesterov}.
 */
public final class Momentum implements Optimizer {

    private final double momentum;
    private final boolean nesterov;

    /**
     * @throws IllegalArgumentException when μ is not in [0, 1)
     */
    public Momentum(double momentum, boolean nesterov) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must lie in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    /** From the settings {@code momentum} and {@code nesterov}. */
    public Momentum(Settings settings) {
        this(settings.getDouble("momentum"), settings.getBoolean("nesterov"));
    }

    @Override
    public Stepper start(int dimension) {
        double[] velocity = new double[dimension];
        double[] next = new double[dimension];
        boolean[] first = {true};
        return problem -> {
            double[] x = problem.point();
            double[] g = problem.gradient();
            double[] eta = problem.learningRates();
            for (int i = 0; i < dimension; i++) {
                velocity[i] = first[0] ? g[i] : momentum * velocity[i] + g[i];
                double direction = nesterov ? g[i] + momentum * velocity[i] : velocity[i];
                next[i] = x[i] - eta[i] * direction;
            }
            first[0] = false;
            problem.project(next);
            problem.evaluate(next);
            problem.accept();
        };
    }
}
