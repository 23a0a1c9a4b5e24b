package org.pxrd.diffraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Peaks of crystals simple enough to write down by hand. */
class ClosedFormTest {

    private static final double LAMBDA = 1.5406;
    private static final InstrumentSettings RAW = InstrumentSettings.study(Radiation.of(LAMBDA))
            .withScaling(PatternScaling.RAW);

    private static double lp(double twoThetaDeg) {
        double t = Math.toRadians(twoThetaDeg / 2);
        return (1 + Math.pow(Math.cos(2 * t), 2)) / (Math.pow(Math.sin(t), 2) * Math.cos(t));
    }

    /**
     * Simple cubic copper, one atom at the origin: the (100) peak lies at 2θ = 2 asin(λ/2a), has the six reflections
     * ±(100), ±(010), ±(001) and intensity 6 f(s)² LP, with f from the shared copy of pymatgen's coefficients.
     */
    @Test
    void simpleCubicFirstPeak() throws Exception {
        double a = 3.1;
        Structure s = new Structure("sc Cu", Lattice.cubic(a), List.of(Site.of(Element.Cu, 0, 0, 0)));
        PeakList peaks = new PowderSimulator().peaks(s, RAW);
        Peak first = peaks.peaks().get(0);
        double twoTheta = 2 * Math.toDegrees(Math.asin(LAMBDA / (2 * a)));
        double s2 = 1 / (4 * a * a);
        JsonNode cu = new ObjectMapper().readTree(TestData.path("scattering/atomic_scattering_params.json").toFile())
                .get("Cu");
        double sum = 0;
        for (JsonNode pair : cu) {
            sum += pair.get(0).asDouble() * Math.exp(-pair.get(1).asDouble() * s2);
        }
        double f = 29 - 41.78214 * s2 * sum;
        assertThat(first.twoTheta()).isCloseTo(twoTheta, within(1e-12));
        assertThat(first.d()).isCloseTo(a, within(1e-12));
        assertThat(first.multiplicity()).isEqualTo(6);
        assertThat(first.families()).containsExactly(new HklFamily(1, 0, 0, 6));
        assertThat(first.intensity()).isCloseTo(6 * f * f * lp(twoTheta), within(1e-9 * first.intensity()));
        assertThat(new MottBetheScatteringTable().factor(Element.Cu).value(0)).isEqualTo(29);
    }

    /**
     * Face-centred cubic point scatterers (the test table plugged in through fragment.xml): reflections with mixed
     * parity are extinct, (111) has 8 reflections of |F| = 4Z, (200) 6 and (220) 12.
     */
    @Test
    void fccPointScatterersThroughAPluggedTable() throws Exception {
        ScatteringFactorTable table = new XrdSimulators(ExtensionSources.detect()).table("pointScatterers");
        double a = 4.05;
        Structure s = new Structure("fcc Al", Lattice.cubic(a), List.of(Site.of(Element.Al, 0, 0, 0),
                Site.of(Element.Al, 0.5, 0.5, 0), Site.of(Element.Al, 0.5, 0, 0.5), Site.of(Element.Al, 0, 0.5, 0.5)));
        PeakList peaks = new PowderSimulator(table).peaks(s, RAW);
        int[][] hkl = {{1, 1, 1}, {2, 0, 0}, {2, 2, 0}, {3, 1, 1}, {2, 2, 2}};
        int[] multiplicity = {8, 6, 12, 24, 8};
        assertThat(peaks.peaks()).hasSize(hkl.length);
        double f = 4 * 13;
        for (int i = 0; i < hkl.length; i++) {
            double d = a / Math.sqrt(hkl[i][0] * hkl[i][0] + hkl[i][1] * hkl[i][1] + hkl[i][2] * hkl[i][2]);
            double twoTheta = 2 * Math.toDegrees(Math.asin(LAMBDA / (2 * d)));
            Peak p = peaks.peaks().get(i);
            assertThat(p.twoTheta()).isCloseTo(twoTheta, within(1e-12));
            assertThat(p.multiplicity()).isEqualTo(multiplicity[i]);
            assertThat(p.families().get(0)).isEqualTo(new HklFamily(hkl[i][0], hkl[i][1], hkl[i][2], multiplicity[i]));
            assertThat(p.intensity()).isCloseTo(multiplicity[i] * f * f * lp(twoTheta), within(1e-9 * p.intensity()));
        }
    }

    /** Total multiplicities and hkl families agree with pymatgen's labels where peaks coincide. */
    @Test
    void familiesAgreeWithPymatgen() throws Exception {
        int compared = 0;
        for (var cif : References.cifs("paper10")) {
            JsonNode ref = new ObjectMapper().readTree(cif.getParent().getParent().resolve("xrd-peaks")
                    .resolve(References.name(cif) + ".json").toFile()).get("patterns").get("1.5406");
            PeakList peaks = new PowderSimulator().peaks(References.read(cif), RAW);
            for (Peak p : peaks.peaks()) {
                for (int i = 0; i < ref.get("two_theta").size(); i++) {
                    if (Math.abs(ref.get("two_theta").get(i).asDouble() - p.twoTheta()) < 1e-7) {
                        int total = 0;
                        for (JsonNode fam : ref.get("hkls").get(i)) {
                            total += fam.get("multiplicity").asInt();
                            JsonNode h = fam.get("hkl");
                            if (h.size() == 3) { // pymatgen writes hexagonal cells with 4 (Miller-Bravais) indices
                                assertThat(p.families()).contains(new HklFamily(h.get(0).asInt(), h.get(1).asInt(),
                                        h.get(2).asInt(), fam.get("multiplicity").asInt()));
                            }
                        }
                        assertThat(p.multiplicity()).as("%s at %.4f", cif.getFileName(), p.twoTheta()).isEqualTo(total);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(300);
    }
}
