package org.pxrd.optimization.refine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.TwoThetaGrid;
import org.pxrd.diffraction.XrdSession;
import org.pxrd.diffraction.XrdSimulator;
import org.pxrd.losses.LossRegistry;
import org.pxrd.losses.PreparedLoss;
import org.pxrd.model.Pattern;
import org.pxrd.model.Structure;
import org.pxrd.optimization.noise.CoordinateNoise;
import org.pxrd.optimization.noise.LatticeNoise;
import org.pxrd.optimization.potentials.Potential;
import org.pxrd.optimization.potentials.Potentials;
import org.pxrd.symmetry.ParameterVector;

/**
 * The whole objective of a refinement, f = L_XRD + λ E/N, differentiated analytically (simulator adjoint, the
 * resampling's adjoint, the potential's forces and stress through {@link EnergyGradient}) against central finite
 * differences of f itself, for every parameter group at once.
 */
class ObjectiveGradientTest {

    /**
     * Agreement of the analytic and central-difference derivatives, relative to the largest derivative of the
     * vector: the O(h²) truncation of the differences and the multilevel renderer's smooth approximation (its
     * gradient is exact for the pattern it computes) stay well below it.
     */
    private static final double TOLERANCE = 2e-5;

    private static final double LAMBDA = 0.05;

    /** BPO4 (12 sites) distorted off its symmetry, so that no derivative vanishes by symmetry. */
    private static Structure distorted() {
        Structure truth = RefineFixtures.study("BPO4");
        return new CoordinateNoise(0.01).apply(new LatticeNoise(0.02).apply(truth, 11), 12);
    }

    @Test
    void xrdPlusEnergyGradientMatchesCentralDifferencesForEveryGroup() throws Exception {
        Structure truth = RefineFixtures.study("BPO4");
        Structure start = distorted();
        InstrumentSettings instrument = RefineFixtures.STUDY;
        XrdSimulator simulator = RefineFixtures.ENGINE.simulators().defaultSimulator();
        XrdSession target = simulator.open(truth, instrument);
        double[] targetPattern = new double[target.patternSize()];
        org.pxrd.losses.TwoThetaGrid points = org.pxrd.losses.TwoThetaGrid.of(instrument.grid().centres());
        PreparedLoss loss = new LossRegistry(RefineFixtures.SOURCE).create("cosine").prepare(points);
        try (Potential lj = new Potentials(RefineFixtures.SOURCE).create("lj-uff", Map.of("cutoff", "6"))) {
            ParameterLayout layout = new ParameterLayout(start.size(), EnumSet.allOf(ParameterGroup.class));
            Objective objective = new Objective(layout, simulator, start, instrument, target, targetPattern,
                    Resampling.identity(instrument.grid()), loss, 1, lj, LAMBDA);
            check(layout, objective, vector(layout, start, instrument));
        }
    }

    @Test
    void aMeasuredPatternOnAnotherGridIsComparedThroughTheInterpolationsAdjoint() throws Exception {
        Structure truth = RefineFixtures.study("BPO4");
        Structure start = distorted();
        XrdSimulator simulator = RefineFixtures.ENGINE.simulators().defaultSimulator();
        // a target on a non-uniform grid: 2θ 10..60° in 0.02° steps, every fifth point left out
        Pattern fine = simulator.pattern(truth, RefineFixtures.STUDY.withGrid(new TwoThetaGrid(10, 60, 0.02)));
        double[] x = fine.twoThetaArray();
        double[] y = fine.intensityArray();
        int kept = x.length - x.length / 5;
        double[] tx = new double[kept];
        double[] ty = new double[kept];
        for (int i = 0, k = 0; i < x.length; i++) {
            if (i % 5 != 4) {
                tx[k] = x[i];
                ty[k++] = y[i];
            }
        }
        Pattern measured = new Pattern("measured", tx, ty, 1.5406);
        Resampling resampling = Resampling.plan(measured);
        assertThat(resampling.isIdentity()).isFalse();
        InstrumentSettings instrument = RefineFixtures.STUDY.withGrid(resampling.grid());
        PreparedLoss loss = new LossRegistry(RefineFixtures.SOURCE).create("mse").prepare(
                org.pxrd.losses.TwoThetaGrid.of(measured));
        ParameterLayout layout = new ParameterLayout(start.size(), EnumSet.allOf(ParameterGroup.class));
        Objective objective = new Objective(layout, simulator, start, instrument, null, measured.intensityArray(),
                resampling, loss, 1, null, 0);
        check(layout, objective, vector(layout, start, instrument));
    }

