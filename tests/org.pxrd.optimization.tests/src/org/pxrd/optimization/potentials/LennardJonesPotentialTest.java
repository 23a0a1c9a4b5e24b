package org.pxrd.optimization.potentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Species;
import org.pxrd.model.Structure;
import org.pxrd.optimization.TestStructures;
import org.pxrd.optimization.potentials.LennardJonesPotential.Combination;
import org.pxrd.testdata.ReferenceJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The UFF Lennard-Jones potential: its parameters are the published ones, its energy, forces and stress equal
 * an independent numpy implementation, and its forces and stress are the derivatives of its energy.
 */
class LennardJonesPotentialTest {

    /** Central difference step in Å (positions) and in strain: small enough for O(h²) errors near 1e-10. */
    private static final double H = 1e-5;
    /**
     * Agreement of analytic and finite-difference derivatives: the O(h²) truncation error of central differences
     * (E''' h² ≈ 1e-9 for these stiff pairs) plus round-off (1e-16·|E|/h ≈ 1e-12).
     */
    private static final double FD_TOLERANCE = 1e-7;
    /** Agreement with the numpy oracle: both sum the same finite series in double precision. */
    private static final double ORACLE_TOLERANCE = 1e-12;

    private static final double[][] TRICLINIC = {{5.1, 0.2, -0.3}, {0.4, 4.8, 0.1}, {-0.6, 0.5, 5.5}};

    private static Structure mixture() {
        return TestStructures.of(TRICLINIC, new String[] {"Ar", "Kr", "Xe", "Ar", "Ne"},
                new double[][] {{0.02, 0.03, 0.01}, {0.51, 0.47, 0.05}, {0.49, 0.02, 0.53}, {0.04, 0.52, 0.46},
                    {0.26, 0.24, 0.77}});
    }

    @Test
    void uffTableHoldsThePublishedParameters() {
        UffParameters uff = UffParameters.standard();
        assertThat(uff.size()).isEqualTo(103); // H to Lr
        // Rappé et al. 1992, Table 1: x_I (Å) and D_I (kcal/mol)
        Object[][] published = {{Element.H, 2.886, 0.044}, {Element.C, 3.851, 0.105}, {Element.O, 3.500, 0.060},
            {Element.Si, 4.295, 0.402}, {Element.Ar, 3.868, 0.185}, {Element.Cu, 3.495, 0.005},
            {Element.Au, 3.293, 0.039}, {Element.Xe, 4.404, 0.332}, {Element.U, 3.395, 0.022},
            {Element.Lr, 3.236, 0.011}};
        for (Object[] row : published) {
            UffParameters.Entry e = uff.get((Element) row[0]).orElseThrow();
            assertThat(e.x()).as("x of %s", row[0]).isEqualTo((double) row[1]);
            assertThat(e.dKcalPerMol()).as("D of %s", row[0]).isEqualTo((double) row[2]);
        }
        assertThat(uff.get(Element.Rf)).isEmpty();
        // 1 kcal/mol = 0.0433641 eV (CODATA)
        assertThat(UffParameters.EV_PER_KCAL_PER_MOL).isCloseTo(0.0433641, within(1e-7));
    }

    @Test
    void combinationRulesAreUffsGeometricMeanOrLorentzBerthelot() throws PotentialException {
        double xAr = 3.868;
        double xXe = 4.404;
        double dEv = Math.sqrt(0.185 * 0.332) * UffParameters.EV_PER_KCAL_PER_MOL;
        double[] geometric = new LennardJonesPotential(10, Combination.GEOMETRIC).pairParameters(Element.Ar, Element.Xe);
        assertThat(geometric[0]).isCloseTo(Math.sqrt(xAr * xXe), within(1e-15));
        assertThat(geometric[1]).isCloseTo(dEv, within(1e-15));
        double[] lb = new LennardJonesPotential(10, Combination.LORENTZ_BERTHELOT).pairParameters(Element.Ar, Element.Xe);
        assertThat(lb[0]).isCloseTo((xAr + xXe) / 2, within(1e-15));
        assertThat(lb[1]).isCloseTo(dEv, within(1e-15));
    }

