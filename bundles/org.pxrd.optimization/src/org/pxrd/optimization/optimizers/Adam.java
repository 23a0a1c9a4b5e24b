package org.pxrd.optimization.optimizers;

import org.pxrd.core.extensions.Settings;

/**
 * Projected Adam (Kingma and Ba, "Adam: a method for stochastic optimization", ICLR 2015, Algorithm 1): exponential
 * moving averages of the gradient and of its square, bias-corrected, give each parameter a step of about η in its
 * own units whatever the size of its gradient,
 * <pre>
 *   m ← β₁ m + (1 − β₁) g,    v ← β₂ v + (1 − β₂) g²,    t ← t + 1
 *   m̂ = m / (1 − β₁ᵗ),        v̂ = v / (1 − β₂ᵗ)
 *   θ ← P(θ − η ∘ m̂ / (√v̂ + ε))
 * </pre>
 * one evaluation per step, every step accepted. The learning rate η is therefore a step length (Å, degrees,
 * fractional units per step), not a step per unit gradient as for {@link GradientDescent}. Settings: {@code beta1},
 * {@code beta2} in [0, 1), {@code epsilon} &gt; 0 (in gradient units).
 */
public final class Adam implements Optimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /**
     * @throws IllegalArgumentException for β outside [0, 1) or ε not positive
     */
    public Adam(double beta1, double beta2, double epsilon) {
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam's beta1 and beta2 must lie in [0, 1), got " + beta1 + " and "
                    + beta2);
        }
        if (!(epsilon > 0 && Double.isFinite(epsilon))) {
            throw new IllegalArgumentException("Adam's epsilon must be positive, got " + epsilon);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** From the settings {@code beta1}, {@code beta2} and {@code epsilon}. */
    public Adam(Settings settings) {
        this(settings.getDouble("beta1"), settings.getDouble("beta2"), settings.getDouble("epsilon"));
    }

    @Override
    public Stepper start(int dimension) {
        double[] m = new double[dimension];
        double[] v = new double[dimension];
        double[] next = new double[dimension];
        double[] powers = {1, 1};
        return problem -> {
            double[] x = problem.point();
            double[] g = problem.gradient();
            double[] eta = problem.learningRates();
            powers[0] *= beta1;
            powers[1] *= beta2;
            double c1 = 1 - powers[0];
            double c2 = 1 - powers[1];
            for (int i = 0; i < dimension; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                next[i] = x[i] - eta[i] * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
            }
            problem.project(next);
            problem.evaluate(next);
            problem.accept();
        };
    }
}
