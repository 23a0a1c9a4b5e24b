package org.pxrd.diffraction.measured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.pxrd.model.Pattern;

/**
 * R_p, R_wp, R_exp, χ² on a case computed by hand, and against the FullProf 8.10 summary of the authors' RbNb2O5F
 * refinement ({@code RbNb2O5F.sum}), for the quantities that do not need FullProf's calculated pattern.
 */
class AgreementStatisticsTest {

    private static final double EXACT = 1e-12;

    /**
     * y_o = 100, 200, 400, 100; y_c = 110, 190, 380, 100; w = 1/y_o; P = 1; b = 50 everywhere. By hand:
     * Σ w(y_o − y_c)² = 1 + 0.5 + 1 + 0 = 2.5, Σ w y_o² = Σ y_o = 800, Σ |y_o − y_c| = 40, N − P = 3;
     * Σ |y_o − b| = 600, Σ w (y_o − b)² = 25 + 112.5 + 306.25 + 25 = 468.75.
     */
    @Test
    void aCaseByHand() {
        double[] yo = {100, 200, 400, 100};
        double[] yc = {110, 190, 380, 100};
        double[] w = {0.01, 0.005, 0.0025, 0.01};
        AgreementStatistics a = AgreementStatistics.of(yo, yc, w, new double[] {50, 50, 50, 50}, 1);
        assertThat(a.rp()).isCloseTo(40.0 / 800, within(EXACT));
        assertThat(a.rwp()).isCloseTo(Math.sqrt(2.5 / 800), within(EXACT));
        assertThat(a.rexp()).isCloseTo(Math.sqrt(3.0 / 800), within(EXACT));
        assertThat(a.chi2()).isCloseTo(2.5 / 3, within(EXACT));
        assertThat(a.gof()).isCloseTo(a.rwp() / a.rexp(), within(EXACT));
        assertThat(a.rpBackground()).isCloseTo(40.0 / 600, within(EXACT));
        assertThat(a.rwpBackground()).isCloseTo(Math.sqrt(2.5 / 468.75), within(EXACT));
        assertThat(a.rexpBackground()).isCloseTo(Math.sqrt(3 / 468.75), within(EXACT));
        assertThat(a.points()).isEqualTo(4);
        assertThat(a.parameters()).isEqualTo(1);
        assertThat(a.describe()).startsWith("Rp=5.00% Rwp=5.59% Rexp=6.12% chi2=0.8333 GoF=0.913 (N=4, P=1)");
        assertThat(a.asMap()).containsEntry("rwp", a.rwp()).containsKey("rexp_background");
        AgreementStatistics none = AgreementStatistics.of(yo, yc, w, null, 1);
        assertThat(none.hasBackground()).isFalse();
        assertThat(none.asMap()).doesNotContainKey("rwp_background");
    }

    /**
     * FullProf's summary: N−P+C = 8736 over 5.0985..119.9884° (8751 points, P = 15), "R-factors (not corrected for
     * background)": Rwp 2.74, Rexp 0.85; "Conventional Rietveld R-factors": Rwp 9.49, Rexp 2.95 (per cent, two
     * decimals). With counting weights w = 1/y_o (the .dat file has no σ column) and the authors' background (the 93
     * points of the .pcr file), R_exp and R_exp,b must come out as FullProf's, and R_wp,b / R_wp = [Σ w y_o² /
     * Σ w (y_o − b)²]^½ as 9.49/2.74 within the rounding of the printed values: that fixes the weights, N − P and the
     * background correction. (R_p,b / R_p does not come out as 14.8/1.76: FullProf's conventional R_p uses another
     * numerator than Σ|y_o − y_c|, which its files do not let us recover.)
     */
    @Test
    void rexpAndTheBackgroundCorrectionAgreeWithFullProf() {
        Pattern dat = MeasuredData.read(MeasuredData.file("RbNb2O5F_pyrochlore", "RbNb2O5F.dat")).pattern();
        Pattern weighted = Weighting.COUNTS.attach(dat);
        double[] x = dat.twoThetaArray();
        double[] b = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = MeasuredData.fullProfBackground(x[i]);
        }
        // FullProf's range, with half its rounding step of slack at both ends
        MeasuredTarget target = MeasuredTarget.of(weighted, b, new TwoThetaRange(MeasuredData.FULLPROF_MIN - 5e-5,
                MeasuredData.FULLPROF_MAX + 5e-5));
        assertThat(target.size()).isEqualTo(8751);
        double[] calculated = target.background();
        AgreementStatistics a = target.agreement(calculated, MeasuredData.FULLPROF_PARAMETERS);
        assertThat(a.points() - a.parameters()).isEqualTo(8736);
        assertThat(100 * a.rexp()).isCloseTo(0.85, within(0.005));
        assertThat(100 * a.rexpBackground()).isCloseTo(2.95, within(0.005));
        double ratio = a.rwpBackground() / a.rwp();
        assertThat(ratio).isBetween(9.485 / 2.745, 9.495 / 2.735);
    }

    @Test
    void badInputIsNamed() {
        double[] three = {1, 2, 3};
        assertThatThrownBy(() -> AgreementStatistics.of(three, new double[2], three, null, 0)).hasMessageContaining(
                "same length");
        assertThatThrownBy(() -> AgreementStatistics.of(three, three, three, null, 3)).hasMessageContaining(
                "P = 3 must lie in [0, N)");
        assertThatThrownBy(() -> AgreementStatistics.of(three, three, new double[] {1, 0, 1}, null, 0))
                .hasMessageContaining("weight 0.0 at point 2");
        assertThatThrownBy(() -> AgreementStatistics.of(new double[3], three, three, null, 0)).hasMessageContaining(
                "nothing observed");
    }
}
