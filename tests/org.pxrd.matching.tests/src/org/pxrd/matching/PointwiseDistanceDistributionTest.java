package org.pxrd.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

/**
 * PDD and its earth mover's distance against an independent implementation (pymatgen neighbour lists and
 * scipy's linear programming solver, {@code data/pdd_emd_reference.csv}) and against the theory (AMD is the
 * weighted mean of the rows; the AMD L∞ distance bounds the EMD from below).
 */
class PointwiseDistanceDistributionTest {

    /** The linear program is solved to about 1e-9 (HiGHS feasibility tolerances); ours is exact on integers. */
    static final double EMD_TOLERANCE = 1e-8;

    @Test
    void emdMatchesTheLinearProgram() {
        Path dev = TestData.path("matcher-dev");
        Map<String, Map<String, String>> pairs = new java.util.HashMap<>();
        for (Map<String, String> r : Inputs.csv(dev.resolve("verdicts.csv"))) {
            pairs.put(r.get("pair_id"), r);
        }
        List<Map<String, String>> reference = Inputs.csv(Inputs.ownData("pdd_emd_reference.csv"));
        assertThat(reference).hasSizeGreaterThan(30);
        for (Map<String, String> r : reference) {
            Map<String, String> pair = pairs.get(r.get("pair_id"));
            int k = Integer.parseInt(r.get("k"));
            PointwiseDistanceDistribution a = PointwiseDistanceDistribution.of(
                    Inputs.asPymatgenReadsIt(Inputs.read(dev.resolve(pair.get("file_A")))), k);
            PointwiseDistanceDistribution b = PointwiseDistanceDistribution.of(
                    Inputs.asPymatgenReadsIt(Inputs.read(dev.resolve(pair.get("file_B")))), k);
            String what = r.get("pair_id") + " " + r.get("kind") + " k=" + k;
            assertThat(a.rowCount()).as(what + " rows of A").isEqualTo(Integer.parseInt(r.get("rows_A")));
            assertThat(b.rowCount()).as(what + " rows of B").isEqualTo(Integer.parseInt(r.get("rows_B")));
            assertThat(a.emd(b)).as(what).isCloseTo(Double.parseDouble(r.get("emd")), within(EMD_TOLERANCE));
            assertThat(b.emd(a)).as(what + " (symmetric)").isCloseTo(a.emd(b), within(1e-12));
        }
    }

    @Test
    void amdIsTheWeightedMeanOfTheRowsAndBoundsTheEmd() {
        Path dev = TestData.path("matcher-dev");
        for (Map<String, String> r : Inputs.csv(dev.resolve("verdicts.csv")).subList(0, 44)) {
            Structure sa = Inputs.read(dev.resolve(r.get("file_A")));
            Structure sb = Inputs.read(dev.resolve(r.get("file_B")));
            PointwiseDistanceDistribution a = PointwiseDistanceDistribution.of(sa, 30, 0);
            PointwiseDistanceDistribution b = PointwiseDistanceDistribution.of(sb, 30, 0);
            double[] amdA = AverageMinimumDistance.of(sa, 30);
            assertThat(AverageMinimumDistance.distance(a.averageMinimumDistance(), amdA,
                    AverageMinimumDistance.Metric.LINF)).isLessThan(1e-12);
            double amdDistance = AverageMinimumDistance.distance(amdA, AverageMinimumDistance.of(sb, 30),
                    AverageMinimumDistance.Metric.LINF);
            assertThat(a.emd(b)).as(r.get("pair_id")).isGreaterThanOrEqualTo(amdDistance - 1e-12);
        }
    }

    @Test
    void twoLatticesDifferByTheirLargestNeighbourShift() {
        // one atom per cell: a single row each, so EMD is the L∞ distance between the rows
        Structure a = new Structure("a", Lattice.cubic(3.0), List.of(Site.of(Element.of("Cu"), 0, 0, 0)));
        Structure b = new Structure("b", Lattice.cubic(3.3), List.of(Site.of(Element.of("Cu"), 0.5, 0.5, 0.5)));
        PointwiseDistanceDistribution pa = PointwiseDistanceDistribution.of(a, 20);
        assertThat(pa.rowCount()).isEqualTo(1);
        assertThat(pa.weight(0)).isEqualTo(1.0);
        // the 20th neighbour of a simple cubic lattice is at a√3
        assertThat(pa.emd(PointwiseDistanceDistribution.of(b, 20))).isCloseTo(0.3 * Math.sqrt(3), within(1e-12));
    }

    @Test
    void rowsCollapseWithTheirWeights() {
        // CsCl type: both atoms see the same distances (8 at a√3/2, then 6 at a): one row of weight 1
        Structure cscl = new Structure("CsCl", Lattice.cubic(4.1),
                List.of(Site.of(Element.of("Cs"), 0, 0, 0), Site.of(Element.of("Cl"), 0.5, 0.5, 0.5)));
        PointwiseDistanceDistribution p = PointwiseDistanceDistribution.of(cscl, 14);
        assertThat(p.rowCount()).isEqualTo(1);
        assertThat(p.weight(0)).isEqualTo(1.0);
        assertThat(p.motifSize()).isEqualTo(2);
        assertThat(p.row(0)[7]).isCloseTo(4.1 * Math.sqrt(3) / 2, within(1e-12));
        assertThat(p.row(0)[8]).isCloseTo(4.1, within(1e-12));
        // three atoms on a line at x = 0, 1.5, 3 Å in a 6 Å period: the two outer atoms see the same distances,
        // the middle one sees two neighbours at 1.5 Å, so two rows of weights 1/3 (first in lexicographic order) and 2/3
        Structure chain = new Structure("chain", Lattice.fromParameters(6, 3.5, 4, 90, 90, 90),
                List.of(Site.of(Element.of("Po"), 0, 0, 0), Site.of(Element.of("Po"), 0.25, 0, 0),
                        Site.of(Element.of("Po"), 0.5, 0, 0)));
        PointwiseDistanceDistribution q = PointwiseDistanceDistribution.of(chain, 4);
        assertThat(q.rowCount()).isEqualTo(2);
        assertThat(q.weight(0)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(q.weight(1)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(q.row(0)).containsExactly(new double[] {1.5, 1.5, 3.5, 3.5}, within(1e-12));
        assertThat(q.row(1)).containsExactly(new double[] {1.5, 3, 3, 3.5}, within(1e-12));
    }
}
