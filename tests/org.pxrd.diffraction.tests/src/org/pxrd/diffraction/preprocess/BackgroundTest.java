package org.pxrd.diffraction.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.pxrd.diffraction.measured.MeasuredData;
import org.pxrd.model.Pattern;

/**
 * SNIP and Chebyshev backgrounds recover a known background under synthetic peaks, noise-free and with counting
 * noise, and agree with the background of the authors' FullProf refinement of the measured RbNb2O5F pattern.
 *
 * <p>What "recover" can mean: the synthetic peaks are pseudo-Voigts with a 30 % Lorentzian part, whose tails reach
 * far beyond any clipping window, and every estimator counts the tails it cannot see as background; with noise, the
 * estimate also moves with the noise. The tolerances below are the measured behaviour with a margin, on quantiles of
 * the relative error (estimate − truth)/truth over all 8501 points.
 */
class BackgroundTest {

    /** A smooth laboratory background: a broad amorphous hump on a slowly varying level (counts). */
    static final DoubleUnaryOperator HUMP = t -> 400 + 150 * Math.cos(t / 25) + 600 * Math.exp(-Math.pow((t - 25) / 12,
            2));

    private static final double[] X = Synthetic.grid();
    private static final double[] TRUTH = Synthetic.background(X, HUMP);

    private static double[] errors(BackgroundEstimator estimator, boolean noisy) {
        Pattern p = Synthetic.pattern(X, TRUTH, 25, 4000, noisy, 7);
        return Synthetic.relativeErrors(estimator.background(p), TRUTH);
    }

    @Test
    void snipRecoversAFlatBackgroundUnderIsolatedPeaks() {
        double[] x = Synthetic.grid();
        double[] flat = Synthetic.background(x, t -> 1000);
        Pattern p = Synthetic.pattern(x, flat, 5, 500, false, 3);
        double[] e = Synthetic.relativeErrors(new SnipBackground(2, 5, true, true, 4).background(p), flat);
        // only the Lorentzian tails of five peaks of at most 500 counts remain: the median point is exact to 0.1 %
        assertThat(e[0]).isCloseTo(0, within(1e-3));
        assertThat(e[3]).isLessThan(0.02);
    }

    @Test
    void snipRecoversACurvedBackgroundNoiseFree() {
        double[] e = errors(new SnipBackground(2, 5, true, true, 4), false);
        // measured: median +0.2 %, 5 % quantile −0.3 %, 95 % quantile +6.5 % (the tails under clusters of strong peaks)
        assertThat(e[0]).as("median").isCloseTo(0, within(0.01));
        assertThat(e[1]).as("5%% quantile").isGreaterThan(-0.01);
        assertThat(e[2]).as("95%% quantile").isLessThan(0.08);
    }

    @Test
    void snipWithCountingNoiseStaysWithinTheNoise() {
        double[] e = errors(new SnipBackground(2, 5, true, true, 4), true);
        // σ/b is 2.5-5 % per point here; the clipping of the smoothed noise sits low by about half of that
        // (measured: median −2.1 %, 5 % quantile −3.5 %, 95 % quantile +3.8 %)
        assertThat(e[0]).as("median").isCloseTo(0, within(0.03));
        assertThat(e[1]).as("5%% quantile").isGreaterThan(-0.05);
        assertThat(e[2]).as("95%% quantile").isLessThan(0.06);
    }

    /** Why order 4 is the default: the second-order filter eats the top of a broad hump, the fourth-order one keeps it. */
    @Test
    void theFourthOrderFilterKeepsACurvedBackgroundTheSecondOrderOneClips() {
        double[] second = errors(new SnipBackground(2, 5, true, true, 2), false);
        double[] fourth = errors(new SnipBackground(2, 5, true, true, 4), false);
        assertThat(second[1]).as("order 2, 5%% quantile").isLessThan(-0.2);
        assertThat(fourth[1]).as("order 4, 5%% quantile").isGreaterThan(-0.01);
    }

    @Test
    void chebyshevRecoversACurvedBackgroundNoiseFreeAndWithNoise() {
        // measured: noise-free median +0.7 %, 5-95 % −0.4 %..+7.7 %; noisy median +0.7 %, −1.5 %..+15.6 %: the
        // polynomial rides on the tails of peak clusters, and with noise the allowance κσ lifts it there further
        double[] clean = errors(new ChebyshevBackground(12, 1, 200, 1e-4), false);
        assertThat(clean[0]).as("median").isCloseTo(0, within(0.01));
        assertThat(clean[1]).as("5%% quantile").isGreaterThan(-0.01);
        assertThat(clean[2]).as("95%% quantile").isLessThan(0.1);
        double[] noisy = errors(new ChebyshevBackground(12, 1, 200, 1e-4), true);
        assertThat(noisy[0]).as("median").isCloseTo(0, within(0.015));
        assertThat(noisy[1]).as("5%% quantile").isGreaterThan(-0.03);
        assertThat(noisy[2]).as("95%% quantile").isLessThan(0.2);
    }