    /**
     * Against a measured pattern (rutile, RRUFF R040049, 2θ 25-60°, with a sloping fixed background): the Rietveld
     * residual and the cosine loss on y_c = k·s + b, the scale solved in closed form, every instrument parameter
     * refined; the derivative through the solved scale is part of the checked gradient.
     */
    @Test
    void aMeasuredTargetWithSolvedScaleAndBackgroundHasTheGradientOfItsLoss() throws Exception {
        java.nio.file.Path dir = org.pxrd.testdata.TestData.path("measured/Rutile_R040049");
        Structure truth = new org.pxrd.io.StructureFiles(RefineFixtures.SOURCE).read(dir.resolve("structure.cif"))
                .get(0);
        Structure start = new CoordinateNoise(0.01).apply(new LatticeNoise(0.003).apply(truth, 5), 6);
        Pattern raw = new org.pxrd.io.PatternFiles(RefineFixtures.SOURCE).read(dir.resolve("pattern.xy"));
        Pattern weighted = org.pxrd.diffraction.measured.Weighting.COUNTS.attach(raw);
        double[] x = weighted.twoThetaArray();
        double[] background = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            background[i] = 3 + 0.05 * x[i];
        }
        org.pxrd.diffraction.measured.MeasuredTarget measured = org.pxrd.diffraction.measured.MeasuredTarget.of(
                weighted, background, new org.pxrd.diffraction.measured.TwoThetaRange(25, 60));
        InstrumentSettings instrument = new InstrumentSettings(
                org.pxrd.diffraction.Radiation.parse("CuKa1").withDoublet(0.5), measured.simulationGrid(),
                new org.pxrd.diffraction.ProfileParameters(0.01, -0.004, 0.006, 0.4, 0.05),
                org.pxrd.diffraction.PeakNormalisation.UNIT_AREA, org.pxrd.diffraction.PatternScaling.RAW,
                org.pxrd.diffraction.TailMode.MULTILEVEL).withGoniometer(
                        org.pxrd.diffraction.Goniometer.IDEAL.withDisplacement(0.02));
        XrdSimulator simulator = RefineFixtures.ENGINE.simulators().defaultSimulator();
        org.pxrd.diffraction.InstrumentParameters all = org.pxrd.diffraction.InstrumentParameters.parse(
                "zero,scale,displacement,U,V,W,eta,alpha2Ratio");
        ParameterLayout layout = new ParameterLayout(start.size(), EnumSet.of(ParameterGroup.LATTICE,
                ParameterGroup.COORDINATES, ParameterGroup.INSTRUMENT), all);
        assertThat(layout.solvesScale()).isTrue();
        double[] theta = layout.vector(start, instrument);
        check(layout, new Objective(layout, simulator, start, instrument, measured, null, 1, null, 0), theta);
        PreparedLoss cosine = new LossRegistry(RefineFixtures.SOURCE).create("cosine").prepare(
                org.pxrd.losses.TwoThetaGrid.of(measured.twoTheta()));
        check(layout, new Objective(layout, simulator, start, instrument, measured, cosine, 1, null, 0), theta);
    }

    private static double[] vector(ParameterLayout layout, Structure s, InstrumentSettings instrument) {
        double[] v = new double[layout.size()];
        System.arraycopy(ParameterVector.of(s), 0, v, 0, layout.structureSize());
        System.arraycopy(instrument.profile().toArray(), 0, v, layout.offset(ParameterGroup.PROFILE), 5);
        // a zero shift and a wider W, so that the profile derivatives are generic
        v[layout.offset(ParameterGroup.PROFILE) + 2] = 0.13;
        v[layout.offset(ParameterGroup.PROFILE) + 4] = 0.02;
        return v;
    }

    /** Central differences of f for every entry, with a step suited to its unit. */
    private static void check(ParameterLayout layout, Objective objective, double[] theta) throws Exception {
        double[] gradient = new double[theta.length];
        double f = objective.evaluate(theta, gradient);
        assertThat(f).as(objective.problem()).isFinite();
        double[] scratch = new double[theta.length];
        double largest = 0;
        for (double g : gradient) {
            largest = Math.max(largest, Math.abs(g));
        }
        for (int i = 0; i < theta.length; i++) {
            double h = step(layout, i);
            double[] p = theta.clone();
            p[i] += h;
            double up = objective.evaluate(p, scratch);
            p[i] = theta[i] - h;
            double down = objective.evaluate(p, scratch);
            double numeric = (up - down) / (2 * h);
            assertThat(Math.abs(gradient[i] - numeric)).as("d f / d %s: analytic %s, central difference %s",
                    layout.names().get(i), gradient[i], numeric).isLessThan(TOLERANCE * largest);
        }
    }

    /** Å for lengths, degrees for angles and 2θ, fractional units for coordinates, deg² for U, V, W. */
    private static double step(ParameterLayout layout, int i) {
        if (i < 3) {
            return 1e-5;
        }
        if (i < 6) {
            return 1e-4;
        }
        return layout.isCoordinate(i) ? 1e-6 : 1e-5;
    }
}
