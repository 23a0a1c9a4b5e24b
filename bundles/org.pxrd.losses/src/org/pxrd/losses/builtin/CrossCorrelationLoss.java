package org.pxrd.losses.builtin;

import org.pxrd.core.extensions.Settings;
import org.pxrd.losses.LossEvaluator;
import org.pxrd.losses.LossFunction;
import org.pxrd.losses.TwoThetaGrid;

/**
 * Negative cross-correlation similarity of de Gelder, Wehrens and Hageman, "A generalized expression for the
 * similarity of spectra: application to powder diffraction pattern classification", J. Comput. Chem. 22, 273-289
 * (2001), with the triangle weight used by Otero-de-la-Roza, J. Appl. Cryst. 57 (2024), doi:10.1107/S1600576724007489,
 * and by the study (Segal et al., Digital Discovery 2026):
 * <pre>
 *   c_st(r) = ∫ s(x) t(x + r) dx                       (cross-correlation at a shift r in degrees 2θ)
 *   w(r) = 1 − |r| / l for |r| &lt; l, else 0          (triangle of half-width l, the setting "width")
 *   S = ∫ w(r) c_st(r) dr / ( ∫ w(r) c_ss(r) dr · ∫ w(r) c_tt(r) dr )^½ ∈ [−1, 1],      L = −S
 * </pre>
 * On a uniform grid of step Δ the shift r = kΔ runs over whole points and the integrals become sums (the Δ
 * factors cancel): with the symmetric Toeplitz matrix W_ij = w((j − i)Δ),
 * c_st = sᵀ W t, c_ss = sᵀ W s, c_tt = tᵀ W t, and
 * <pre>
 *   ∂L/∂s = −( W t / (c_ss c_tt)^½ − S · W s / c_ss )
 * </pre>
 * W s and W t are the convolutions with the 2K + 1 weights w(kΔ), |k|Δ &lt; l, patterns taken as zero outside the
 * grid, computed in O(1) per point by running sums ({@link SymmetricKernel}); W t is kept while the target stays the
 * same (a refinement's many calls). For l ≤ Δ only k = 0
 * remains and S is the cosine similarity; larger l rewards peaks that are close without overlapping. Needs a uniform
 * grid; a pattern with c_ss = 0 (zero everywhere) is an error.
 */
public final class CrossCorrelationLoss implements LossFunction {

    private static final String NAME = "the cross-correlation similarity";

    private final double width;

    /** @param settings {@code width}: the triangle half-width l in degrees 2θ (positive) */
    public CrossCorrelationLoss(Settings settings) {
        this(settings.getDouble("width"));
    }

    /** @param width the triangle half-width l in degrees 2θ */
    public CrossCorrelationLoss(double width) {
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("the triangle width l must be a positive number of degrees, got "
                    + width);
        }
        this.width = width;
    }

    /** The triangle half-width l in degrees 2θ. */
    public double width() {
        return width;
    }

    @Override
    public LossEvaluator evaluator(TwoThetaGrid simGrid, TwoThetaGrid targetGrid) {
        double step = simGrid.uniformStep(NAME);
        return new Evaluator(SymmetricKernel.triangle(width, step, simGrid.size()), simGrid.size());
    }

    /** Per-thread scratch: W s, and W t kept while the target stays the same. */
    private record Scratch(double[] weightedSim, TargetConvolutions weightedTarget) {
    }

    /** The triangle kernel W. */
    private static final class Evaluator extends GradientEvaluator {
        private final SymmetricKernel triangle;
        private final ThreadLocal<Scratch> scratch;

        Evaluator(SymmetricKernel triangle, int size) {
            this.triangle = triangle;
            this.scratch = ThreadLocal.withInitial(() -> new Scratch(new double[size],
                    new TargetConvolutions(new SymmetricKernel[] {triangle}, size)));
        }

        @Override
        double evaluate(double[] s, double[] t, double[] gradient) {
            int n = s.length;
            Scratch work = scratch.get();
            double[] ws = work.weightedSim();
            triangle.apply(s, ws);
            double[] wt = work.weightedTarget().of(t)[0];
            double css = 0;
            double cst = 0;
            double ctt = 0;
            for (int i = 0; i < n; i++) {
                css += s[i] * ws[i];
                cst += s[i] * wt[i];
                ctt += t[i] * wt[i];
            }
            if (!(css > 0)) {
                throw Intensities.zeroPattern("simulated", NAME);
            }
            if (!(ctt > 0)) {
                throw Intensities.zeroPattern("target", NAME);
            }
            double norms = Math.sqrt(css) * Math.sqrt(ctt);
            double similarity = cst / norms;
            if (gradient != null) {
                double sCoefficient = similarity / css;
                for (int i = 0; i < n; i++) {
                    gradient[i] = sCoefficient * ws[i] - wt[i] / norms;
                }
            }
            return -similarity;
        }
    }
}
