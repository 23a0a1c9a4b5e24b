package org.pxrd.diffraction.measured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.pxrd.diffraction.TwoThetaGrid;
import org.pxrd.diffraction.XrdPhysics;
import org.pxrd.diffraction.PeakNormalisation;
import org.pxrd.model.Pattern;

/** Simulation grids of measured points: even (rounded) grids map one to one, uneven ones through interpolation. */
class MeasuredGridTest {

    /**
     * Largest interpolation error of the uneven map relative to the pattern maximum, for peaks of FWHM ≥ 0.08° on
     * points 0.01-0.03° apart (simulation step 0.005°): quintic interpolation of a peak sampled at H/16 errs by about
     * (h/H)⁶ of its height.
     */
    static final double INTERPOLATION_BOUND = 1e-5;

    @Test
    void evenlySpacedPointsAreTheBinCentres() {
        double[] x = new double[6001];
        for (int i = 0; i < x.length; i++) {
            x[i] = 10 + 0.025 * i;
        }
        MeasuredGrid g = MeasuredGrid.of(x);
        assertThat(g.aligned()).isTrue();
        TwoThetaGrid grid = g.simulationGrid();
        assertThat(grid.step()).isCloseTo(0.025, within(1e-12));
        assertThat(grid.min()).isCloseTo(9.9875, within(1e-12));
        for (int i = 0; i < x.length; i += 500) {
            assertThat(grid.centre(i)).isCloseTo(x[i], within(1e-9));
        }
        // two degrees of margin above the last point
        assertThat(grid.max()).isCloseTo(160.0125 + 2, within(0.025));
        double[] sim = new double[grid.bins()];
        for (int j = 0; j < sim.length; j++) {
            sim[j] = j;
        }
        double[] out = new double[x.length];
        g.project(sim, out);
        assertThat(out[4000]).isEqualTo(4000);
    }

    /** The RbNb2O5F xrdml points (linspace of start/end) and their 5-decimal rounding in pattern.xy map the same way. */
    @Test
    void roundedFilesAreEvenlySpaced() {
        Pattern xy = MeasuredData.read(MeasuredData.file("RbNb2O5F_pyrochlore", "pattern.xy")).pattern();
        Pattern xrdml = MeasuredData.read(MeasuredData.file("RbNb2O5F_pyrochlore", "RbNb2O5F.xrdml")).pattern();
        MeasuredGrid a = MeasuredGrid.of(xy.twoThetaArray());
        MeasuredGrid b = MeasuredGrid.of(xrdml.twoThetaArray());
        assertThat(a.aligned()).isTrue();
        assertThat(b.aligned()).isTrue();
        assertThat(a.simulationGrid().step()).isCloseTo(b.simulationGrid().step(), within(1e-8));
    }

    @Test
    void unevenPointsAreInterpolatedWithinTheStatedBound() {
        SplittableRandom random = new SplittableRandom(17);
        double[] x = new double[3000];
        x[0] = 20;
        for (int i = 1; i < x.length; i++) {
            x[i] = x[i - 1] + 0.01 + 0.02 * random.nextDouble();
        }
        MeasuredGrid g = MeasuredGrid.of(x);
        assertThat(g.aligned()).isFalse();
        TwoThetaGrid grid = g.simulationGrid();
        double[] centres = {25.1234, 40.0007, 55.5555, 71.42};
        double[] widths = {0.08, 0.1, 0.15, 0.2};
        double[] sim = new double[grid.bins()];
        for (int j = 0; j < sim.length; j++) {
            sim[j] = peaks(grid.centre(j), centres, widths);
        }
        double[] out = new double[x.length];
        g.project(sim, out);
        double max = 0;
        double err = 0;
        for (int i = 0; i < x.length; i++) {
            double exact = peaks(x[i], centres, widths);
            max = Math.max(max, exact);
            err = Math.max(err, Math.abs(out[i] - exact));
        }
        assertThat(err / max).isLessThan(INTERPOLATION_BOUND);
    }

    private static double peaks(double t, double[] centres, double[] widths) {
        double sum = 0;
        for (int p = 0; p < centres.length; p++) {
            sum += XrdPhysics.pseudoVoigt(PeakNormalisation.UNIT_HEIGHT, 0.5, widths[p], t - centres[p]);
        }
        return sum;
    }

    /** ⟨P a, b⟩ = ⟨a, Pᵀ b⟩ for random a, b: the adjoint is the transpose of the map, for both kinds of grid. */
    @Test
    void theAdjointIsTheTranspose() {
        SplittableRandom random = new SplittableRandom(23);
        double[] even = new double[500];
        double[] uneven = new double[500];
        uneven[0] = 30;
        for (int i = 0; i < 500; i++) {
            even[i] = 30 + 0.02 * i;
            if (i > 0) {
                uneven[i] = uneven[i - 1] + 0.01 + 0.03 * random.nextDouble();
            }
        }
        for (double[] x : new double[][] {even, uneven}) {
            MeasuredGrid g = MeasuredGrid.of(x);
            double[] a = new double[g.simulationGrid().bins()];
            double[] b = new double[x.length];
            for (int j = 0; j < a.length; j++) {
                a[j] = random.nextDouble() - 0.5;
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextDouble() - 0.5;
            }
            double[] pa = new double[x.length];
            double[] ptb = new double[a.length];
            g.project(a, pa);
            g.adjoint(b, ptb);
            double left = 0;
            double right = 0;
            for (int i = 0; i < b.length; i++) {
                left += pa[i] * b[i];
            }
            for (int j = 0; j < a.length; j++) {
                right += a[j] * ptb[j];
            }
            assertThat(left).isCloseTo(right, within(1e-12));
        }
    }

    @Test
    void pointsThatCannotBeSimulatedAreNamed() {
        assertThatThrownBy(() -> MeasuredGrid.of(new double[] {10})).hasMessageContaining("at least 2 points");
        assertThatThrownBy(() -> MeasuredGrid.of(new double[] {170, 179.5})).hasMessageContaining("stops below 179");
        assertThatThrownBy(() -> MeasuredGrid.of(new double[] {0.001, 0.5, 1.0})).hasMessageContaining(
                "closer to 0 than half a step");
        assertThatThrownBy(() -> MeasuredGrid.of(new double[] {1, 1 + 1e-7, 100})).hasMessageContaining(
                "resample the pattern first");
    }
}
