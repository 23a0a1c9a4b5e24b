package org.pxrd.diffraction.measured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.pxrd.diffraction.Radiation;
import org.pxrd.io.PatternData;
import org.pxrd.model.Pattern;

/** Weights, radiation from files, range restriction, residual and scale, resampling. */
class MeasuredTargetTest {

    private static Pattern counts() {
        return new Pattern("counts", new double[] {10, 10.5, 11, 11.5, 12, 12.5}, new double[] {0, 4, 100, 25, 9, 1},
                null, 1.5406);
    }

    @Test
    void weightsComeFromEsdsOrCountingStatistics() {
        Pattern c = Weighting.COUNTS.attach(counts());
        // σ² = max(y, 1)
        assertThat(c.esdArray()).containsExactly(1, 2, 10, 5, 3, 1);
        assertThat(Weighting.AUTO.resolve(counts())).isEqualTo(Weighting.COUNTS);
        Pattern withEsd = new Pattern("e", new double[] {1, 2}, new double[] {5, 6}, new double[] {0.5, 0.25}, 1.0);
        assertThat(Weighting.AUTO.attach(withEsd).esdArray()).containsExactly(0.5, 0.25);
        assertThat(Weighting.UNIT.attach(withEsd).esdArray()).containsExactly(1, 1);
        MeasuredTarget t = MeasuredTarget.of(Weighting.ESD.attach(withEsd), null, TwoThetaRange.ALL);
        assertThat(t.weights()).containsExactly(4, 16);
        assertThatThrownBy(() -> Weighting.ESD.attach(counts())).hasMessageContaining("has no esd column");
        assertThatThrownBy(() -> Weighting.parse("poisson")).hasMessageContaining("esd, counts, unit or auto");
    }

    @Test
    void theRangeKeepsItsPointsAndTheBackgroundFollows() {
        MeasuredTarget t = MeasuredTarget.of(Weighting.COUNTS.attach(counts()), new double[] {1, 2, 3, 4, 5, 6},
                TwoThetaRange.parse("10.4:12"));
        assertThat(t.twoTheta()).containsExactly(10.5, 11, 11.5, 12);
        assertThat(t.observed()).containsExactly(4, 100, 25, 9);
        assertThat(t.background()).containsExactly(2, 3, 4, 5);
        assertThat(t.simulationGrid().centre(0)).isCloseTo(10.5, within(1e-12));
        assertThat(TwoThetaRange.parse(":12").contains(-5)).isTrue();
        assertThatThrownBy(() -> MeasuredTarget.of(counts(), null, TwoThetaRange.parse("20:30"))).hasMessageContaining(
                "has 0 points in the 2theta range 20.0:30.0");
        assertThatThrownBy(() -> TwoThetaRange.parse("30:20")).hasMessageContaining("min <= max");
        assertThatThrownBy(() -> TwoThetaRange.parse("30")).hasMessageContaining("MIN:MAX");
    }

    @Test
    void theResidualGradientAndTheClosedFormScale() {
        MeasuredTarget t = MeasuredTarget.of(Weighting.COUNTS.attach(counts()), new double[] {1, 1, 1, 1, 1, 1},
                TwoThetaRange.ALL);
        double[] shape = {0.1, 1, 33, 8, 3, 0};
        double[] observed = t.observed();
        double k = t.optimalScale(shape);
        // the residual's derivative in k vanishes at the optimum: Σ w s (y_o − b − k s) = 0
        double[] w = t.weights();
        double d = 0;
        for (int i = 0; i < shape.length; i++) {
            d += w[i] * shape[i] * (observed[i] - 1 - k * shape[i]);
        }
        assertThat(d).isCloseTo(0, within(1e-9));
        double[] calculated = new double[shape.length];
        double[] gradient = new double[shape.length];
        for (int i = 0; i < shape.length; i++) {
            calculated[i] = k * shape[i] + 1;
        }
        double s = t.residual(calculated, gradient);
        for (int i = 0; i < shape.length; i++) {
            double h = 1e-3;
            calculated[i] += h;
            double up = t.residual(calculated, null);
            calculated[i] -= 2 * h;
            double down = t.residual(calculated, null);
            calculated[i] += h;
            // S is quadratic in y_c: the central difference is exact up to rounding
            assertThat(gradient[i]).isCloseTo((up - down) / (2 * h), within(1e-6 * (1 + Math.abs(gradient[i]))));
        }
        assertThat(s).isPositive();
        double[] exact = new double[shape.length];
        for (int i = 0; i < shape.length; i++) {
            exact[i] = observed[i] - 1;
        }
        assertThat(t.optimalScale(exact)).isCloseTo(1, within(1e-12));
    }

    @Test
    void theRadiationComesFromTheFileOrTheUserNeverByDefault() {
        PatternData xrdml = MeasuredData.read(MeasuredData.file("RbNb2O5F_pyrochlore", "RbNb2O5F.xrdml"));
        Radiation r = MeasuredRadiation.fromFile(xrdml).orElseThrow();
        assertThat(r.wavelength()).isEqualTo(1.540598);
        assertThat(r.alpha2Wavelength()).isEqualTo(1.544426);
        assertThat(r.alpha2Ratio()).isEqualTo(0.5);
        PatternData xy = MeasuredData.read(MeasuredData.file("Corundum_R040096", "pattern.xy"));
        assertThat(MeasuredRadiation.fromFile(xy)).isEmpty();
        assertThatThrownBy(() -> MeasuredRadiation.resolve(xy, null)).hasMessageContaining(
                "does not state its X-ray wavelength").hasMessageContaining("--wavelength");
        assertThat(MeasuredRadiation.resolve(xy, Radiation.of(1.5406)).wavelength()).isEqualTo(1.5406);
        PatternData single = new PatternData(counts(), Map.of());
        assertThat(MeasuredRadiation.fromFile(single).orElseThrow().hasAlpha2()).isFalse();
        PatternData noRatio = new PatternData(counts(), Map.of(PatternData.KALPHA1, "1.5406", PatternData.KALPHA2,
                "1.5444"));
        assertThat(MeasuredRadiation.fromFile(noRatio).orElseThrow().alpha2Ratio()).isEqualTo(
                Radiation.DEFAULT_ALPHA2_RATIO);
    }

    @Test
    void resamplingInterpolatesIntensitiesAndEsds() {
        Pattern p = new Pattern("p", new double[] {10, 11, 12}, new double[] {0, 10, 30}, new double[] {1, 2, 2},
                1.0);
        Pattern r = Resampling.onto(p, new double[] {10, 10.25, 11.5, 12});
        assertThat(r.intensityArray()).containsExactly(0, 2.5, 20, 30);
        assertThat(r.esdArray()[1]).isCloseTo(Math.sqrt(0.75 * 0.75 + 0.25 * 0.25 * 4), within(1e-12));
        assertThat(r.wavelength()).hasValue(1.0);
        assertThatThrownBy(() -> Resampling.onto(p, new double[] {9.5, 11})).hasMessageContaining(
                "measured from 10.0 to 12.0");
        Pattern onGrid = Resampling.onto(p, new org.pxrd.diffraction.TwoThetaGrid(9, 13, 0.5));
        assertThat(onGrid.twoThetaArray()).containsExactly(10.25, 10.75, 11.25, 11.75);
        SplittableRandom random = new SplittableRandom(1);
        double[] x = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = 10 + 2 * random.nextDouble();
        }
        java.util.Arrays.sort(x);
        for (double v : Resampling.onto(p, x).intensityArray()) {
            assertThat(v).isBetween(0.0, 30.0);
        }
    }
}
