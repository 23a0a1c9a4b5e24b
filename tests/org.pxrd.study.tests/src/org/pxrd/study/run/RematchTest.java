package org.pxrd.study.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.examples.Examples;
import org.pxrd.matching.Comparison;
import org.pxrd.matching.CrystalMatcher;
import org.pxrd.matching.Matchers;
import org.pxrd.model.Structure;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyDescription.Contribution;
import org.pxrd.study.protocol.StudyFormat;
import org.pxrd.study.report.StudyReport;

/**
 * Judging a study's runs again: FeH (an F-centred cubic cell) with "refined" structures whose sites are off by up
 * to 0, 0.06 or 0.2 of the cell edge. At 0.06 (about 0.2 Å) the StructureMatcher's primitive reduction no longer
 * finds the centring of the refined cell, so the study's matcher says no match while the same matcher with
 * attempt_supercell compares the sites; at 0.2 neither matches.
 */
class RematchTest {

    private static final double[] OFFSETS = {0, 0.06, 0.2};

    private static StudyDescription feh() {
        Path feh = Examples.studyStructures().stream().filter(p -> p.getFileName().toString().contains("_FeH_"))
                .findFirst().orElseThrow();
        return StudyFormat.parse("""
                {
                  "format": 1,
                  "name": "feh-rematch",
                  "structures": {"files": ["%s"]},
                  "conditions": [{"noise": "coordinates", "levels": [0.05], "refine": "coordinates",
                                  "projectors": ["none"]}],
                  "distortions": 12,
                  "losses": ["org.pxrd.losses.cosine"],
                  "instrument": {"wavelength": 1.5406, "twoThetaMin": 0, "twoThetaMax": 90, "twoThetaStep": 0.01,
                                 "u": 0.1, "v": 0.01, "w": 0.1, "eta": 0.1},
                  "optimizer": {"id": "org.pxrd.optimization.gd", "learningRates": {"coordinates": 0.1}},
                  "stop": {"tolerance": 1e-4, "window": 10, "maxSteps": 100},
                  "matcher": {"id": "org.pxrd.matching.structureMatcher",
                              "settings": {"ltol": 0.1, "stol": 0.2, "angle_tol": 5}},
                  "distance": {"id": "org.pxrd.matching.amd"},
                  "seed": 3
                }
                """.formatted(feh), "feh-rematch.json", null);
    }

    private static CrystalMatcher matcher(Map<String, String> settings) throws Exception {
        return new Matchers(ExtensionSources.detect()).create(Matchers.STRUCTURE_MATCHER, settings);
    }

    /** The study folder: every run recorded with the study's verdict on its made-up refined structure. */
    private static List<RunRecord> writeStudy(Path dir, StudyPlan plan, Structure truth) throws Exception {
        StudyFolder.prepare(dir, plan, Shard.ALL, false);
        CrystalMatcher studyMatcher = matcher(plan.study().matcher().settings());
        List<RunRecord> records = new ArrayList<>();
        for (RunSpec spec : plan.runs()) {
            double offset = OFFSETS[spec.distortion() % OFFSETS.length];
            SplittableRandom random = new SplittableRandom(spec.index());
            double[][] frac = truth.fracCoords();
            for (double[] site : frac) {
                for (int k = 0; k < 3; k++) {
                    site[k] += offset * (2 * random.nextDouble() - 1);
                }
            }
            Structure refined = truth.withFracCoords(frac);
            RunOutcome outcome;
            if (spec.distortion() == plan.study().distortions() - 1) {
                outcome = RunOutcome.failed("made-up failure", 3, refined);
            } else {
                Comparison verdict = studyMatcher.compare(refined, truth);
                outcome = new RunOutcome(RunStatus.CONVERGED, "", 10, refined, -0.5, -0.9, verdict.match(),
                        verdict.match() ? verdict.distance() : Double.NaN, 0.1, 0.05, 0.5, 0.9);
            }
            records.add(RunRecord.of(spec, truth, outcome, 0.01));
        }
        try (ResultsFile results = ResultsFile.open(dir.resolve(ResultsFile.NAME))) {
            results.appendAll(records);
        }
        return records;
    }

