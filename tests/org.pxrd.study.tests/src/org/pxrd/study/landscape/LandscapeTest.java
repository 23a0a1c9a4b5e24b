package org.pxrd.study.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.examples.Examples;
import org.pxrd.model.Structure;
import org.pxrd.optimization.refine.StopRule;
import org.pxrd.optimization.run.CancellationToken;
import org.pxrd.study.landscape.LandscapeSlice.GridPoint;
import org.pxrd.study.landscape.LandscapeSlice.Kind;
import org.pxrd.study.landscape.LandscapeSlice.Trajectory;
import org.pxrd.study.run.TestStudies;

/** Loss landscapes: grid, minima, trajectories, options. */
class LandscapeTest {

    /** Equal up to rounding (the projector's output, a cosine of identical patterns). */
    private static final double ROUNDING = 1e-9;

    private static Structure example(String formula) {
        Path file = Examples.studyStructures().stream()
                .filter(p -> p.getFileName().toString().contains("_" + formula + "_")).findFirst().orElseThrow();
        return TestStudies.read(file);
    }

    private static LandscapeSlice compute(Structure truth, LandscapeOptions options, int threads) throws Exception {
        return new Landscape(ExtensionSources.detect()).compute(truth, options, threads, null, new CancellationToken());
    }

    @Test
    void theGridHasTheAxesAroundTheTruthAndDoesNotDependOnTheThreads() throws Exception {
        Structure truth = example("ScTe");
        double[] p = truth.lattice().parameters();
        LandscapeOptions options = LandscapeOptions.study(LatticeParameter.A, LatticeParameter.C, 0.1, 7, "mse", 0);
        LandscapeSlice one = compute(truth, options, 1);
        assertThat(one.xValues()).hasSize(7);
        assertThat(one.yValues()).hasSize(7);
        assertThat(one.values()).hasDimensions(7, 7);
        assertThat(one.xValues()[0]).isCloseTo(p[0] * 0.9, within(1e-12));
        assertThat(one.xValues()[6]).isCloseTo(p[0] * 1.1, within(1e-12));
        assertThat(one.yValues()[3]).isEqualTo(p[2]);
        assertThat(one.truthX()).isEqualTo(p[0]);
        // MSE of the truth's pattern with itself is 0, and positive anywhere else on the grid
        assertThat(one.value(3, 3)).isCloseTo(0, within(ROUNDING));
        assertThat(one.value(2, 3)).isPositive();
        LandscapeSlice two = compute(truth, options, 2);
        assertThat(two.values()).isEqualTo(one.values());
    }

    @Test
    void theCosineLossOfACubicStructureIsLowestAtTheTruth() throws Exception {
        Structure truth = example("MnCo");
        LandscapeSlice slice = compute(truth,
                LandscapeOptions.study(LatticeParameter.A, LatticeParameter.C, 0.2, 21, "cosine", 0), 2);
        GridPoint lowest = slice.lowest();
        assertThat(lowest.i()).isEqualTo(10);
        assertThat(lowest.j()).isEqualTo(10);
        assertThat(lowest.value()).isCloseTo(-1, within(ROUNDING));
        assertThat(slice.minima()).contains(lowest);
        assertThat(slice.loss()).isEqualTo("org.pxrd.losses.cosine");
    }

