package org.pxrd.examples.lab;

import org.pxrd.losses.LossEvaluator;
import org.pxrd.losses.LossFunction;
import org.pxrd.losses.TwoThetaGrid;

/**
 * A sample third-party loss: the negative Pearson correlation of the simulated pattern s and the target t (on the
 * same 2θ grid, n points),
 * <pre>
 *   s_c = s − mean(s),   t_c = t − mean(t),   r = ⟨s_c, t_c⟩ / (‖s_c‖ ‖t_c‖),   L = −r ∈ [−1, 1]
 *   ∂L/∂s_i = −( t_c,i / (‖s_c‖ ‖t_c‖) − r · s_c,i / ‖s_c‖² )
 * </pre>
 * (the centring is a projection that leaves t_c and s_c unchanged, so it drops out of the derivative). Unlike the
 * cosine similarity, r also ignores a constant background. Undefined (an error naming the pattern) for a pattern
 * that is constant. Stateless, hence thread-safe; no allocation per call.
 */
public final class PearsonLoss implements LossFunction, LossEvaluator {

    @Override
    public LossEvaluator evaluator(TwoThetaGrid simGrid, TwoThetaGrid targetGrid) {
        return this;
    }

    @Override
    public double value(double[] sim, double[] target) {
        return evaluate(sim, target, null);
    }

    @Override
    public double valueAndGradient(double[] sim, double[] target, double[] gradient) {
        return evaluate(sim, target, gradient);
    }

    private static double evaluate(double[] s, double[] t, double[] gradient) {
        int n = s.length;
        double sMean = 0;
        double tMean = 0;
        for (int i = 0; i < n; i++) {
            sMean += s[i];
            tMean += t[i];
        }
        sMean /= n;
        tMean /= n;
        double ss = 0;
        double tt = 0;
        double st = 0;
        for (int i = 0; i < n; i++) {
            double sc = s[i] - sMean;
            double tc = t[i] - tMean;
            ss += sc * sc;
            tt += tc * tc;
            st += sc * tc;
        }
        if (!(ss > 0)) {
            throw new IllegalArgumentException("the simulated pattern is constant: its Pearson correlation with the "
                    + "target is undefined");
        }
        if (!(tt > 0)) {
            throw new IllegalArgumentException("the target pattern is constant: its Pearson correlation with the "
                    + "simulated pattern is undefined");
        }
        double norms = Math.sqrt(ss) * Math.sqrt(tt);
        double r = st / norms;
        if (gradient != null) {
            double sCoefficient = r / ss;
            for (int i = 0; i < n; i++) {
                gradient[i] = sCoefficient * (s[i] - sMean) - (t[i] - tMean) / norms;
            }
        }
        return -r;
    }
}
