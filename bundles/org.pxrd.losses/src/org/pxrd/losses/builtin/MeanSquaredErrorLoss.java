package org.pxrd.losses.builtin;

/**
 * Mean squared error between the simulated and target intensities, as in the study (Segal et al., Digital
 * Discovery 2026):
 * <pre>
 *   L = (1/N) Σ_i (s_i − t_i)²,      ∂L/∂s_i = 2 (s_i − t_i) / N
 * </pre>
 * on the same 2θ grid of N points, in squared intensity units. Sensitive to the overall scale of the patterns
 * (the study compares max-normalised patterns).
 */
public final class MeanSquaredErrorLoss extends GridFreeLoss {

    @Override
    double evaluate(double[] s, double[] t, double[] gradient) {
        int n = s.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = s[i] - t[i];
            sum += d * d;
        }
        if (gradient != null) {
            double factor = 2.0 / n;
            for (int i = 0; i < n; i++) {
                gradient[i] = factor * (s[i] - t[i]);
            }
        }
        return sum / n;
    }
}
