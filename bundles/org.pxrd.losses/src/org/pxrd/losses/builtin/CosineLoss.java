package org.pxrd.losses.builtin;

/**
 * Negative cosine similarity. The study (Segal et al., Digital Discovery 2026) compares patterns by their cosine
 * similarity S; as a loss to minimise this is its negative:
 * <pre>
 *   S = Σ_i s_i t_i / (‖s‖ ‖t‖),   ‖x‖ = (Σ_i x_i²)^½,      L = −S ∈ [−1, 1]
 *   ∂L/∂s_i = −( t_i / (‖s‖ ‖t‖) − S · s_i / ‖s‖² )
 * </pre>
 * with s the simulated and t the target intensities on the same 2θ grid. L = −1 exactly when s is a positive
 * multiple of t: the loss ignores the overall scale. Undefined (an error) for a pattern that is zero everywhere.
 */
public final class CosineLoss extends GridFreeLoss {

    private static final String NAME = "the cosine similarity";

    @Override
    double evaluate(double[] s, double[] t, double[] gradient) {
        double ss = 0;
        double tt = 0;
        double st = 0;
        for (int i = 0; i < s.length; i++) {
            ss += s[i] * s[i];
            tt += t[i] * t[i];
            st += s[i] * t[i];
        }
        if (ss == 0) {
            throw Intensities.zeroPattern("simulated", NAME);
        }
        if (tt == 0) {
            throw Intensities.zeroPattern("target", NAME);
        }
        double norms = Math.sqrt(ss) * Math.sqrt(tt);
        double similarity = st / norms;
        if (gradient != null) {
            double sCoefficient = similarity / ss;
            for (int i = 0; i < s.length; i++) {
                gradient[i] = sCoefficient * s[i] - t[i] / norms;
            }
        }
        return -similarity;
    }
}