    @Test
    void strictMinimaOfTheEightNeighbourhoodOnASyntheticFunction() {
        // f(x, y) = (x^2 - 1)^2 + y^2 on x = -2..2, y = -1..1 in steps of 0.1: minima at (-1, 0) and (1, 0) only
        double[] xs = new double[41];
        double[] ys = new double[21];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -2 + 0.1 * i;
        }
        for (int j = 0; j < ys.length; j++) {
            ys[j] = -1 + 0.1 * j;
        }
        double[][] f = new double[ys.length][xs.length];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                f[j][i] = Math.pow(xs[i] * xs[i] - 1, 2) + ys[j] * ys[j];
            }
        }
        List<GridPoint> minima = LandscapeSlice.localMinima(xs, ys, f);
        assertThat(minima).extracting(GridPoint::i).containsExactly(10, 30);
        assertThat(minima).extracting(GridPoint::j).containsExactly(10, 10);
        // a NaN neighbour (no cell) does not hide a minimum; an equal neighbour (plateau) does
        f[10][11] = Double.NaN;
        assertThat(LandscapeSlice.localMinima(xs, ys, f)).hasSize(2);
        f[10][29] = f[10][30];
        assertThat(LandscapeSlice.localMinima(xs, ys, f)).extracting(GridPoint::i).containsExactly(10);
        // the border is never a minimum: its neighbourhood is cut off
        double[][] slope = {{0, 1, 2}, {1, 2, 3}, {2, 3, 4}};
        assertThat(LandscapeSlice.localMinima(new double[3], new double[3], slope)).isEmpty();
    }

    @Test
    void trajectoriesStartWhereTheyShouldAndTheConstrainedOnesKeepTheCellCubic() throws Exception {
        Structure truth = example("MnCo");
        LandscapeOptions options = LandscapeOptions.study(LatticeParameter.A, LatticeParameter.C, 0.2, 5, "cosine", 2);
        options = options.withRefinement(options.refinement().withStop(new StopRule(1e-4, 20, 60, Double.NaN)));
        LandscapeSlice slice = compute(truth, options, 2);
        assertThat(slice.trajectories()).hasSize(6);
        assertThat(slice.trajectories()).extracting(Trajectory::kind).containsExactly(Kind.UNCONSTRAINED,
                Kind.UNCONSTRAINED_FROM_CONSTRAINED_START, Kind.CONSTRAINED, Kind.UNCONSTRAINED,
                Kind.UNCONSTRAINED_FROM_CONSTRAINED_START, Kind.CONSTRAINED);
        for (int k = 0; k < 2; k++) {
            Trajectory free = slice.trajectories().get(3 * k);
            Trajectory fromConstrained = slice.trajectories().get(3 * k + 1);
            Trajectory constrained = slice.trajectories().get(3 * k + 2);
            assertThat(free.size()).isBetween(2, 61);
            // the distorted start breaks a = c; its projection onto the cubic family restores it
            assertThat(Math.abs(free.xs()[0] - free.ys()[0])).isGreaterThan(1e-4);
            assertThat(fromConstrained.xs()[0]).isCloseTo(fromConstrained.ys()[0], within(ROUNDING));
            assertThat(constrained.xs()[0]).isEqualTo(free.xs()[0]);
            double[] xs = constrained.xs();
            double[] ys = constrained.ys();
            for (int s = 1; s < xs.length; s++) {
                assertThat(ys[s]).as("step %d", s).isCloseTo(xs[s], within(ROUNDING));
            }
        }
    }

    @Test
    void badOptionsAreOneLineNamingTheProblem() {
        assertThatThrownBy(() -> LandscapeOptions.study(LatticeParameter.A, LatticeParameter.A, 0.2, 11, "cosine", 0))
                .hasMessage("the two parameters of a landscape must differ, got a twice");
        assertThatThrownBy(() -> LandscapeOptions.study(LatticeParameter.A, LatticeParameter.C, 1.5, 11, "cosine", 0))
                .hasMessage("the span must lie in (0, 1) (a relative half-width), got 1.5");
        assertThatThrownBy(() -> LandscapeOptions.study(LatticeParameter.A, LatticeParameter.C, 0.2, 2, "cosine", 0))
                .hasMessage("a landscape needs at least 3 steps per axis, got 2");
        assertThatThrownBy(() -> LatticeParameter.parse("q"))
                .hasMessage("unknown lattice parameter 'q' (known: a, b, c, alpha, beta, gamma)");
        assertThat(LatticeParameter.parse(" Gamma ")).isEqualTo(LatticeParameter.GAMMA);
        assertThatThrownBy(() -> compute(example("MnCo"),
                LandscapeOptions.study(LatticeParameter.A, LatticeParameter.C, 0.2, 3, "nosuchloss", 0), 1))
                .hasMessageContaining("nosuchloss");
    }
}
