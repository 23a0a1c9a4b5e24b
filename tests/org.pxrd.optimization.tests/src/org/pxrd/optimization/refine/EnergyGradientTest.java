package org.pxrd.optimization.refine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pxrd.model.Lattice;
import org.pxrd.model.Structure;
import org.pxrd.optimization.TestStructures;
import org.pxrd.optimization.potentials.Potential;
import org.pxrd.optimization.potentials.PotentialResult;
import org.pxrd.optimization.potentials.Potentials;

/**
 * {@link EnergyGradient}: the derivatives of a potential's energy with respect to a, b, c, α, β, γ and the fractional
 * coordinates, from its forces and stress, against central differences of the energy itself (UFF Lennard-Jones on
 * a triclinic noble-gas cell, where no derivative vanishes by symmetry).
 */
class EnergyGradientTest {

    /** Central-difference steps: Å for lengths, degrees for angles, fractional units for coordinates. */
    private static final double H_LENGTH = 1e-5;
    private static final double H_ANGLE = 1e-4;
    private static final double H_FRACTION = 1e-6;
    /** Relative agreement: O(h²) truncation (≈1e-9 for these pair energies) plus round-off of E/h (≈1e-11). */
    private static final double TOLERANCE = 1e-6;

    @Test
    void latticeAndCoordinateDerivativesAreThoseOfTheEnergy() throws Exception {
        double[][] cell = {{5.1, 0.2, -0.3}, {0.4, 4.8, 0.1}, {-0.6, 0.5, 5.5}};
        Structure s = TestStructures.of(cell, new String[] {"Ar", "Kr", "Ar"},
                new double[][] {{0.02, 0.03, 0.01}, {0.51, 0.47, 0.05}, {0.24, 0.52, 0.56}});
        try (Potential lj = new Potentials(RefineFixtures.SOURCE).create("lj-uff", Map.of("cutoff", "8"))) {
            PotentialResult r = lj.compute(s);
            double[] lattice = new double[6];
            double[] coordinates = new double[9];
            EnergyGradient.add(r, s.lattice(), 1, lattice, coordinates);
            double[] p = s.lattice().parameters();
            for (int k = 0; k < 6; k++) {
                double h = k < 3 ? H_LENGTH : H_ANGLE;
                double[] up = p.clone();
                double[] down = p.clone();
                up[k] += h;
                down[k] -= h;
                double numeric = (energy(lj, s.withLattice(Lattice.fromParameters(up)))
                        - energy(lj, s.withLattice(Lattice.fromParameters(down)))) / (2 * h);
                assertThat(lattice[k]).as("dE/d lattice parameter %d", k)
                        .isCloseTo(numeric, org.assertj.core.data.Offset.offset(TOLERANCE * Math.abs(numeric) + 1e-9));
            }
            for (int i = 0; i < 9; i++) {
                double[][] f = s.fracCoords();
                f[i / 3][i % 3] += H_FRACTION;
                double eUp = energy(lj, s.withFracCoords(f));
                f[i / 3][i % 3] -= 2 * H_FRACTION;
                double numeric = (eUp - energy(lj, s.withFracCoords(f))) / (2 * H_FRACTION);
                assertThat(coordinates[i]).as("dE/d coordinate %d", i)
                        .isCloseTo(numeric, org.assertj.core.data.Offset.offset(TOLERANCE * Math.abs(numeric) + 1e-9));
            }
        }
    }

    private static double energy(Potential p, Structure s) throws Exception {
        return p.compute(s).energy();
    }
}
