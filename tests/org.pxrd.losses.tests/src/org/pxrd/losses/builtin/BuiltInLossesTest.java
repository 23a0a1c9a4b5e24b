package org.pxrd.losses.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.losses.LossFunction;
import org.pxrd.losses.LossRegistry;
import org.pxrd.losses.PreparedLoss;
import org.pxrd.losses.TwoThetaGrid;

/** Closed-form cases of each built-in loss, worked out by hand from the formulas in their Javadoc. */
class BuiltInLossesTest {

    /** Hand-computed values are exact up to a few roundings. */
    private static final double EXACT = 1e-14;

    private static final TwoThetaGrid FOUR = TwoThetaGrid.uniform(10, 0.5, 4);
    private static final TwoThetaGrid LINE = TwoThetaGrid.uniform(20, 0.01, 2001);

    private final LossRegistry registry = new LossRegistry(ExtensionSources.detect());

    private double value(LossFunction loss, TwoThetaGrid grid, double[] sim, double[] target) {
        return loss.prepare(grid).value(sim, target);
    }

    /** A unit spike at point i of the line grid. */
    private static double[] spike(int i) {
        double[] y = new double[LINE.size()];
        y[i] = 1;
        return y;
    }

    /** A Gaussian peak of standard deviation {@code sigma} degrees at {@code centre} degrees on the line grid. */
    private static double[] peak(double centre, double sigma) {
        double[] y = new double[LINE.size()];
        for (int i = 0; i < y.length; i++) {
            double u = (LINE.at(i) - centre) / sigma;
            y[i] = Math.exp(-0.5 * u * u);
        }
        return y;
    }

