package org.pxrd.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.pxrd.model.Pattern;

/**
 * The contract every loss must keep (see {@link LossEvaluator}), as checks that throw {@link AssertionError}:
 * run for every contribution of the registry by {@link LossContractTest}, and shown to catch broken losses by
 * {@link LossContractSelfTest}. All randomness is seeded.
 */
final class LossContract {

    /** The brief's bound on the relative error of the analytic gradient against central differences. */
    static final double GRADIENT_RELATIVE_TOLERANCE = 1e-6;
    /**
     * Central-difference step, relative to the largest simulated intensity: the truncation error (h²/6 · L''')
     * is then ~1e-13 relative, the rounding error (ε|L|/h) ~1e-10, both far below the tolerance; and the step is
     * small enough not to cross the kinks of piecewise-linear losses (Wasserstein) on the test patterns.
     */
    static final double DIFFERENCE_STEP = 1e-6;
    /** Rounding allowed when comparing a value with the value at the minimum (relative to max(1, |L|)). */
    static final double ROUNDING_SLACK = 1e-12;
    /** Sizes of the relative perturbations around the minimum, from barely off to 10%. */
    private static final double[] PERTURBATIONS = {1e-4, 1e-3, 1e-2, 1e-1};
    private static final int THREADS = 4;

    private LossContract() {
    }

    /**
     * No perturbed pattern near the target scores better than the target itself: random multiplicative noise,
     * uniform rescaling and added smooth bumps of 1e-4..1e-1 relative size, around three random targets.
     *
     * @param lowerIsBetter the contribution's declared direction
     */
    static void minimumAtTarget(LossFunction loss, boolean lowerIsBetter, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PreparedLoss prepared = loss.prepare(RandomPatterns.GRID);
        double sign = lowerIsBetter ? 1 : -1;
        for (int trial = 0; trial < 3; trial++) {
            double[] target = RandomPatterns.smooth(random, RandomPatterns.GRID);
            double atMinimum = sign * prepared.value(target.clone(), target);
            double slack = ROUNDING_SLACK * Math.max(1, Math.abs(atMinimum));
            for (double epsilon : PERTURBATIONS) {
                for (double[] nearby : perturbations(random, target, epsilon)) {
                    double value = sign * prepared.value(nearby, target);
                    assertThat(value).as("L(sim, target) at a point %.0e away from sim = target, against %s at "
                            + "sim = target (trial %d)", epsilon, atMinimum, trial).isGreaterThanOrEqualTo(
                                    atMinimum - slack);
                }
            }
        }
    }

    private static List<double[]> perturbations(SplittableRandom random, double[] target, double epsilon) {
        List<double[]> result = new ArrayList<>();
        result.add(scaled(target, 1 + epsilon));
        result.add(scaled(target, 1 - epsilon));
        for (int k = 0; k < 8; k++) {
            double[] noisy = target.clone();
            for (int i = 0; i < noisy.length; i++) {
                noisy[i] *= 1 + epsilon * random.nextDouble(-1, 1);
            }
            result.add(noisy);
        }
        double[] bump = RandomPatterns.smooth(random, RandomPatterns.GRID);
        double size = epsilon * RandomPatterns.maxAbs(target) / RandomPatterns.maxAbs(bump);
        result.add(RandomPatterns.plus(target, size, bump));
        return result;
    }

