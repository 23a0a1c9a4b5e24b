package org.pxrd.losses.builtin;

/**
 * Negative entropy similarity, the unweighted form of Li et al., "Spectral entropy outperforms MS/MS dot
 * product similarity for small-molecule compound identification", Nature Methods 18, 1524-1531 (2021), as the
 * study (Segal et al., Digital Discovery 2026) writes it for XRD patterns:
 * <pre>
 *   a = s / Σ s,  b = t / Σ t           (patterns normalised to sum 1, non-negative)
 *   S_X = −Σ_i x_i ln x_i               (spectral entropy, 0 ln 0 = 0)
 *   S_AB = entropy of the 1:1 merged pattern m = (a + b) / 2
 *   similarity = 1 − (2 S_AB − S_A − S_B) / ln 4 ∈ [0, 1],      L = −similarity ∈ [−1, 0]
 * </pre>
 * Computed per point in the algebraically identical form 2 S_AB − S_A − S_B = Σ_i [a_i ln(a_i/m_i) +
 * b_i ln(b_i/m_i)] (twice the Jensen-Shannon divergence), which has no cancellation when a ≈ b.
 *
 * <p>Gradient: ∂L/∂a_i = ln(a_i/m_i) / ln 4, then through the normalisation ∂L/∂s_i = (∂L/∂a_i − Σ_j ∂L/∂a_j a_j)
 * / Σ s. Zeros: a point where both patterns vanish contributes nothing and has ∂L/∂a_i = 0; a point where the
 * target is positive but the simulated pattern is exactly zero has a one-sided derivative of −∞, reported as its
 * value at a_i = {@link Double#MIN_NORMAL} (about −708/ln 4: finite, very steep, of the right sign).
 * Negative intensities or a pattern summing to zero are errors.
 */
public final class EntropyLoss extends GridFreeLoss {

    private static final String NAME = "the entropy similarity";
    private static final double LN4 = Math.log(4);

    @Override
    double evaluate(double[] s, double[] t, double[] gradient) {
        double sSum = Intensities.distributionSum(s, "simulated", NAME);
        double tSum = Intensities.distributionSum(t, "target", NAME);
        double divergence = 0;
        for (int i = 0; i < s.length; i++) {
            double a = s[i] / sSum;
            double b = t[i] / tSum;
            double m = 0.5 * (a + b);
            // ln(a/m) serves both the divergence and the gradient: two logarithms per point, not three
            double logRatio = a > 0 ? Math.log(a / m) : 0;
            divergence += a * logRatio;
            if (b > 0) {
                divergence += b * Math.log(b / m);
            }
            if (gradient != null) {
                gradient[i] = m > 0 ? (a >= Double.MIN_NORMAL ? logRatio : Math.log(Double.MIN_NORMAL / m)) / LN4 : 0;
            }
        }
        if (gradient != null) {
            Intensities.chainThroughNormalisation(gradient, s, sSum);
        }
        return divergence / LN4 - 1;
    }
}