    @Test
    void chebyshevReproducesAPolynomialBackgroundOfItsOrderExactlyWithoutPeaks() {
        DoubleUnaryOperator cubic = t -> 900 - 12 * t + 0.2 * t * t - 0.001 * t * t * t;
        double[] b = Synthetic.background(X, cubic);
        double[] e = Synthetic.relativeErrors(new ChebyshevBackground(3, 1, 200, 1e-12).background(new Pattern("cubic",
                X, b, Double.NaN)), b);
        assertThat(e[3]).isLessThan(1e-10);
        double[][] t = ChebyshevBackground.design(new double[] {0, 0.75, 1}, 3);
        // t = −1, 0.5, 1: T_2 = 2t² − 1, T_3 = 4t³ − 3t
        assertThat(t[1]).containsExactly(1, 0.5, -0.5, -1);
        assertThat(t[0]).containsExactly(1, -1, 1, -1);
        assertThat(t[2]).containsExactly(1, 1, 1, 1);
    }

    /**
     * The measured RbNb2O5F pattern (raw counts, background about 11 000) against the background of the authors'
     * FullProf refinement (93 points, linear interpolation), over 8..117° where both are defined away from the ends:
     * the estimators agree with it to about a per cent (the authors' background is itself a choice: theirs carries the
     * Lorentzian tails and asymmetry of their profile).
     */
    @Test
    void bothAgreeWithTheAuthorsFullProfBackgroundOnRbNb2O5F() {
        Pattern measured = MeasuredData.read(MeasuredData.file("RbNb2O5F_pyrochlore", "RbNb2O5F.xrdml")).pattern();
        double[] x = measured.twoThetaArray();
        double[] snip = new SnipBackground(2, 5, true, true, 4).background(measured);
        double[] cheb = new ChebyshevBackground(16, 1, 200, 1e-4).background(measured);
        int count = 0;
        for (double t : x) {
            count += t > 8 && t < 117 ? 1 : 0;
        }
        double[] fullProf = new double[count];
        double[] s = new double[count];
        double[] c = new double[count];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 8 && x[i] < 117) {
                fullProf[k] = MeasuredData.fullProfBackground(x[i]);
                s[k] = snip[i];
                c[k] = cheb[i];
                k++;
            }
        }
        double[] es = Synthetic.relativeErrors(s, fullProf);
        double[] ec = Synthetic.relativeErrors(c, fullProf);
        // measured: SNIP median −0.7 %, 5-95 % within −2.7 %..+0.9 %; Chebyshev median +0.6 %, within −3.0 %..+2.4 %
        assertThat(es[0]).as("SNIP median").isCloseTo(0, within(0.01));
        assertThat(es[1]).as("SNIP 5%% quantile").isGreaterThan(-0.04);
        assertThat(es[2]).as("SNIP 95%% quantile").isLessThan(0.03);
        assertThat(ec[0]).as("Chebyshev median").isCloseTo(0, within(0.01));
        assertThat(ec[1]).as("Chebyshev 5%% quantile").isGreaterThan(-0.05);
        assertThat(ec[2]).as("Chebyshev 95%% quantile").isLessThan(0.04);
    }

    /** The raw PbSO4 counts: the SNIP background never stands out above the data by more than the counting noise. */
    @Test
    void snipStaysUnderTheMeasuredPbSO4Pattern() {
        Pattern measured = MeasuredData.read(MeasuredData.file("PbSO4_anglesite", "PBSO4.XRA")).pattern();
        double[] y = measured.intensityArray();
        double[] s = measured.esdArray();
        double[] b = new SnipBackground(2, 5, true, true, 4).background(measured);
        int above = 0;
        for (int i = 0; i < y.length; i++) {
            if (b[i] - y[i] > 3 * s[i]) {
                above++;
            }
        }
        // 3σ excursions of the noise alone would be 0.13 % of the points
        assertThat((double) above / y.length).isLessThan(0.005);
    }

    @Test
    void badInputIsNamed() {
        Pattern two = new Pattern("two", new double[] {1, 2}, new double[] {1, 1}, Double.NaN);
        assertThatThrownBy(() -> new SnipBackground(1, 0, true, true, 4).background(two)).hasMessageContaining(
                "at least 3 points");
        assertThatThrownBy(() -> new ChebyshevBackground(3, 1, 10, 1e-4).background(two)).hasMessageContaining(
                "needs at least 8 points");
        assertThatThrownBy(() -> new SnipBackground(0, 0, true, true, 4)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new SnipBackground(1, 0, true, true, 3)).hasMessageContaining("must be 2 or 4");
        assertThatThrownBy(() -> new ChebyshevBackground(-1, 1, 10, 1e-4)).hasMessageContaining("must not be negative");
    }

    @Test
    void subtractingKeepsTheEsds() {
        double[] x = {1, 2, 3, 4, 5, 6, 7};
        double[] y = {10, 10, 30, 10, 10, 10, 10};
        Pattern p = new Pattern("p", x, y, new double[] {1, 2, 3, 4, 5, 6, 7}, 1.0);
        Pattern out = new SnipBackground(3, 0, false, true, 2).apply(p);
        assertThat(out.esdArray()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(out.intensityArray()).containsExactly(0, 0, 20, 0, 0, 0, 0);
        assertThat(out.wavelength()).hasValue(1.0);
    }
}
