package org.pxrd.diffraction.measured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.PatternScaling;
import org.pxrd.diffraction.PowderSimulator;
import org.pxrd.diffraction.ProfileParameters;
import org.pxrd.diffraction.Radiation;
import org.pxrd.diffraction.TwoThetaGrid;
import org.pxrd.diffraction.XrayLine;
import org.pxrd.diffraction.XrdSession;
import org.pxrd.model.Pattern;
import org.pxrd.model.Structure;

/**
 * The zero-shift scan recovers a known zero shift and scale from a pattern simulated with them (on a measured-like
 * uneven grid, with a background, with and without counting noise).
 */
class ZeroShiftScanTest {

    private static final double ZERO = 0.037;
    private static final double SCALE = 1234;

    /** Corundum with Cu Kα1+Kα2 and a laboratory profile, raw intensities. */
    private static InstrumentSettings instrument(TwoThetaGrid grid) {
        return new InstrumentSettings(Radiation.of(XrayLine.CuKa1).withDoublet(0.5), grid,
                new ProfileParameters(0.01, -0.005, 0.006, 0.6, 0), org.pxrd.diffraction.PeakNormalisation.UNIT_AREA,
                PatternScaling.RAW, org.pxrd.diffraction.TailMode.MULTILEVEL);
    }

    private static MeasuredTarget synthetic(boolean noisy) {
        Structure corundum = MeasuredData.structure("Corundum_R040096");
        // measured points 20..80 degrees, 0.01-0.02 apart (uneven: the simulation is interpolated onto them)
        SplittableRandom random = new SplittableRandom(31);
        double[] x = new double[4000];
        x[0] = 20;
        int n = 1;
        while (n < x.length && x[n - 1] < 80) {
            x[n] = x[n - 1] + 0.01 + 0.01 * random.nextDouble();
            n++;
        }
        x = java.util.Arrays.copyOf(x, n);
        MeasuredGrid grid = MeasuredGrid.of(x);
        XrdSession truth = new PowderSimulator().open(corundum, instrument(grid.simulationGrid()));
        truth.setInstrument(truth.instrument().withProfile(truth.instrument().profile().withZeroShift(ZERO))
                .withScale(SCALE));
        double[] sim = new double[truth.patternSize()];
        truth.computePattern(sim);
        double[] y = new double[n];
        grid.project(sim, y);
        double[] background = new double[n];
        for (int i = 0; i < n; i++) {
            background[i] = 200 - x[i];
            y[i] += background[i];
            if (noisy) {
                double u = 1 - random.nextDouble();
                y[i] += Math.sqrt(y[i]) * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
            }
        }
        Pattern measured = Weighting.COUNTS.attach(new Pattern("synthetic", x, y, Double.NaN));
        return MeasuredTarget.of(measured, background, TwoThetaRange.ALL);
    }

    @Test
    void aKnownZeroShiftAndScaleAreRecovered() {
        MeasuredTarget target = synthetic(false);
        assertThat(target.grid().aligned()).isFalse();
        XrdSession session = new PowderSimulator().open(MeasuredData.structure("Corundum_R040096"), instrument(
                target.simulationGrid()));
        ZeroShiftScan.Result r = ZeroShiftScan.fit(session, target, 0.3);
        // the scan's parabola on steps of 0.001 degrees, and the interpolation onto uneven points (1e-5 of the height)
        assertThat(r.zeroShift()).isCloseTo(ZERO, within(2e-5));
        assertThat(r.scale()).isCloseTo(SCALE, within(1e-3 * SCALE));
        assertThat(r.agreement().rwp()).isLessThan(1e-3);
        assertThat(r.agreement().parameters()).isEqualTo(2);
        assertThat(session.instrument().profile().zeroShift()).isEqualTo(r.zeroShift());
        assertThat(session.instrument().scale()).isEqualTo(r.scale());
    }

    @Test
    void withCountingNoiseTheZeroShiftIsFoundToAThousandthOfADegree() {
        MeasuredTarget target = synthetic(true);
        XrdSession session = new PowderSimulator().open(MeasuredData.structure("Corundum_R040096"), instrument(
                target.simulationGrid()));
        ZeroShiftScan.Result r = ZeroShiftScan.fit(session, target, 0.3);
        assertThat(r.zeroShift()).isCloseTo(ZERO, within(1e-3));
        assertThat(r.scale()).isCloseTo(SCALE, within(0.01 * SCALE));
        // with the true model, χ² is the noise's: 1 within its statistical spread (N ≈ 4000)
        assertThat(r.agreement().chi2()).isCloseTo(1, within(0.1));
    }

    @Test
    void theSessionMustSimulateOnTheTargetsGrid() {
        MeasuredTarget target = synthetic(false);
        XrdSession other = new PowderSimulator().open(MeasuredData.structure("Corundum_R040096"), instrument(
                TwoThetaGrid.STUDY));
        assertThatThrownBy(() -> ZeroShiftScan.fit(other, target, 0.3)).hasMessageContaining("the target needs");
    }
}
