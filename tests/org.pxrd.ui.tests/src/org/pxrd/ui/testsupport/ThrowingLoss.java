package org.pxrd.ui.testsupport;

import org.pxrd.losses.LossEvaluator;
import org.pxrd.losses.LossFunction;
import org.pxrd.losses.TwoThetaGrid;

/** A test loss plugin that fails when evaluated (the refinement view must report it as one line). */
public final class ThrowingLoss implements LossFunction {

    /** The message of the failure. */
    public static final String MESSAGE = "the test loss cannot evaluate";

    @Override
    public LossEvaluator evaluator(TwoThetaGrid simGrid, TwoThetaGrid targetGrid) {
        return new LossEvaluator() {
            @Override
            public double value(double[] sim, double[] target) {
                throw new IllegalStateException(MESSAGE);
            }

            @Override
            public double valueAndGradient(double[] sim, double[] target, double[] gradient) {
                throw new IllegalStateException(MESSAGE);
            }
        };
    }
}