    @Test
    void aDimerHasTheShiftedForcePairEnergy() throws PotentialException {
        double cutoff = 10;
        double x = 3.868;
        double d = 0.185 * UffParameters.EV_PER_KCAL_PER_MOL;
        LennardJonesPotential lj = new LennardJonesPotential(cutoff, Combination.GEOMETRIC);
        for (double r : new double[] {3.2, x, 4.5, 7.0, 9.99}) {
            // two atoms on the z axis of a box too large for any other image to reach
            Structure dimer = new Structure("dimer", Lattice.cubic(30), List.of(Site.of(Element.Ar, 0, 0, 0),
                    Site.of(Element.Ar, 0, 0, r / 30)));
            PotentialResult result = lj.compute(dimer);
            double phi = d * (Math.pow(x / r, 12) - 2 * Math.pow(x / r, 6));
            double phiC = d * (Math.pow(x / cutoff, 12) - 2 * Math.pow(x / cutoff, 6));
            double dPhi = -12 * d / r * (Math.pow(x / r, 12) - Math.pow(x / r, 6));
            double dPhiC = -12 * d / cutoff * (Math.pow(x / cutoff, 12) - Math.pow(x / cutoff, 6));
            assertThat(result.energy()).as("E at r = %s", r).isCloseTo(phi - phiC - (r - cutoff) * dPhiC, within(1e-14));
            // the force on the second atom is −dφ_sf/dr along +z, on the first the opposite
            assertThat(result.force(1)[2]).isCloseTo(-(dPhi - dPhiC), within(1e-13));
            assertThat(result.force(0)[2]).isCloseTo(dPhi - dPhiC, within(1e-13));
            assertThat(result.force(1)[0]).isZero();
        }
        // at the distance x the untruncated pair energy is its minimum −D and the untruncated force vanishes
        Structure atMinimum = new Structure("dimer", Lattice.cubic(30), List.of(Site.of(Element.Ar, 0, 0, 0),
                Site.of(Element.Ar, 0, 0, x / 30)));
        double phiC = d * (Math.pow(x / cutoff, 12) - 2 * Math.pow(x / cutoff, 6));
        double dPhiC = -12 * d / cutoff * (Math.pow(x / cutoff, 12) - Math.pow(x / cutoff, 6));
        PotentialResult minimum = lj.compute(atMinimum);
        assertThat(minimum.energy() + phiC + (x - cutoff) * dPhiC).isCloseTo(-d, within(1e-15));
        assertThat(minimum.force(1)[2]).isCloseTo(dPhiC, within(1e-15));
        // energy and force vanish continuously at the cutoff
        Structure atCutoff = new Structure("dimer", Lattice.cubic(30), List.of(Site.of(Element.Ar, 0, 0, 0),
                Site.of(Element.Ar, 0, 0, (cutoff - 1e-7) / 30)));
        assertThat(lj.compute(atCutoff).energy()).isCloseTo(0, within(1e-15));
        assertThat(lj.compute(atCutoff).maxForce()).isCloseTo(0, within(1e-10));
    }

    @Test
    void energyForcesAndStressEqualAnIndependentLatticeSum() throws PotentialException {
        JsonNode points = ReferenceJson.read(LennardJonesPotentialTest.class, "lj-reference.json").get("points");
        assertThat(points.size()).isEqualTo(4);
        for (JsonNode p : points) {
            LennardJonesPotential lj = new LennardJonesPotential(p.get("cutoff").asDouble(),
                    Combination.parse(p.get("combination").asText()));
            PotentialResult r = lj.compute(TestStructures.of(p));
            String what = p.get("combination").asText() + " cutoff " + p.get("cutoff").asDouble();
            assertThat(r.energy()).as(what).isCloseTo(p.get("energy").asDouble(), within(ORACLE_TOLERANCE));
            assertMatrix(r.forces(), ReferenceJson.matrix(p.get("forces")), ORACLE_TOLERANCE, what + " forces");
            assertMatrix(r.stress(), ReferenceJson.matrix(p.get("stress")), ORACLE_TOLERANCE, what + " stress");
        }
    }

