package org.pxrd.ui.testsupport;

import java.util.Arrays;

import org.pxrd.losses.LossEvaluator;
import org.pxrd.losses.LossFunction;
import org.pxrd.losses.TwoThetaGrid;

/** A test loss plugin whose value is NaN (the refinement must fail with one line, not apply anything). */
public final class NanLoss implements LossFunction {

    @Override
    public LossEvaluator evaluator(TwoThetaGrid simGrid, TwoThetaGrid targetGrid) {
        return new LossEvaluator() {
            @Override
            public double value(double[] sim, double[] target) {
                return Double.NaN;
            }

            @Override
            public double valueAndGradient(double[] sim, double[] target, double[] gradient) {
                Arrays.fill(gradient, 0);
                return Double.NaN;
            }
        };
    }
}
