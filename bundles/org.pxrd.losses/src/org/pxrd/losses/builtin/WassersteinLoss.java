package org.pxrd.losses.builtin;

import org.pxrd.losses.LossEvaluator;
import org.pxrd.losses.LossFunction;
import org.pxrd.losses.TwoThetaGrid;

/**
 * The 1-D Wasserstein (earth mover's) distance between the two patterns taken as probability distributions over
 * 2θ: the least mean shift, in degrees 2θ, that turns one pattern into the other. On the line it is the area
 * between the cumulative distributions (Vallender, "Calculation of the Wasserstein distance between probability
 * distributions on the line", Theory Probab. Appl. 18, 784-786 (1974)):
 * <pre>
 *   a_i = s_i / Σ s at 2θ = x_i,   b_j = t_j / Σ t at 2θ = y_j      (non-negative patterns)
 *   W₁ = ∫ |F_a(z) − F_b(z)| dz = Σ_k |D_k| (z_{k+1} − z_k)          (degrees 2θ, ≥ 0, 0 iff a = b)
 * </pre>
 * where z_0 ≤ z_1 ≤ ... are the points of both grids merged in order and D_k = F_a(z_k) − F_b(z_k) is the
 * difference of the cumulative sums after point k. The patterns may come on different grids (this loss does not
 * need equal grids). Unlike point-by-point losses, W₁ grows linearly with the distance between a simulated and a
 * target peak instead of saturating once they stop overlapping, which is what gradient descent needs.
 *
 * <p>Gradient: a_i enters every D_k from its own position on, so ∂W₁/∂a_i = Σ_{k ≥ pos(i)} sign(D_k)
 * (z_{k+1} − z_k) (a suffix sum; sign(0) = 0, the subgradient at the kinks where the distributions cross), then
 * through the normalisation ∂W₁/∂s_i = (∂W₁/∂a_i − Σ_j ∂W₁/∂a_j a_j) / Σ s.
 */
public final class WassersteinLoss implements LossFunction {

    private static final String NAME = "the Wasserstein distance";

    @Override
    public boolean requiresEqualGrids() {
        return false;
    }

    @Override
    public LossEvaluator evaluator(TwoThetaGrid simGrid, TwoThetaGrid targetGrid) {
        return new Evaluator(simGrid, targetGrid);
    }

    /**
     * The merged order of both grids (stable: a simulated point before a target point at the same 2θ), the gap to
     * the next merged point, and per-thread scratch for the D_k.
     */
    private static final class Evaluator extends GradientEvaluator {
        /** Merged point k: a simulated index i ≥ 0, or a target index j stored as −1 − j. */
        private final int[] order;
        private final double[] gap;
        private final ThreadLocal<double[]> differences;

        Evaluator(TwoThetaGrid simGrid, TwoThetaGrid targetGrid) {
            int ns = simGrid.size();
            int nt = targetGrid.size();
            order = new int[ns + nt];
            double[] z = new double[ns + nt];
            int i = 0;
            int j = 0;
            for (int k = 0; k < ns + nt; k++) {
                if (j == nt || (i < ns && simGrid.at(i) <= targetGrid.at(j))) {
                    order[k] = i;
                    z[k] = simGrid.at(i++);
                } else {
                    order[k] = -1 - j;
                    z[k] = targetGrid.at(j++);
                }
            }
            gap = new double[ns + nt];
            for (int k = 0; k + 1 < z.length; k++) {
                gap[k] = z[k + 1] - z[k];
            }
            differences = ThreadLocal.withInitial(() -> new double[ns + nt]);
        }

        @Override
        double evaluate(double[] s, double[] t, double[] gradient) {
            double sSum = Intensities.distributionSum(s, "simulated", NAME);
            double tSum = Intensities.distributionSum(t, "target", NAME);
            double[] d = gradient == null ? null : differences.get();
            double difference = 0;
            double distance = 0;
            for (int k = 0; k < order.length; k++) {
                int p = order[k];
                difference += p >= 0 ? s[p] / sSum : -t[-1 - p] / tSum;
                distance += Math.abs(difference) * gap[k];
                if (d != null) {
                    d[k] = difference;
                }
            }
            if (gradient != null) {
                double suffix = 0;
                for (int k = order.length - 1; k >= 0; k--) {
                    suffix += Math.signum(d[k]) * gap[k];
                    if (order[k] >= 0) {
                        gradient[order[k]] = suffix;
                    }
                }
                Intensities.chainThroughNormalisation(gradient, s, sSum);
            }
            return distance;
        }
    }
}