    @Test
    void forcesAreMinusTheGradientOfTheEnergy() throws PotentialException {
        for (Combination rule : Combination.values()) {
            LennardJonesPotential lj = new LennardJonesPotential(8, rule);
            Structure s = mixture();
            double[][] forces = lj.compute(s).forces();
            for (int i = 0; i < s.size(); i++) {
                for (int k = 0; k < 3; k++) {
                    double[] step = new double[3];
                    step[k] = H;
                    double plus = lj.compute(TestStructures.displaced(s, i, step)).energy();
                    step[k] = -H;
                    double minus = lj.compute(TestStructures.displaced(s, i, step)).energy();
                    assertThat(forces[i][k]).as("F[%d][%d] (%s)", i, k, rule)
                            .isCloseTo(-(plus - minus) / (2 * H), within(FD_TOLERANCE));
                }
            }
        }
    }

    @Test
    void stressIsTheStrainDerivativeOfTheEnergyPerVolume() throws PotentialException {
        LennardJonesPotential lj = new LennardJonesPotential(8, Combination.GEOMETRIC);
        Structure s = mixture();
        double[][] stress = lj.compute(s).stress();
        double volume = s.lattice().volume();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                // a symmetric strain ε_ab = ε_ba = h/2 (h on the diagonal): dE = V·σ_ab·h
                double[][] e = new double[3][3];
                e[a][b] += H / 2;
                e[b][a] += H / 2;
                double plus = lj.compute(TestStructures.strained(s, e)).energy();
                e[a][b] -= H;
                e[b][a] -= H;
                double minus = lj.compute(TestStructures.strained(s, e)).energy();
                assertThat(stress[a][b]).as("stress[%d][%d]", a, b)
                        .isCloseTo((plus - minus) / (2 * H) / volume, within(FD_TOLERANCE / volume));
            }
        }
        assertThat(stress[0][1]).isEqualTo(stress[1][0]);
    }

    @Test
    void aSupercellHasTwiceTheEnergyAndTheSameStress() throws PotentialException {
        LennardJonesPotential lj = new LennardJonesPotential(9, Combination.GEOMETRIC);
        Structure s = mixture();
        double[][] m = s.lattice().matrix();
        double[][] doubled = {{2 * m[0][0], 2 * m[0][1], 2 * m[0][2]}, m[1], m[2]};
        java.util.ArrayList<Site> sites = new java.util.ArrayList<>();
        for (Site site : s.sites()) {
            double[] f = site.frac();
            sites.add(site.withFrac(new double[] {f[0] / 2, f[1], f[2]}));
            sites.add(site.withFrac(new double[] {f[0] / 2 + 0.5, f[1], f[2]}));
        }
        Structure supercell = new Structure("2x1x1", Lattice.fromMatrix(doubled), sites);
        PotentialResult one = lj.compute(s);
        PotentialResult two = lj.compute(supercell);
        assertThat(two.energy()).isCloseTo(2 * one.energy(), within(1e-12));
        assertMatrix(two.stress(), one.stress(), 1e-13, "stress");
        for (int i = 0; i < s.size(); i++) {
            assertMatrix(new double[][] {two.force(2 * i), two.force(2 * i + 1)},
                    new double[][] {one.force(i), one.force(i)}, 1e-12, "force on the copies of site " + i);
        }
    }

    @Test
    void rigidTranslationChangesNothing() throws PotentialException {
        LennardJonesPotential lj = new LennardJonesPotential(8, Combination.GEOMETRIC);
        Structure s = mixture();
        double[][] frac = s.fracCoords();
        for (double[] f : frac) {
            f[0] += 0.37;
            f[1] -= 0.21;
            f[2] += 0.93;
        }
        PotentialResult moved = lj.compute(s.withFracCoords(frac));
        PotentialResult original = lj.compute(s);
        assertThat(moved.energy()).isCloseTo(original.energy(), within(1e-12));
        assertMatrix(moved.forces(), original.forces(), 1e-12, "forces");
        double total = 0;
        for (double[] f : original.forces()) {
            total += Math.abs(f[0] + f[1] + f[2]);
        }
        assertThat(total).isGreaterThan(0.01); // the test structure is far from equilibrium
    }

    @Test
    void problemsAreOneLineErrors() {
        LennardJonesPotential lj = new LennardJonesPotential(8, Combination.GEOMETRIC);
        Structure partial = new Structure("partial", Lattice.cubic(5), List.of(
                new Site(Species.of(Element.Ar), new double[] {0, 0, 0}, 0.5, Double.NaN, "Ar1")));
        assertThatThrownBy(() -> lj.compute(partial)).isInstanceOf(PotentialException.class)
                .hasMessageContaining("occupancy 0.5");
        Structure rutherfordium = new Structure("rf", Lattice.cubic(5), List.of(Site.of(Element.Rf, 0, 0, 0)));
        assertThatThrownBy(() -> lj.compute(rutherfordium)).hasMessageContaining("no parameters for Rf");
        Structure overlap = new Structure("overlap", Lattice.cubic(5), List.of(Site.of(Element.Ar, 0, 0, 0),
                Site.of(Element.Ar, 0, 0, 1e-5)));
        assertThatThrownBy(() -> lj.compute(overlap)).hasMessageContaining("overlap");
        assertThatThrownBy(() -> new LennardJonesPotential(-1, Combination.GEOMETRIC)).hasMessageContaining("cutoff");
        assertThatThrownBy(() -> Combination.parse("arithmetic")).hasMessageContaining("lorentz-berthelot");
    }

    @Test
    void registryCreatesBothBuiltInsWithTheirDeclaredSettings() throws Exception {
        Potentials potentials = new Potentials(org.pxrd.core.extensions.ExtensionSources.detect());
        assertThat(potentials.contributions()).extracting(c -> c.id())
                .contains("org.pxrd.optimization.lj-uff", "org.pxrd.optimization.ase");
        try (Potential p = potentials.create("lj-uff", Map.of("cutoff", "7.5", "combination", "lorentz-berthelot"))) {
            assertThat(p).isInstanceOf(LennardJonesPotential.class);
            assertThat(((LennardJonesPotential) p).cutoff()).isEqualTo(7.5);
            assertThat(((LennardJonesPotential) p).combination()).isEqualTo(Combination.LORENTZ_BERTHELOT);
        }
        assertThatThrownBy(() -> potentials.create("lj-uff", Map.of("cutof", "7")))
                .hasMessageContaining("unknown setting 'cutof'").hasMessageContaining("cutoff");
        assertThatThrownBy(() -> potentials.create("lj-uff", Map.of("cutoff", "0.1")))
                .hasMessageContaining("cutoff");
        assertThatThrownBy(() -> potentials.create("no-such", Map.of()))
                .hasMessageContaining("unknown id 'no-such'").hasMessageContaining("org.pxrd.optimization.lj-uff");
        assertThat(potentials.registry().check()).isEmpty();
    }

    static void assertMatrix(double[][] actual, double[][] expected, double tolerance, String what) {
        assertThat(actual.length).as(what).isEqualTo(expected.length);
        for (int i = 0; i < actual.length; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(actual[i][j]).as("%s [%d][%d]", what, i, j).isCloseTo(expected[i][j], within(tolerance));
            }
        }
    }
}
