package org.pxrd.losses;

import java.util.Locale;
import java.util.Objects;

/**
 * A loss bound to the 2θ grids of its simulated and target patterns: the checked entry point of the hot path.
 * Every call verifies the array lengths and that all values are finite (one pass, no allocation), so that
 * different lengths and NaN or infinite intensities give a one-line {@link IllegalArgumentException} naming
 * the pattern, the point and its 2θ, whatever loss is behind; then it calls the loss's {@link LossEvaluator}.
 * A result that is not finite, or a gradient element left unwritten or non-finite, is the loss's fault and
 * raises an {@link IllegalStateException}.
 *
 * <p>Thread-safe when the evaluator is (the contract of every loss); no allocation per call.
 */
public final class PreparedLoss {

    private final LossFunction loss;
    private final LossEvaluator evaluator;
    private final TwoThetaGrid simGrid;
    private final TwoThetaGrid targetGrid;

    /**
     * @throws IllegalArgumentException when the loss needs equal grids and they differ, or rejects the grids
     */
    PreparedLoss(LossFunction loss, TwoThetaGrid simGrid, TwoThetaGrid targetGrid) {
        this.loss = Objects.requireNonNull(loss, "loss");
        this.simGrid = Objects.requireNonNull(simGrid, "simGrid");
        this.targetGrid = Objects.requireNonNull(targetGrid, "targetGrid");
        if (loss.requiresEqualGrids() && !simGrid.sameAs(targetGrid)) {
            throw new IllegalArgumentException(differentGrids("the simulated pattern", simGrid, "the target pattern",
                    targetGrid));
        }
        this.evaluator = Objects.requireNonNull(loss.evaluator(simGrid, targetGrid),
                () -> loss.getClass().getName() + ".evaluator returned null");
    }

    static String differentGrids(String simName, TwoThetaGrid simGrid, String targetName, TwoThetaGrid targetGrid) {
        return "this loss compares patterns point by point and needs both on the same 2theta grid, but '" + simName
                + "' has " + simGrid.describe() + " and '" + targetName + "' has " + targetGrid.describe();
    }

    /** The loss this was prepared from. */
    public LossFunction loss() {
        return loss;
    }

    public TwoThetaGrid simGrid() {
        return simGrid;
    }

    public TwoThetaGrid targetGrid() {
        return targetGrid;
    }

    /**
     * L(sim, target).
     *
     * @param sim simulated intensities on {@link #simGrid()}
     * @param target target intensities on {@link #targetGrid()}
     * @throws IllegalArgumentException for arrays of the wrong length, non-finite values or input outside the
     *         loss's domain
     */
    public double value(double[] sim, double[] target) {
        checkInputs(sim, target);
        return checkedValue(evaluator.value(sim, target));
    }

    /**
     * L(sim, target), with ∂L/∂sim written into the caller-owned {@code gradient} (every element overwritten).
     *
     * @throws IllegalArgumentException as {@link #value}, or for a gradient array of the wrong length
     */
    public double valueAndGradient(double[] sim, double[] target, double[] gradient) {
        checkInputs(sim, target);
        Objects.requireNonNull(gradient, "gradient");
        if (gradient.length != sim.length) {
            throw new IllegalArgumentException("the gradient array has " + gradient.length
                    + " elements but the simulated pattern has " + sim.length + " points");
        }
        double value = checkedValue(evaluator.valueAndGradient(sim, target, gradient));
        int bad = firstNonFinite(gradient);
        if (bad >= 0) {
            throw new IllegalStateException(lossName() + " left a non-finite gradient " + gradient[bad] + " at point "
                    + (bad + 1) + " (2theta " + format(simGrid.at(bad)) + " deg)");
        }
        return value;
    }

    private void checkInputs(double[] sim, double[] target) {
        Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(target, "target");
        if (loss.requiresEqualGrids() && sim.length != target.length) {
            throw new IllegalArgumentException("the simulated pattern has " + sim.length + " points and the target "
                    + target.length + ": this loss compares them point by point on one 2theta grid");
        }
        checkPattern("simulated", sim, simGrid);
        checkPattern("target", target, targetGrid);
    }

    private static void checkPattern(String which, double[] values, TwoThetaGrid grid) {
        if (values.length != grid.size()) {
            throw new IllegalArgumentException("the " + which + " pattern has " + values.length
                    + " points but its 2theta grid has " + grid.size());
        }
        int bad = firstNonFinite(values);
        if (bad >= 0) {
            throw new IllegalArgumentException("the " + which + " pattern has intensity " + values[bad] + " at point "
                    + (bad + 1) + " (2theta " + format(grid.at(bad)) + " deg): intensities must be finite numbers");
        }
    }

    /**
     * Index of the first NaN or infinite value, or -1. One branch-free pass: x - x is 0 exactly when x is finite; four
     * running sums, so that the additions do not wait for each other.
     */
    private static int firstNonFinite(double[] values) {
        double p0 = 0;
        double p1 = 0;
        double p2 = 0;
        double p3 = 0;
        int n = values.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            p0 += values[i] - values[i];
            p1 += values[i + 1] - values[i + 1];
            p2 += values[i + 2] - values[i + 2];
            p3 += values[i + 3] - values[i + 3];
        }
        for (; i < n; i++) {
            p0 += values[i] - values[i];
        }
        if (p0 + p1 + p2 + p3 == 0) {
            return -1;
        }
        for (int j = 0; j < n; j++) {
            if (!Double.isFinite(values[j])) {
                return j;
            }
        }
        return -1;
    }

    private double checkedValue(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException(lossName() + " returned a non-finite value " + value);
        }
        return value;
    }

    private String lossName() {
        return "loss " + loss.getClass().getName();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
