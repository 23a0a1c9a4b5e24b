package org.pxrd.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pxrd.model.Structure;

/**
 * Pairs from MP-20 structures outside the development set ({@code data/matcher-extra}, made by
 * {@code scripts/make_extra_pairs.py} with pymatgen 2022.11.7): verdicts under the study's tolerances, swapped,
 * pymatgen's defaults, without scaling, with {@code attempt_supercell} and with {@code allow_subset}; rms where both
 * match; AMD of the unseen structures against pymatgen's neighbour lists.
 */
class ExtraPairsTest {

    private static Path dir;
    private static List<Map<String, String>> rows;
    private static List<Structure[]> pairs;

    @BeforeAll
    static void readPairs() {
        dir = Inputs.ownData("matcher-extra");
        rows = Inputs.csv(dir.resolve("verdicts.csv"));
        Map<String, Structure> cache = new HashMap<>();
        pairs = new ArrayList<>();
        for (Map<String, String> r : rows) {
            Structure a = cache.computeIfAbsent(r.get("file_A"), f -> Inputs.read(dir.resolve(f)));
            pairs.add(new Structure[] {a, Inputs.read(dir.resolve(r.get("file_B")))});
        }
        assertThat(rows).hasSizeGreaterThan(600);
    }

    @Test
    void verdictsAndRmsAgreeWithPymatgen() {
        StructureMatcher matcher = new StructureMatcher();
        List<String> disagreements = new ArrayList<>();
        List<String> rmsOff = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i);
            MatchResult result = matcher.match(pairs.get(i)[0], pairs.get(i)[1]);
            boolean reference = Boolean.parseBoolean(r.get("fit_paper"));
            if (result.match() != reference) {
                disagreements.add(r.get("pair_id") + " " + r.get("kind"));
            } else if (reference && !(Math.abs(result.rms() - Double.parseDouble(r.get("rms_paper")))
                    <= StructureMatcherReferenceTest.RMS_TOLERANCE)) {
                rmsOff.add(r.get("pair_id") + " " + result.rms() + " vs " + r.get("rms_paper"));
            }
        }
        assertAgreement(disagreements);
        assertThat(rmsOff).isEmpty();
    }

    @Test
    void optionVerdictsAgreeWithPymatgen() {
        Map<String, StructureMatcher> matchers = Map.of(
                "fit_default", new StructureMatcher(MatchOptions.PYMATGEN_DEFAULTS),
                "fit_paper_noscale", new StructureMatcher(MatchOptions.STUDY.withScale(false)),
                "fit_supercell", new StructureMatcher(MatchOptions.STUDY.withPrimitiveCell(false).withAttemptSupercell(true)),
                "fit_subset", new StructureMatcher(MatchOptions.STUDY.withAllowSubset(true).withAttemptSupercell(true)));
        for (Map.Entry<String, StructureMatcher> e : matchers.entrySet()) {
            List<String> disagreements = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (e.getValue().fit(pairs.get(i)[0], pairs.get(i)[1]) != Boolean.parseBoolean(rows.get(i).get(e.getKey()))) {
                    disagreements.add(rows.get(i).get("pair_id") + " " + rows.get(i).get("kind"));
                }
            }
            assertAgreement(disagreements);
        }
        List<String> swapped = new ArrayList<>();
        StructureMatcher study = new StructureMatcher();
        for (int i = 0; i < rows.size(); i++) {
            if (study.fit(pairs.get(i)[1], pairs.get(i)[0]) != Boolean.parseBoolean(rows.get(i).get("fit_paper_BA"))) {
                swapped.add(rows.get(i).get("pair_id"));
            }
        }
        assertAgreement(swapped);
    }

    @Test
    void amdOfUnseenStructuresMatchesPymatgensNeighbourLists() {
        List<Map<String, String>> amds = Inputs.csv(dir.resolve("amd_k100.csv"));
        assertThat(amds).hasSizeGreaterThanOrEqualTo(30);
        for (Map<String, String> r : amds) {
            double[] amd = AverageMinimumDistance.of(Inputs.asPymatgenReadsIt(Inputs.read(dir.resolve(r.get("file")))), 100);
            for (int k = 1; k <= 100; k++) {
                double expected = Double.parseDouble(r.get("amd_" + k));
                assertThat(amd[k - 1]).as("%s AMD_%d", r.get("file"), k)
                        .isCloseTo(expected, within(AverageMinimumDistanceTest.RELATIVE_TOLERANCE * expected));
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            double[] a = AverageMinimumDistance.of(Inputs.asPymatgenReadsIt(pairs.get(i)[0]), 100);
            double[] b = AverageMinimumDistance.of(Inputs.asPymatgenReadsIt(pairs.get(i)[1]), 100);
            double expected = Double.parseDouble(rows.get(i).get("amd100_linf"));
            assertThat(AverageMinimumDistance.distance(a, b, AverageMinimumDistance.Metric.LINF)).as(rows.get(i).get("pair_id"))
                    .isCloseTo(expected, within(AverageMinimumDistanceTest.ABSOLUTE_TOLERANCE
                            + AverageMinimumDistanceTest.RELATIVE_TOLERANCE * expected));
        }
    }

    private static void assertAgreement(List<String> disagreements) {
        double agreement = 1 - (double) disagreements.size() / rows.size();
        assertThat(agreement).as("agreement with pymatgen; disagreements: %s", disagreements)
                .isGreaterThanOrEqualTo(StructureMatcherReferenceTest.REQUIRED_AGREEMENT);
    }
}
