package org.pxrd.diffraction.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.pxrd.model.Pattern;

/** Savitzky-Golay smoothing against the published convolution coefficients; normalisation to maximum and area. */
class SmoothingAndNormalisationTest {

    /** Rounding of a least-squares solve of a few points. */
    private static final double ROUNDING = 1e-12;

    private static double[] uniform(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 10 + 0.02 * i;
        }
        return x;
    }

    /** The response of the filter at points near a unit impulse: the convolution coefficients, reversed. */
    private static double[] impulseResponse(int window, int order) {
        int n = 41;
        double[] y = new double[n];
        y[20] = 1;
        double[] out = new SavitzkyGolaySmoothing(window, order).apply(new Pattern("impulse", uniform(n), y,
                Double.NaN)).intensityArray();
        return java.util.Arrays.copyOfRange(out, 20 - window / 2, 20 + window / 2 + 1);
    }

    /** Savitzky and Golay (1964), Tables I-III (with Steinier, Termonia and Deltour's corrections, 1972). */
    @Test
    void interiorWeightsAreTheClassicalCoefficients() {
        double[] five = impulseResponse(5, 2);
        double[] expected5 = {-3, 12, 17, 12, -3};
        for (int k = 0; k < 5; k++) {
            assertThat(five[k]).isCloseTo(expected5[k] / 35, within(ROUNDING));
        }
        double[] seven = impulseResponse(7, 3);
        double[] expected7 = {-2, 3, 6, 7, 6, 3, -2};
        for (int k = 0; k < 7; k++) {
            assertThat(seven[k]).isCloseTo(expected7[k] / 21, within(ROUNDING));
        }
        double[] nine = impulseResponse(9, 4);
        double[] expected9 = {15, -55, 30, 135, 179, 135, 30, -55, 15};
        for (int k = 0; k < 9; k++) {
            assertThat(nine[k]).isCloseTo(expected9[k] / 429, within(ROUNDING));
        }
    }

    @Test
    void polynomialsUpToTheOrderPassUnchangedOnEvenAndUnevenGridsToTheEnds() {
        SplittableRandom random = new SplittableRandom(5);
        double[] uneven = new double[60];
        uneven[0] = 10;
        for (int i = 1; i < uneven.length; i++) {
            uneven[i] = uneven[i - 1] + 0.01 + 0.02 * random.nextDouble();
        }
        for (double[] x : new double[][] {uniform(60), uneven}) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double t = x[i] - 10.3;
                y[i] = 5 - 3 * t + 40 * t * t - 70 * t * t * t;
            }
            double[] out = new SavitzkyGolaySmoothing(11, 3).apply(new Pattern("cubic", x, y, Double.NaN))
                    .intensityArray();
            for (int i = 0; i < x.length; i++) {
                assertThat(out[i]).as("point %d", i).isCloseTo(y[i], within(1e-9 * (1 + Math.abs(y[i]))));
            }
        }
    }

    @Test
    void esdsPropagateThroughTheWeights() {
        int n = 30;
        double[] y = new double[n];
        double[] s = new double[n];
        java.util.Arrays.fill(s, 2);
        Pattern out = new SavitzkyGolaySmoothing(5, 2).apply(new Pattern("p", uniform(n), y, s, Double.NaN));
        // Σ w² = (9 + 144 + 289 + 144 + 9)/35² = 595/1225
        assertThat(out.esdArray()[15]).isCloseTo(2 * Math.sqrt(595.0 / 1225), within(ROUNDING));
    }

    @Test
    void normalisationToMaximumAndArea() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {0, 2, 4, 2, 0};
        Pattern p = new Pattern("triangle", x, y, new double[] {1, 1, 2, 1, 1}, 1.54);
        Pattern max = new Normalisation(Normalisation.Mode.MAX).apply(p);
        assertThat(max.intensityArray()).containsExactly(0, 0.5, 1, 0.5, 0);
        assertThat(max.esdArray()).containsExactly(0.25, 0.25, 0.5, 0.25, 0.25);
        assertThat(max.wavelength()).hasValue(1.54);
        // trapezoid area of the triangle: 8 (intensity × degrees)
        Pattern area = new Normalisation(Normalisation.Mode.AREA).apply(p);
        assertThat(area.intensityArray()).containsExactly(0, 0.25, 0.5, 0.25, 0);
        assertThatThrownBy(() -> new Normalisation(Normalisation.Mode.AREA).apply(p.withIntensity(new double[] {0, -1,
                0, 0, 0}))).hasMessageContaining("its area is -1.0, not positive");
    }

    @Test
    void badSettingsAndShortPatternsAreNamed() {
        assertThatThrownBy(() -> new SavitzkyGolaySmoothing(6, 2)).hasMessageContaining("odd number");
        assertThatThrownBy(() -> new SavitzkyGolaySmoothing(5, 5)).hasMessageContaining("order 5 must lie in [0, window - 1 = 4]");
        assertThatThrownBy(() -> new SavitzkyGolaySmoothing(11, 3).apply(new Pattern("short", uniform(5),
                new double[5], Double.NaN))).hasMessageContaining("longer than the pattern's 5 points");
    }
}
