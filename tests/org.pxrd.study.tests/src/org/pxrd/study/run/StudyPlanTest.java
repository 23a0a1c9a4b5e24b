package org.pxrd.study.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pxrd.study.protocol.Presets;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyFormat;

/** Expansion of a study into runs: counts, ids, seeds, fingerprints and shards. */
class StudyPlanTest {

    @Test
    void thePresetsExpandToThePapersNumberOfRuns() {
        // paper: 10 structures x (5 lattice levels x 50 x 4 losses x 2 projectors + 5 coordinate levels x 50 x 4)
        assertThat(StudyPlan.expand(Presets.load("paper")).runs()).hasSize(10 * (5 * 50 * 4 * 2 + 5 * 50 * 4));
        assertThat(StudyPlan.expand(Presets.load("paper-quick")).runs()).hasSize(10 * (2 * 5 * 4 * 2 + 2 * 5 * 4));
    }

    @Test
    void runsHaveDistinctIdsInPlanOrderAndShareStartsAcrossLossesAndProjectors() {
        StudyPlan plan = StudyPlan.expand(TestStudies.small());
        List<RunSpec> runs = plan.runs();
        assertThat(runs).hasSize(TestStudies.SMALL_RUNS);
        Set<String> ids = new HashSet<>();
        Map<String, Long> startSeeds = new HashMap<>();
        Set<Long> runSeeds = new HashSet<>();
        for (int i = 0; i < runs.size(); i++) {
            RunSpec r = runs.get(i);
            assertThat(r.index()).isEqualTo(i);
            assertThat(ids.add(r.id())).as(r.id()).isTrue();
            assertThat(runSeeds.add(r.seed())).as("seed of " + r.id()).isTrue();
            String start = r.structure().key() + "/" + r.noise() + "/" + r.level() + "/" + r.distortion();
            Long seed = startSeeds.putIfAbsent(start, r.distortionSeed());
            if (seed != null) {
                assertThat(r.distortionSeed()).as("every loss and projector starts from the same distortion")
                        .isEqualTo(seed);
            }
        }
        // 10 structures x 4 levels x 3 distortions distinct starts, all with distinct seeds
        assertThat(startSeeds).hasSize(10 * 4 * 3);
        assertThat(new HashSet<>(startSeeds.values())).hasSize(startSeeds.size());
        assertThat(runs.get(0).id()).isEqualTo("mp-10026_ScTe_sg194/lattice@0.02/lattice/cosine/none/0");
        assertThat(runs.get(1).id()).isEqualTo("mp-10026_ScTe_sg194/lattice@0.02/lattice/cosine/family/0");
    }

    @Test
    void seedsDependOnTheRunNotOnTheRestOfTheStudy() {
        StudyPlan plan = StudyPlan.expand(TestStudies.small());
        // add a loss and a level: the common runs keep their seeds, and the plan gets another fingerprint
        StudyDescription bigger = StudyFormat.parse(TestStudies.SMALL
                .replace("\"org.pxrd.losses.mse\"]", "\"org.pxrd.losses.mse\", \"org.pxrd.losses.entropy\"]")
                .replace("[0.02, 0.1]", "[0.02, 0.05, 0.1]"), "bigger", null);
        StudyPlan more = StudyPlan.expand(bigger);
        Map<String, RunSpec> byId = new HashMap<>();
        more.runs().forEach(r -> byId.put(r.id(), r));
        for (RunSpec r : plan.runs()) {
            RunSpec same = byId.get(r.id());
            assertThat(same).as(r.id()).isNotNull();
            assertThat(same.seed()).isEqualTo(r.seed());
            assertThat(same.distortionSeed()).isEqualTo(r.distortionSeed());
        }
        assertThat(more.fingerprint()).isNotEqualTo(plan.fingerprint());
        // another study seed changes every seed
        StudyPlan reseeded = StudyPlan.expand(StudyFormat.parse(TestStudies.SMALL.replace("\"seed\": 7", "\"seed\": 8"),
                "reseeded", null));
        assertThat(reseeded.runs().get(0).distortionSeed()).isNotEqualTo(plan.runs().get(0).distortionSeed());
        assertThat(reseeded.fingerprint()).isNotEqualTo(plan.fingerprint());
    }

    @Test
    void theFingerprintIgnoresTheNoteAndIsStable() {
        StudyPlan plan = StudyPlan.expand(TestStudies.small());
        StudyPlan noted = StudyPlan.expand(StudyFormat.parse(TestStudies.SMALL.replace("\"name\": \"small\",",
                "\"name\": \"small\", \"note\": \"a remark\","), "noted", null));
        assertThat(noted.fingerprint()).isEqualTo(plan.fingerprint()).hasSize(64);
        assertThat(StudyPlan.expand(TestStudies.small()).fingerprint()).isEqualTo(plan.fingerprint());
    }

    @Test
    void shardsPartitionThePlanIntoSimilarShares() {
        StudyPlan plan = StudyPlan.expand(Presets.load("paper-quick"));
        int n = 3;
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= n; i++) {
            List<RunSpec> share = plan.runs(new Shard(i, n));
            for (RunSpec r : share) {
                assertThat(seen.add(r.id())).as(r.id() + " in one shard only").isTrue();
            }
            // 1200 runs / 3 = 400 each; a hash share deviates by a few sqrt(400) = 20
            assertThat(share.size()).isBetween(340, 460);
            // every shard gets both projectors and every loss
            assertThat(share.stream().map(r -> r.projector().label()).distinct()).hasSize(2);
            assertThat(share.stream().map(r -> r.loss().label()).distinct()).hasSize(4);
        }
        assertThat(seen).hasSize(plan.runs().size());
        assertThat(plan.runs(Shard.ALL)).isEqualTo(plan.runs());
    }

    @Test
    void shardsParseFromText() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse(" 1 / 1 ")).isEqualTo(Shard.ALL);
        for (String bad : List.of("0/2", "3/2", "2", "a/b", "1/2/3", "-1/2")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Shard.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("i/n");
        }
    }
}
