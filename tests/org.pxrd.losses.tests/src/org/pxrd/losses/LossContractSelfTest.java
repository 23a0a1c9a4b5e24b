package org.pxrd.losses;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The contract checks can fail: each deliberately broken loss below is caught by the check aimed at its fault,
 * while a correct one passes them all.
 */
class LossContractSelfTest {

    private static final long SEED = 7L;

    /** Sum of squares Σ (s_i − c·t_i)², with its exact gradient unless told otherwise. */
    private static class SquaredDistance implements LossFunction, LossEvaluator {
        final double targetFactor;
        final double gradientFactor;

        SquaredDistance(double targetFactor, double gradientFactor) {
            this.targetFactor = targetFactor;
            this.gradientFactor = gradientFactor;
        }

        @Override
        public LossEvaluator evaluator(TwoThetaGrid simGrid, TwoThetaGrid targetGrid) {
            return this;
        }

        @Override
        public double value(double[] sim, double[] target) {
            double sum = 0;
            for (int i = 0; i < sim.length; i++) {
                double d = sim[i] - targetFactor * target[i];
                sum += d * d;
            }
            return sum;
        }

        @Override
        public double valueAndGradient(double[] sim, double[] target, double[] gradient) {
            for (int i = 0; i < sim.length; i++) {
                gradient[i] = gradientFactor * 2 * (sim[i] - targetFactor * target[i]);
            }
            return value(sim, target);
        }
    }

    @Test
    void aCorrectLossPassesEveryCheck() {
        LossFunction correct = new SquaredDistance(1, 1);
        assertThatCode(() -> {
            LossContract.minimumAtTarget(correct, true, SEED);
            LossContract.gradientMatchesCentralDifferences(correct, SEED);
            LossContract.inputsUnchanged(correct, SEED);
            LossContract.clearErrors(correct, SEED);
            LossContract.threadSafe(correct, SEED);
        }).doesNotThrowAnyException();
    }

    @Test
    void aMinimumAwayFromTheTargetIsCaught() {
        assertThatThrownBy(() -> LossContract.minimumAtTarget(new SquaredDistance(1.01, 1), true, SEED))
                .isInstanceOf(AssertionError.class).hasMessageContaining("sim = target");
    }

    @Test
    void aWrongDirectionDeclarationIsCaught() {
        assertThatThrownBy(() -> LossContract.minimumAtTarget(new SquaredDistance(1, 1), false, SEED))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aGradientOffByOnePartInAMillionIsCaught() {
        assertThatThrownBy(() -> LossContract.gradientMatchesCentralDifferences(new SquaredDistance(1, 1 + 3e-6),
                SEED)).isInstanceOf(AssertionError.class).hasMessageContaining("central differences");
    }

    @Test
    void aGradientElementLeftUnwrittenIsCaught() {
        LossFunction lazy = new SquaredDistance(1, 1) {
            @Override
            public double valueAndGradient(double[] sim, double[] target, double[] gradient) {
                double value = super.valueAndGradient(sim, target, gradient);
                gradient[gradient.length - 1] = Double.NaN;
                return value;
            }
        };
        assertThatThrownBy(() -> LossContract.gradientMatchesCentralDifferences(lazy, SEED))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("non-finite gradient")
                .hasMessageContaining("point 601");
    }

    @Test
    void aLossThatChangesItsInputIsCaught() {
        LossFunction normalising = new SquaredDistance(1, 1) {
            @Override
            public double value(double[] sim, double[] target) {
                double max = RandomPatterns.maxAbs(sim);
                for (int i = 0; i < sim.length; i++) {
                    sim[i] /= max;
                }
                return super.value(sim, target);
            }
        };
        assertThatThrownBy(() -> LossContract.inputsUnchanged(normalising, SEED)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("simulated pattern after the call");
    }

    @Test
    void aLossSharingScratchBetweenThreadsIsCaught() {
        LossFunction racy = new SquaredDistance(1, 1) {
            private final double[] shared = new double[RandomPatterns.GRID.size()];

            @Override
            public double value(double[] sim, double[] target) {
                for (int i = 0; i < sim.length; i++) {
                    shared[i] = sim[i] - target[i];
                    Thread.yield();
                }
                double sum = 0;
                for (double d : shared) {
                    sum += d * d;
                }
                return sum;
            }
        };
        assertThatThrownBy(() -> LossContract.threadSafe(racy, SEED)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("concurrent run");
    }
}