    @Test
    void cosineIsMinusTheCosineOfTheAngleAndIgnoresScale() {
        CosineLoss cosine = new CosineLoss();
        assertThat(value(cosine, FOUR, new double[] {1, 0, 0, 0}, new double[] {1, 1, 0, 0}))
                .isCloseTo(-1 / Math.sqrt(2), within(EXACT));
        assertThat(value(cosine, FOUR, new double[] {2, 4, 6, 8}, new double[] {1, 2, 3, 4})).isCloseTo(-1,
                within(EXACT));
        assertThat(value(cosine, FOUR, new double[] {1, 1, 0, 0}, new double[] {0, 0, 3, 1})).isCloseTo(0,
                within(EXACT));
        assertThatThrownBy(() -> value(cosine, FOUR, new double[4], new double[] {1, 2, 3, 4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("simulated pattern is zero");
    }

    @Test
    void meanSquaredErrorAveragesOverThePoints() {
        assertThat(value(new MeanSquaredErrorLoss(), FOUR, new double[] {1, 2, 3, 4}, new double[] {1, 1, 1, 1}))
                .isCloseTo((0 + 1 + 4 + 9) / 4.0, within(EXACT));
    }

    @Test
    void entropySimilarityFollowsLiEtAl() {
        EntropyLoss entropy = new EntropyLoss();
        // a = (1, 0, 0, 0), b = (1/2, 1/2, 0, 0): S_A = 0, S_B = ln 2, m = (3/4, 1/4, 0, 0)
        double sAB = -0.75 * Math.log(0.75) - 0.25 * Math.log(0.25);
        double expected = -(1 - (2 * sAB - 0 - Math.log(2)) / Math.log(4));
        assertThat(value(entropy, FOUR, new double[] {5, 0, 0, 0}, new double[] {2, 2, 0, 0})).isCloseTo(expected,
                within(EXACT));
        assertThat(value(entropy, FOUR, new double[] {1, 2, 3, 4}, new double[] {3, 6, 9, 12})).isCloseTo(-1,
                within(EXACT));
        // disjoint supports: S_AB = S_A/2 + S_B/2 + ln 2, similarity 0
        assertThat(value(entropy, FOUR, new double[] {1, 1, 0, 0}, new double[] {0, 0, 1, 3})).isCloseTo(0,
                within(EXACT));
        assertThatThrownBy(() -> value(entropy, FOUR, new double[] {1, -1, 0, 0}, new double[] {1, 1, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative intensity")
                .hasMessageContaining("point 2");
    }

    @Test
    void entropyGradientAtAZeroOfTheSimulatedPatternIsFiniteAndPushesItUp() {
        double[] gradient = new double[4];
        double[] sim = {1, 0, 1, 1};
        double[] target = {1, 1, 1, 1};
        new EntropyLoss().prepare(FOUR).valueAndGradient(sim, target, gradient);
        assertThat(java.util.Arrays.stream(gradient).allMatch(Double::isFinite)).isTrue();
        assertThat(gradient[1]).as("raising the empty point lowers the loss steeply").isLessThan(-100);
    }

    @Test
    void crossCorrelationOfTwoSpikesIsTheTriangleWeightOfTheirDistance() {
        // c_ss = c_tt = w(0) = 1 and c_st = w(d): S = 1 - d/l
        for (int points : new int[] {0, 3, 25, 49}) {
            double expected = -(1 - points * 0.01 / 0.5);
            assertThat(value(new CrossCorrelationLoss(0.5), LINE, spike(1000), spike(1000 + points)))
                    .as("%d points apart", points).isCloseTo(expected, within(EXACT));
        }
        assertThat(value(new CrossCorrelationLoss(0.5), LINE, spike(1000), spike(1050))).isCloseTo(0,
                within(EXACT));
    }

    @Test
    void crossCorrelationNarrowerThanTheStepIsTheCosineSimilarity() {
        double[] a = peak(25, 0.3);
        double[] b = peak(25.4, 0.2);
        assertThat(value(new CrossCorrelationLoss(0.005), LINE, a, b)).isCloseTo(value(new CosineLoss(), LINE, a,
                b), within(EXACT));
    }

    @Test
    void crossCorrelationNeedsAUniformGrid() {
        TwoThetaGrid uneven = TwoThetaGrid.of(10, 10.1, 10.3, 10.4);
        assertThatThrownBy(() -> new CrossCorrelationLoss(1).prepare(uneven))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uniform 2theta grid")
                .hasMessageContaining("0.1").hasMessageContaining("0.2");
    }

    @Test
    void rwpWithPoissonWeightsAndTheZeroCountFloor() {
        RwpLoss rwp = new RwpLoss(RwpLoss.Weighting.POISSON, 1e-4);
        // y = (4, 1, 0, 1), c = (2, 1, 0, 1): Σ w d² = 2²/4 = 1, Σ w y² = 4 + 1 + 0 + 1 = 6
        assertThat(value(rwp, FOUR, new double[] {2, 1, 0, 1}, new double[] {4, 1, 0, 1})).isCloseTo(
                Math.sqrt(1 / 6.0), within(EXACT));
        // a calculated count where none is observed weighs 1/(f · max y) = 1/(4e-4): Σ w d² = 2500, Σ w y² = 6
        assertThat(value(rwp, FOUR, new double[] {4, 1, 1, 1}, new double[] {4, 1, 0, 1})).isCloseTo(
                Math.sqrt(2500 / 6.0), within(1e-12));
        // unchanged when both patterns are rescaled
        assertThat(value(rwp, FOUR, new double[] {28, 7, 7, 7}, new double[] {28, 7, 0, 7})).isCloseTo(
                Math.sqrt(2500 / 6.0), within(1e-12));
        RwpLoss unit = new RwpLoss(RwpLoss.Weighting.UNIT, 1e-4);
        assertThat(value(unit, FOUR, new double[4], new double[] {4, 1, 0, 1})).isEqualTo(1);
        assertThatThrownBy(() -> value(rwp, FOUR, new double[] {1, 1, 1, 1}, new double[] {0, -1, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no positive intensity");
    }

    @Test
    void wassersteinOfTwoSpikesIsTheirDistanceInDegrees() {
        WassersteinLoss emd = new WassersteinLoss();
        assertThat(value(emd, LINE, spike(300), spike(1234))).isCloseTo(934 * 0.01, within(1e-12));
        assertThat(value(emd, LINE, spike(1234), spike(300))).isCloseTo(934 * 0.01, within(1e-12));
    }

    @Test
    void wassersteinOfAShiftedPatternIsTheShift() {
        double[] a = peak(25, 0.2);
        double[] b = peak(27.37, 0.2);
        // both peaks lie 20σ inside the grid: the shift of 237 points moves all the mass by 2.37 degrees
        assertThat(value(new WassersteinLoss(), LINE, a, b)).isCloseTo(2.37, within(1e-9));
    }

    @Test
    void wassersteinComparesPatternsOnDifferentGrids() {
        TwoThetaGrid fine = TwoThetaGrid.uniform(10, 0.1, 101);
        TwoThetaGrid coarse = TwoThetaGrid.uniform(10.05, 0.5, 21);
        double[] atTwelve = new double[101];
        atTwelve[20] = 2;
        double[] atFifteen = new double[21];
        atFifteen[9] = 7;
        PreparedLoss prepared = new WassersteinLoss().prepare(fine, coarse);
        // 12.0 deg against 10.05 + 9 · 0.5 = 14.55 deg
        assertThat(prepared.value(atTwelve, atFifteen)).isCloseTo(2.55, within(1e-12));
        double[] gradient = new double[101];
        prepared.valueAndGradient(atTwelve, atFifteen, gradient);
        // moving mass from 12.0 to a later point of the fine grid shortens the way: the gradient decreases
        assertThat(gradient[30]).isLessThan(gradient[20]);
    }

    @Test
    void wassersteinGrowsWithThePeakDistanceWhereTheCosineLossIsFlat() {
        double[] target = peak(30, 0.1);
        double previousEmd = 0;
        for (double distance = 1; distance <= 5; distance += 1) {
            double[] sim = peak(30 + distance, 0.1);
            double cosine = value(new CosineLoss(), LINE, sim, target);
            double emd = value(new WassersteinLoss(), LINE, sim, target);
            assertThat(cosine).as("cosine loss %s deg apart: no overlap, no slope", distance).isCloseTo(0,
                    within(1e-9));
            assertThat(emd).as("Wasserstein %s deg apart", distance).isCloseTo(distance, within(1e-9))
                    .isGreaterThan(previousEmd);
            previousEmd = emd;
        }
    }

    @Test
    void multiScaleWithTheUnbroadenedPatternOnlyIsItsBase() {
        double[] a = peak(25, 0.3);
        double[] b = peak(25.4, 0.2);
        LossFunction base = new CrossCorrelationLoss(0.5);
        assertThat(value(new MultiScaleLoss(base, 0), LINE, a, b)).isEqualTo(value(base, LINE, a, b));
    }

    @Test
    void multiScaleSeesPeaksThatTheBaseLossCannot() {
        double[] target = peak(30, 0.1);
        double[] far = peak(33, 0.1);
        double[] farther = peak(34, 0.1);
        CosineLoss cosine = new CosineLoss();
        MultiScaleLoss multi = new MultiScaleLoss(cosine, 6, 3, 0);
        assertThat(value(cosine, LINE, far, target)).isCloseTo(value(cosine, LINE, farther, target), within(1e-12));
        assertThat(value(multi, LINE, far, target)).isLessThan(value(multi, LINE, farther, target) - 0.01);
    }

    @Test
    void multiScaleSettingsAreResolvedThroughTheRegistry() throws Exception {
        LossFunction loss = registry.create("multiscale", Map.of("base", "mse", "widths", "1.5, 0.5,0"));
        assertThat(loss).isInstanceOf(MultiScaleLoss.class);
        assertThat(((MultiScaleLoss) loss).base()).isInstanceOf(MeanSquaredErrorLoss.class);
        assertThat(((MultiScaleLoss) loss).widths()).containsExactly(1.5, 0.5, 0);
        assertThatThrownBy(() -> registry.create("multiscale", Map.of("base", "nosuchloss")))
                .hasMessageContaining("unknown id 'nosuchloss'").hasMessageContaining("org.pxrd.losses.cosine");
        assertThatThrownBy(() -> registry.create("multiscale", Map.of("base", "multiscale")))
                .hasMessageContaining("is itself a multi-scale loss");
        assertThatThrownBy(() -> registry.create("multiscale", Map.of("widths", "0.5,1")))
                .hasMessageContaining("coarse to fine");
        assertThatThrownBy(() -> registry.create("multiscale", Map.of("widths", "1,x")))
                .hasMessageContaining("comma-separated numbers");
    }

    @Test
    void gaussianKernelIsNormalisedAndTruncatedAtFourSigma() {
        // FWHM 0.2355 deg on a 0.01 deg grid: sigma = 10 points, radius 40
        SymmetricKernel kernel = SymmetricKernel.gaussian(0.2 * Math.sqrt(2 * Math.log(2)) * 1.0, 0.01);
        double[] delta = new double[201];
        delta[100] = 1;
        double[] out = new double[201];
        kernel.apply(delta, out);
        double sum = 0;
        for (double v : out) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1, within(EXACT));
        assertThat(out[140]).isPositive();
        assertThat(out[141]).isZero();
        assertThat(out[110] / out[100]).isCloseTo(Math.exp(-0.5), within(EXACT));
    }

    /**
     * The triangle's running sums give the term-by-term sum Σ_k max(0, 1 − |k|Δ/l) x_{i+k} at every point, edges
     * included: non-integer and integer widths in points, a triangle wider than the grid, and applyAndAdd.
     */
    @Test
    void triangleKernelEqualsItsTermByTermSum() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        double step = 0.01;
        for (double[] widthAndSize : new double[][] {{1.234, 9001}, {0.5, 700}, {2.0, 50}, {0.03, 300}}) {
            double width = widthAndSize[0];
            int n = (int) widthAndSize[1];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                // peaks on a near-zero background: the dynamic range of a pattern
                x[i] = random.nextDouble() < 0.05 ? 100 * random.nextDouble() : 1e-3 * random.nextDouble();
            }
            double[] expected = new double[n];
            double largest = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    expected[i] += Math.max(0, 1 - Math.abs(i - j) * step / width) * x[j];
                }
                largest = Math.max(largest, Math.abs(expected[i]));
            }
            SymmetricKernel kernel = SymmetricKernel.triangle(width, step, n);
            double[] out = new double[n];
            kernel.apply(x, out);
            double[] added = new double[n];
            java.util.Arrays.fill(added, 1);
            kernel.applyAndAdd(x, -2, added);
            for (int i = 0; i < n; i++) {
                assertThat(out[i]).as("width %s, point %d", width, i).isCloseTo(expected[i], within(1e-12 * largest));
                assertThat(added[i]).as("width %s, point %d", width, i)
                        .isCloseTo(1 - 2 * expected[i], within(2e-12 * largest));
            }
        }
    }
}
