package org.pxrd.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

/**
 * AMD against the {@code average-minimum-distance} package 1.6.1 ({@code paper10/amd_k100.csv}, {@code mp20-dev50/amd_k100.csv} and the AMD distances of the
 * development pairs) and against closed forms.
 */
class AverageMinimumDistanceTest {

    /** The bar: AMD values within 1e-9 relative of the reference package's. */
    static final double RELATIVE_TOLERANCE = 1e-9;
    /** Distances between AMDs of equivalent structures are rounding noise (1e-15 Å); compare them absolutely. */
    static final double ABSOLUTE_TOLERANCE = 1e-12;

    @ParameterizedTest
    @ValueSource(strings = {"paper10", "mp20-dev50"})
    void amdMatchesTheReferencePackage(String set) {
        Path dir = TestData.path(set);
        List<Map<String, String>> rows = Inputs.csv(dir.resolve("amd_k100.csv"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
        for (Map<String, String> r : rows) {
            String id = r.get("id");
            Structure s = Inputs.asPymatgenReadsIt(Inputs.read(dir.resolve("cif/" + id.substring(id.indexOf('/') + 1)
                    + ".cif")));
            double[] amd = AverageMinimumDistance.of(s, 100);
            for (int k = 1; k <= 100; k++) {
                double expected = Double.parseDouble(r.get("amd_" + k));
                assertThat(amd[k - 1]).as("%s AMD_%d", id, k).isCloseTo(expected, within(RELATIVE_TOLERANCE * expected));
            }
        }
    }

    @Test
    void rawCoordinatesDifferOnlyByTheRoundingOfThirds() {
        // the reference package read 0.333333 as 1/3: on the raw file the hexagonal ScTe differs by about 1e-8
        Structure raw = Inputs.read(TestData.path("paper10/cif/mp-10026_ScTe_sg194.cif"));
        double[] amd = AverageMinimumDistance.of(raw, 100);
        double[] snapped = AverageMinimumDistance.of(Inputs.asPymatgenReadsIt(raw), 100);
        double d = AverageMinimumDistance.distance(amd, snapped, AverageMinimumDistance.Metric.LINF);
        assertThat(d).isGreaterThan(1e-9).isLessThan(1e-6);
    }

    @Test
    void amdDistancesOfTheDevelopmentPairsMatchTheReferencePackage() {
        Path dir = TestData.path("matcher-dev");
        List<String> off = new ArrayList<>();
        for (Map<String, String> r : Inputs.csv(dir.resolve("verdicts.csv"))) {
            double[] a = AverageMinimumDistance.of(Inputs.asPymatgenReadsIt(Inputs.read(dir.resolve(r.get("file_A")))), 100);
            double[] b = AverageMinimumDistance.of(Inputs.asPymatgenReadsIt(Inputs.read(dir.resolve(r.get("file_B")))), 100);
            check(off, r.get("pair_id") + " linf", AverageMinimumDistance.distance(a, b, AverageMinimumDistance.Metric.LINF),
                    Double.parseDouble(r.get("amd100_linf")));
            check(off, r.get("pair_id") + " l2", AverageMinimumDistance.distance(a, b, AverageMinimumDistance.Metric.L2),
                    Double.parseDouble(r.get("amd100_l2")));
        }
        assertThat(off).isEmpty();
    }

    private static void check(List<String> off, String what, double ours, double expected) {
        if (!(Math.abs(ours - expected) <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(expected))) {
            off.add(what + ": " + ours + " vs " + expected);
        }
    }

    @Test
    void simpleCubicHasTheShellsOfTheIntegerLattice() {
        // shells of Z^3 scaled by a: 6 at a, 12 at a√2, 8 at a√3, 6 at 2a
        double a = 3.1;
        Structure sc = new Structure("sc", Lattice.cubic(a), List.of(Site.of(Element.of("Po"), 0, 0, 0)));
        double[] amd = AverageMinimumDistance.of(sc, 32);
        for (int k = 1; k <= 32; k++) {
            double expected = k <= 6 ? a : k <= 18 ? a * Math.sqrt(2) : k <= 26 ? a * Math.sqrt(3) : 2 * a;
            assertThat(amd[k - 1]).as("AMD_%d", k).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void amdIgnoresTheChoiceOfCellAndSpecies() {
        Structure s = Inputs.read(TestData.path("paper10/cif/mp-1009077_FeH_sg225.cif"));
        double[] amd = AverageMinimumDistance.of(s, 50);
        List<Site> relabelled = new ArrayList<>();
        for (Site site : s.sites()) {
            relabelled.add(site.withSpecies(org.pxrd.model.Species.of(Element.of("Na"))));
        }
        double[] other = AverageMinimumDistance.of(PrimitiveCellFinder.primitive(s.withSites(relabelled)), 50);
        assertThat(AverageMinimumDistance.distance(amd, other, AverageMinimumDistance.Metric.LINF)).isLessThan(1e-12);
    }

    @Test
    void badArgumentsAreNamed() {
        Structure sc = new Structure("sc", Lattice.cubic(3), List.of(Site.of(Element.of("Po"), 0, 0, 0)));
        assertThatThrownBy(() -> AverageMinimumDistance.of(sc, 0)).hasMessageContaining("k = 0");
        assertThatThrownBy(() -> AverageMinimumDistance.distance(new double[2], new double[3],
                AverageMinimumDistance.Metric.L2)).hasMessageContaining("different lengths");
        assertThatThrownBy(() -> AverageMinimumDistance.Metric.parse("l1")).hasMessageContaining("'l1'");
    }
}
