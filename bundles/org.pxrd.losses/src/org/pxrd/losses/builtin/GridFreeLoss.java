package org.pxrd.losses.builtin;

import org.pxrd.losses.LossEvaluator;
import org.pxrd.losses.LossFunction;
import org.pxrd.losses.TwoThetaGrid;

/** A point-by-point loss that needs nothing from the 2θ grid: it is its own (stateless) evaluator. */
abstract class GridFreeLoss extends GradientEvaluator implements LossFunction {

    @Override
    public final LossEvaluator evaluator(TwoThetaGrid simGrid, TwoThetaGrid targetGrid) {
        return this;
    }
}