    @Test
    void everyRecordedStructureGetsTheNewMatchersVerdictAndNothingElseChanges(@TempDir Path tmp) throws Exception {
        StudyPlan plan = StudyPlan.expand(feh());
        Structure truth = TestStudies.read(plan.structures().get(0).path());
        Path in = tmp.resolve("study");
        List<RunRecord> before = writeStudy(in, plan, truth);
        byte[] inputResults = Files.readAllBytes(in.resolve(ResultsFile.NAME));
        Map<String, String> settings = new HashMap<>(plan.study().matcher().settings());
        settings.put("attempt_supercell", "true");
        CrystalMatcher supercell = matcher(settings);

        Path out = tmp.resolve("rematched");
        Rematch.Result result = Rematch.rematch(in, out, new Contribution(Matchers.STRUCTURE_MATCHER, settings),
                supercell, TestStudies::read, 2);

        List<RunRecord> after = ResultsFile.read(out.resolve(ResultsFile.NAME));
        assertThat(after).hasSize(before.size());
        int gained = 0;
        int matchedAfter = 0;
        for (int i = 0; i < before.size(); i++) {
            RunRecord was = before.get(i);
            RunRecord is = after.get(i);
            assertThat(is.id()).isEqualTo(was.id());
            // everything but the verdict is kept
            assertThat(is.withVerdict(was.match(), was.rms())).isEqualTo(was);
            if (was.status() == RunStatus.FAILED) {
                assertThat(is).isEqualTo(was);
                continue;
            }
            // the oracle: the new matcher asked directly about the recorded structure
            Structure refined = truth.withFracCoords(was.finalFrac());
            Comparison direct = supercell.compare(refined, truth);
            assertThat(is.match()).as(was.id()).isEqualTo(direct.match());
            if (direct.match()) {
                assertThat(is.rms()).isEqualTo(direct.distance());
            } else {
                assertThat(is.rms()).isNaN();
            }
            gained += is.match() && !was.match() ? 1 : 0;
            matchedAfter += is.match() ? 1 : 0;
        }
        // the design: the 0.06 offsets are matched only with attempt_supercell, the 0.2 ones by neither
        assertThat(gained).isPositive();
        assertThat(matchedAfter).isLessThan(before.size() - 1);
        int matchedBefore = (int) before.stream().filter(RunRecord::match).count();
        assertThat(result).isEqualTo(new Rematch.Result(before.size(), before.size() - 1, matchedBefore,
                matchedAfter, gained, 0));

        // the new folder is a study folder of the description with the new matcher, with its own report
        StudyDescription rematched = StudyFolder.readStudy(out);
        assertThat(rematched.matcher().settings()).containsEntry("attempt_supercell", "true");
        assertThat(rematched.withMatcher(plan.study().matcher(), plan.study().note())).isEqualTo(plan.study());
        assertThat(StudyFolder.readManifest(out).fingerprint()).isNotEqualTo(StudyFolder.readManifest(in)
                .fingerprint());
        assertThat(StudyReport.write(out).records()).isEqualTo(before.size());
        // the input is only read
        assertThat(Files.readAllBytes(in.resolve(ResultsFile.NAME))).isEqualTo(inputResults);

        assertThatThrownBy(() -> Rematch.rematch(in, out, new Contribution(Matchers.STRUCTURE_MATCHER, settings),
                supercell, TestStudies::read, 1)).isInstanceOf(StudyRunException.class)
                .hasMessage(out + " already holds a study: rematch into a new folder");
        assertThatThrownBy(() -> Rematch.rematch(in, in, new Contribution(Matchers.STRUCTURE_MATCHER, settings),
                supercell, TestStudies::read, 1)).isInstanceOf(StudyRunException.class)
                .hasMessage(in + " is the study being judged again: rematch into a new folder");
    }

    @Test
    void aTruthThatNoLongerFitsItsRecordsIsNamed(@TempDir Path tmp) throws Exception {
        StudyPlan plan = StudyPlan.expand(feh());
        Structure truth = TestStudies.read(plan.structures().get(0).path());
        Path in = tmp.resolve("study");
        writeStudy(in, plan, truth);
        Structure fewer = new Structure("FeH", truth.lattice(), truth.sites().subList(0, 4));
        CrystalMatcher m = matcher(Map.of());
        assertThatThrownBy(() -> Rematch.rematch(in, tmp.resolve("out"), new Contribution(Matchers.STRUCTURE_MATCHER,
                Map.of()), m, file -> fewer, 1)).isInstanceOf(StudyRunException.class)
                .hasMessageContaining("records 8 sites but its ground truth mp-1009077_FeH_sg225 has 4");
        assertThat(tmp.resolve("out")).doesNotExist();
    }
}
