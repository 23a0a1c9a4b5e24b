package org.pxrd.optimization.potentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.optimization.TestStructures;
import org.pxrd.optimization.relax.RelaxOptions;
import org.pxrd.optimization.relax.RelaxationResult;
import org.pxrd.optimization.relax.Relaxer;
import org.pxrd.optimization.run.RunStatus;

/**
 * The sample third-party plugin {@code org.pxrd.examples.lab} (in this test runtime) contributes a Morse potential:
 * the registry finds it from its own bundle, it gives the closed-form energy and stress of a simple cubic crystal,
 * and it relaxes a cell like any built-in potential.
 */
class LabPotentialTest {

    private static final String ID = "org.pxrd.examples.lab.morse";
    private static final double D = 0.3429;
    private static final double ALPHA = 1.3588;
    private static final double R0 = 2.866;

    private final Potentials potentials = new Potentials(ExtensionSources.detect());

    private static double phi(double r) {
        double e = Math.exp(-ALPHA * (r - R0));
        return D * (e * e - 2 * e);
    }

    private static double dphi(double r) {
        double e = Math.exp(-ALPHA * (r - R0));
        return -2 * ALPHA * D * (e * e - e);
    }

    @Test
    void theLabPotentialIsFoundInItsOwnBundleWithItsSettings() {
        Contribution c = potentials.registry().find(ID).orElseThrow(() -> new AssertionError(
                "the lab bundle's potential is not in the test runtime: " + potentials.contributions()));
        assertThat(c.bundle()).isEqualTo("org.pxrd.examples.lab");
        assertThat(c.defaultSettings().asText()).containsEntry("depth", String.valueOf(D)).containsKey("cutoff");
        assertThat(potentials.registry().check()).doesNotContainKey(c);
    }

    @Test
    void aSimpleCubicCrystalHasTheClosedFormEnergyAndStress() throws Exception {
        // a = 2.7 Å, cutoff 3.5 Å < a·√2: the six nearest neighbours only, with the shifted-force pair function
        double a = 2.7;
        double rc = 3.5;
        Structure sc = new Structure("sc Cu", Lattice.cubic(a), List.of(Site.of(Element.Cu, 0, 0, 0)));
        try (Potential morse = potentials.create("morse", Map.of("cutoff", String.valueOf(rc)))) {
            PotentialResult r = morse.compute(sc);
            double phiSf = phi(a) - phi(rc) - (a - rc) * dphi(rc);
            double dphiSf = dphi(a) - dphi(rc);
            assertThat(r.energy()).isCloseTo(3 * phiSf, within(1e-14));
            assertThat(r.maxForce()).isLessThan(1e-14);
            // σ_xx = (1/V)·½·Σ φ_sf'(r) d_x²/r over the two neighbours along x = φ_sf'(a)/a²
            double[][] stress = r.stress();
            for (int k = 0; k < 3; k++) {
                assertThat(stress[k][k]).isCloseTo(dphiSf / (a * a), within(1e-14));
                assertThat(stress[k][(k + 1) % 3]).isCloseTo(0, within(1e-15));
            }
        }
    }

    @Test
    void itRelaxesAnFccCellToTheMinimumOfItsEnergy() throws Exception {
        try (Potential morse = potentials.create("morse", Map.of())) {
            RelaxationResult r = new Relaxer(morse, RelaxOptions.defaults().withFmax(1e-4).withMaxSteps(2000))
                    .relax(TestStructures.fcc(Element.Cu, 3.8));
            assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.CONVERGED);
            assertThat(r.energy()).isLessThan(r.initialEnergy());
            assertThat(Math.abs(r.last().pressureGPa())).isLessThan(0.05);
            // the cell shrank from 3.8 Å towards the Morse minimum (near the nearest-neighbour distance r0·√2)
            double edge = Math.cbrt(r.relaxed().lattice().volume());
            assertThat(edge).isLessThan(3.8).isGreaterThan(3.0);
        }
    }
}