    private static double[] scaled(double[] x, double factor) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] *= factor;
        }
        return y;
    }

    /**
     * The analytic gradient is finite, every element is written, the value matches {@link PreparedLoss#value},
     * and it agrees with central differences: along random directions to {@value #GRADIENT_RELATIVE_TOLERANCE}
     * relative error, and along single points to the same tolerance relative to the largest component.
     */
    static void gradientMatchesCentralDifferences(LossFunction loss, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PreparedLoss prepared = loss.prepare(RandomPatterns.GRID);
        int n = RandomPatterns.GRID.size();
        for (int trial = 0; trial < 3; trial++) {
            double[] sim = RandomPatterns.smooth(random, RandomPatterns.GRID);
            double[] target = RandomPatterns.smooth(random, RandomPatterns.GRID);
            double[] gradient = new double[n];
            Arrays.fill(gradient, Double.NaN);
            double value = prepared.valueAndGradient(sim, target, gradient);
            assertThat(value).as("valueAndGradient against value").isCloseTo(prepared.value(sim, target),
                    org.assertj.core.data.Offset.offset(ROUNDING_SLACK * Math.max(1, Math.abs(value))));
            assertThat(Arrays.stream(gradient).allMatch(Double::isFinite)).as("gradient finite and fully written")
                    .isTrue();
            double h = DIFFERENCE_STEP * RandomPatterns.maxAbs(sim);
            for (int d = 0; d < 4; d++) {
                double[] direction = RandomPatterns.gaussian(random, n);
                double scale = h / RandomPatterns.maxAbs(direction);
                double numeric = (prepared.value(RandomPatterns.plus(sim, scale, direction), target)
                        - prepared.value(RandomPatterns.plus(sim, -scale, direction), target)) / (2 * scale);
                double analytic = RandomPatterns.dot(gradient, direction);
                assertThat(Math.abs(numeric - analytic)).as("directional derivative: analytic %s, central "
                        + "differences %s (trial %d, direction %d)", analytic, numeric, trial, d)
                        .isLessThanOrEqualTo(GRADIENT_RELATIVE_TOLERANCE * Math.max(Math.abs(numeric),
                                Math.abs(analytic)));
            }
            double largest = RandomPatterns.maxAbs(gradient);
            for (int k = 0; k < 6; k++) {
                int i = random.nextInt(n);
                double[] up = sim.clone();
                double[] down = sim.clone();
                up[i] += h;
                down[i] -= h;
                double numeric = (prepared.value(up, target) - prepared.value(down, target)) / (2 * h);
                assertThat(Math.abs(numeric - gradient[i])).as("dL/dsim at point %d: analytic %s, central "
                        + "differences %s (largest component %s)", i, gradient[i], numeric, largest)
                        .isLessThanOrEqualTo(GRADIENT_RELATIVE_TOLERANCE * largest);
            }
        }
    }

    /** value, valueAndGradient and the Pattern entry points leave their inputs exactly as they were. */
    static void inputsUnchanged(LossFunction loss, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PreparedLoss prepared = loss.prepare(RandomPatterns.GRID);
        double[] sim = RandomPatterns.smooth(random, RandomPatterns.GRID);
        double[] target = RandomPatterns.smooth(random, RandomPatterns.GRID);
        double[] simCopy = sim.clone();
        double[] targetCopy = target.clone();
        prepared.value(sim, target);
        prepared.valueAndGradient(sim, target, new double[sim.length]);
        assertThat(sim).as("simulated pattern after the call").containsExactly(simCopy);
        assertThat(target).as("target pattern after the call").containsExactly(targetCopy);
        Pattern simPattern = new Pattern("sim", RandomPatterns.GRID.toArray(), sim, Double.NaN);
        Pattern targetPattern = new Pattern("target", RandomPatterns.GRID.toArray(), target, Double.NaN);
        assertThat(loss.value(simPattern, targetPattern)).isEqualTo(prepared.value(sim, target));
        assertThat(simPattern.intensityArray()).containsExactly(simCopy);
    }

    /**
     * Arrays that do not fit the grid, NaN and infinite intensities, and (for losses that need them) unequal grids
     * are refused with a one-line message saying what is wrong and where.
     */
    static void clearErrors(LossFunction loss, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TwoThetaGrid grid = RandomPatterns.GRID;
        PreparedLoss prepared = loss.prepare(grid);
        double[] sim = RandomPatterns.smooth(random, grid);
        double[] target = RandomPatterns.smooth(random, grid);
        double[] shorter = Arrays.copyOf(sim, sim.length - 1);
        assertThatThrownBy(() -> prepared.value(shorter, target)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(sim.length - 1)).hasMessageContaining("points")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> prepared.valueAndGradient(sim, target, new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gradient");
        double[] nanSim = sim.clone();
        nanSim[17] = Double.NaN;
        assertThatThrownBy(() -> prepared.value(nanSim, target)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("simulated").hasMessageContaining("NaN").hasMessageContaining("point 18")
                .hasMessageContaining("11.7").hasMessageNotContaining("\n");
        double[] infiniteTarget = target.clone();
        infiniteTarget[3] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> prepared.valueAndGradient(sim, infiniteTarget, new double[sim.length]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target")
                .hasMessageContaining("Infinity").hasMessageContaining("point 4");
        TwoThetaGrid coarser = TwoThetaGrid.uniform(10, 0.2, 301);
        double[] coarseTarget = RandomPatterns.smooth(random, coarser);
        Pattern simPattern = new Pattern("A.csv", grid.toArray(), sim, Double.NaN);
        Pattern coarsePattern = new Pattern("B.csv", coarser.toArray(), coarseTarget, Double.NaN);
        if (loss.requiresEqualGrids()) {
            assertThatThrownBy(() -> loss.prepare(grid, coarser)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("same 2theta grid").hasMessageContaining("601 points")
                    .hasMessageContaining("301 points");
            assertThatThrownBy(() -> loss.value(simPattern, coarsePattern)).isInstanceOf(
                    IllegalArgumentException.class).hasMessageContaining("'A.csv'").hasMessageContaining("'B.csv'")
                    .hasMessageContaining("same 2theta grid");
        } else {
            assertThat(loss.value(simPattern, coarsePattern)).isFinite();
            assertThat(loss.prepare(grid, coarser).value(sim, coarseTarget)).isFinite();
        }
    }

    /**
     * One prepared loss used by {@value #THREADS} threads at once gives exactly the values and gradients of a
     * sequential run.
     */
    static void threadSafe(LossFunction loss, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        PreparedLoss prepared = loss.prepare(RandomPatterns.GRID);
        int cases = 16;
        double[][] sims = new double[cases][];
        double[][] targets = new double[cases][];
        double[] expectedValues = new double[cases];
        double[][] expectedGradients = new double[cases][];
        for (int c = 0; c < cases; c++) {
            sims[c] = RandomPatterns.smooth(random, RandomPatterns.GRID);
            targets[c] = RandomPatterns.smooth(random, RandomPatterns.GRID);
            expectedGradients[c] = new double[sims[c].length];
            expectedValues[c] = prepared.valueAndGradient(sims[c], targets[c], expectedGradients[c]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    double[] gradient = new double[RandomPatterns.GRID.size()];
                    for (int repeat = 0; repeat < 10; repeat++) {
                        for (int k = 0; k < cases; k++) {
                            int c = (k + offset) % cases;
                            double value = prepared.valueAndGradient(sims[c], targets[c], gradient);
                            assertThat(value).as("value in a concurrent run").isEqualTo(expectedValues[c]);
                            assertThat(gradient).as("gradient in a concurrent run").containsExactly(
                                    expectedGradients[c]);
                            assertThat(prepared.value(sims[c], targets[c])).as("value() in a concurrent run")
                                    .isEqualTo(expectedValues[c]);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof AssertionError a) {
                        throw a;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
