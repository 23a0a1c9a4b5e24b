package org.pxrd.optimization.relax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.pxrd.model.Structure;
import org.pxrd.optimization.TestStructures;
import org.pxrd.optimization.potentials.LennardJonesPotential;
import org.pxrd.optimization.potentials.LennardJonesPotential.Combination;
import org.pxrd.optimization.run.EvaluationException;

/**
 * The cell filter's gradient is the exact gradient of the energy in its coordinates (atoms in the reference
 * frame and the scaled deformation gradient), also away from D = I.
 */
class CellFilterTest {

    /** Central difference step in the filter's coordinates (Å for atoms, κ·strain for the cell). */
    private static final double H = 1e-5;
    /** O(h²) truncation plus round-off, as in the potential's own gradient tests. */
    private static final double FD_TOLERANCE = 1e-7;

    private static Structure start() {
        return TestStructures.of(new double[][] {{5.1, 0.2, -0.3}, {0.4, 4.8, 0.1}, {-0.6, 0.5, 5.5}},
                new String[] {"Ar", "Kr", "Ar", "Xe"},
                new double[][] {{0.02, 0.03, 0.01}, {0.51, 0.47, 0.05}, {0.49, 0.02, 0.53}, {0.04, 0.52, 0.46}});
    }

    @Test
    void gradientIsTheFiniteDifferenceOfTheEnergyAtADeformedCell() throws EvaluationException {
        Structure s = start();
        CellFilter filter = new CellFilter(s, new LennardJonesPotential(8, Combination.GEOMETRIC), true);
        double[] x = filter.initialCoordinates();
        assertThat(x).hasSize(3 * s.size() + 9);
        // move away from D = I (a sheared, stretched cell) and displace the atoms
        int cell = 3 * s.size();
        double kappa = s.size();
        double[] deformation = {1.03, 0.02, -0.01, 0.015, 0.98, 0.01, -0.02, 0.005, 1.01};
        for (int k = 0; k < 9; k++) {
            x[cell + k] = kappa * deformation[k];
        }
        for (int i = 0; i < cell; i++) {
            x[i] += 0.05 * Math.sin(1.7 * i);
        }
        double[] gradient = filter.evaluate(x).gradient();
        for (int k = 0; k < x.length; k++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[k] += H;
            minus[k] -= H;
            double fd = (filter.evaluate(plus).value() - filter.evaluate(minus).value()) / (2 * H);
            assertThat(gradient[k]).as("coordinate %d", k).isCloseTo(fd, within(FD_TOLERANCE));
        }
    }

    @Test
    void atTheStartTheCoordinatesAreTheStructureAndTheGradientTheForces() throws EvaluationException {
        Structure s = start();
        LennardJonesPotential lj = new LennardJonesPotential(8, Combination.GEOMETRIC);
        CellFilter filter = new CellFilter(s, lj, true);
        Point<CellFilter.Evaluated> p = filter.evaluate(filter.initialCoordinates());
        assertThat(p.state().structure().lattice().parametersEqual(s.lattice(), 1e-12, 1e-10)).isTrue();
        double[][] forces = lj.compute(s).forces();
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < 3; k++) {
                assertThat(p.gradient()[3 * i + k]).isCloseTo(-forces[i][k], within(1e-12));
            }
        }
        // the cell rows carry V·σ/κ at D = I
        double[][] stress = lj.compute(s).stress();
        double scale = s.lattice().volume() / s.size();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertThat(p.gradient()[3 * s.size() + 3 * a + b]).isCloseTo(scale * stress[a][b], within(1e-12));
            }
        }
        CellFilter fixed = new CellFilter(s, lj, false);
        assertThat(fixed.initialCoordinates()).hasSize(3 * s.size());
        assertThat(fixed.evaluate(fixed.initialCoordinates()).gradient()).hasSize(3 * s.size());
    }
}
