package org.pxrd.study.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.pxrd.testdata.Oracles.cosine;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.XrdSimulators;
import org.pxrd.examples.Examples;
import org.pxrd.model.Structure;
import org.pxrd.optimization.run.CancellationToken;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyFormat;

/** The study's run function on the real refinement engine, matcher and AMD distance. */
class RefinementDistortionRunTest {

    /** Agreement of a similarity recomputed from independently simulated patterns (rounding only). */
    private static final double SAME_NUMBER = 1e-9;

    /**
     * A study of two structures (ScTe, hexagonal; MnCo, cubic), lattice noise 0.01 with and without the family
     * projector and coordinate noise 0.005, cosine and MSE, at most 300 steps.
     */
    private static StudyDescription tiny(int maxSteps) {
        return StudyFormat.parse("""
                {
                  "format": 1,
                  "name": "tiny",
                  "structures": {"files": ["%s", "%s"]},
                  "conditions": [
                    {"noise": "lattice", "levels": [0.01], "refine": "lattice",
                     "projectors": ["none", {"label": "family", "id": "org.pxrd.symmetry.auto"}]},
                    {"noise": "coordinates", "levels": [0.005], "refine": "coordinates", "projectors": ["none"]}
                  ],
                  "distortions": 2,
                  "losses": ["org.pxrd.losses.cosine", "org.pxrd.losses.mse"],
                  "instrument": {"wavelength": 1.5406, "twoThetaMin": 0, "twoThetaMax": 90, "twoThetaStep": 0.01,
                                 "u": 0.1, "v": 0.01, "w": 0.1, "eta": 0.1},
                  "optimizer": {"id": "org.pxrd.optimization.gd",
                                "learningRates": {"lattice": 0.0005, "angles": 0.3, "coordinates": 0.1}},
                  "stop": {"tolerance": 1e-4, "window": 20, "maxSteps": %d},
                  "matcher": {"id": "org.pxrd.matching.structureMatcher",
                              "settings": {"ltol": 0.1, "stol": 0.2, "angle_tol": 5}},
                  "distance": {"id": "org.pxrd.matching.amd", "settings": {"k": 100, "metric": "linf"}},
                  "seed": 11
                }
                """.formatted(example("ScTe"), example("MnCo"), maxSteps), "tiny.json", null);
    }

    private static Path example(String formula) {
        return Examples.studyStructures().stream().filter(p -> p.getFileName().toString().contains("_" + formula + "_"))
                .findFirst().orElseThrow();
    }

    private static RunSpec spec(StudyPlan plan, String id) {
        return plan.runs().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() ->
                new AssertionError("no run " + id + " in " + plan.runs().stream().map(RunSpec::id).toList()));
    }

    private static RunOutcome run(RefinementDistortionRun function, StudyPlan plan, RunSpec spec, Structure start,
            CancellationToken token) {
        Structure truth = TestStudies.read(spec.structure().path());
        return function.run(new RunInput(spec, plan.study(), truth, start, token));
    }

    private static RunOutcome runDistorted(RefinementDistortionRun function, StudyPlan plan, String id) {
        RunSpec spec = spec(plan, id);
        Structure truth = TestStudies.read(spec.structure().path());
        return run(function, plan, spec, spec.noiseModel().apply(truth, spec.distortionSeed()), new CancellationToken());
    }

    @Test
    void aLossWithItsOwnLearningRatesRefinesWithThem() throws Exception {
        String base = StudyFormat.write(tiny(300));
        StudyPlan withOwn = StudyPlan.expand(StudyFormat.parse(base.replace("\"learningRates\" : {",
                "\"learningRatesByLoss\" : {\"cosine\": {\"coordinates\": 0.05}}, \"learningRates\" : {"), "own.json",
                null));
        assertThat(withOwn.study().optimizer().learningRates("cosine")).containsEntry("coordinates", 0.05);
        StudyPlan halved = StudyPlan.expand(StudyFormat.parse(base.replace("\"coordinates\" : 0.1",
                "\"coordinates\" : 0.05"), "halved.json", null));
        StudyPlan plain = StudyPlan.expand(tiny(300));
        String cosine = "mp-10026_ScTe_sg194/coordinates@0.005/coordinates/cosine/none/0";
        String mse = "mp-10026_ScTe_sg194/coordinates@0.005/coordinates/mse/none/0";
        RefinementDistortionRun own = RefinementDistortionRun.prepare(ExtensionSources.detect(), withOwn.study());
        // the cosine runs refine as with the rate 0.05 for everything, the mse runs as with the study's 0.1
        assertSameRun(runDistorted(own, withOwn, cosine), runDistorted(RefinementDistortionRun.prepare(
                ExtensionSources.detect(), halved.study()), halved, cosine));
        RunOutcome mseOwn = runDistorted(own, withOwn, mse);
        assertSameRun(mseOwn, runDistorted(RefinementDistortionRun.prepare(ExtensionSources.detect(), plain.study()),
                plain, mse));
        assertThat(runDistorted(own, withOwn, cosine).last().fracCoords()).isNotEqualTo(runDistorted(
                RefinementDistortionRun.prepare(ExtensionSources.detect(), plain.study()), plain, cosine).last()
                .fracCoords());
    }

    private static void assertSameRun(RunOutcome a, RunOutcome b) {
        assertThat(a.steps()).isEqualTo(b.steps());
        assertThat(a.lossFinal()).isEqualTo(b.lossFinal());
        assertThat(a.last().fracCoords()).isEqualTo(b.last().fracCoords());
    }

    @Test
    void aRunWithoutNoiseStaysAtTheTruthAndMatches() throws Exception {
        StudyPlan plan = StudyPlan.expand(tiny(300));
        RefinementDistortionRun function = RefinementDistortionRun.prepare(ExtensionSources.detect(), plan.study());
        for (String id : new String[] {"mp-1009133_MnCo_sg221/lattice@0.01/lattice/cosine/family/0",
                "mp-10026_ScTe_sg194/coordinates@0.005/coordinates/mse/none/1"}) {
            RunSpec spec = spec(plan, id);
            Structure truth = TestStudies.read(spec.structure().path());
            RunOutcome o = run(function, plan, spec, truth, new CancellationToken());
            assertThat(o.status()).as(id).isEqualTo(RunStatus.CONVERGED);
            assertThat(o.match()).as(id).isTrue();
            assertThat(o.rms()).as(id).isLessThan(1e-6);
            assertThat(o.distanceStart()).as(id).isLessThan(1e-9);
            assertThat(o.distanceFinal()).as(id).isLessThan(1e-6);
            assertThat(o.lossStart()).as(id).isCloseTo(spec.loss().label().equals("cosine") ? -1 : 0, within(1e-12));
            assertThat(o.similarityStart()).as(id).isEqualTo(-o.lossStart());
        }
    }

    @Test
    void similaritiesAreThoseOfTheStartAndFinalPatternsWithTheTruth() throws Exception {
        StudyPlan plan = StudyPlan.expand(tiny(300));
        RefinementDistortionRun function = RefinementDistortionRun.prepare(ExtensionSources.detect(), plan.study());
        String id = "mp-10026_ScTe_sg194/lattice@0.01/lattice/cosine/none/0";
        RunOutcome o = runDistorted(function, plan, id);
        RunSpec spec = spec(plan, id);
        Structure truth = TestStudies.read(spec.structure().path());
        Structure start = spec.noiseModel().apply(truth, spec.distortionSeed());
        InstrumentSettings instrument = RefinementDistortionRun.instrument(plan.study().instrument());
        var simulator = new XrdSimulators(ExtensionSources.detect()).defaultSimulator();
        double[] target = simulator.pattern(truth, instrument).intensityArray();
        assertThat(o.similarityStart()).isCloseTo(cosine(simulator.pattern(start, instrument).intensityArray(), target),
                within(SAME_NUMBER));
        assertThat(o.similarityFinal()).isCloseTo(cosine(simulator.pattern(o.last(), instrument).intensityArray(),
                target), within(SAME_NUMBER));
        assertThat(o.lossFinal()).isEqualTo(-o.similarityFinal());
        // gradient descent from a start 1% off improves the pattern agreement and moves toward the truth in AMD
        assertThat(o.similarityFinal()).isGreaterThan(o.similarityStart());
        assertThat(o.distanceStart()).isPositive();
        assertThat(o.steps()).isBetween(1, 300);
    }

    @Test
    void aCubicStartOnePercentOffIsRecoveredWithTheFamilyProjector() throws Exception {
        StudyPlan plan = StudyPlan.expand(tiny(3000));
        RefinementDistortionRun function = RefinementDistortionRun.prepare(ExtensionSources.detect(), plan.study());
        for (int d = 0; d < 2; d++) {
            RunOutcome o = runDistorted(function, plan, "mp-1009133_MnCo_sg221/lattice@0.01/lattice/cosine/family/" + d);
            assertThat(o.status()).isEqualTo(RunStatus.CONVERGED);
            assertThat(o.match()).as("distortion %d", d).isTrue();
            assertThat(o.distanceFinal()).isLessThan(o.distanceStart());
            // the projected cell is cubic: a = b = c, all angles 90 degrees
            double[] p = o.last().lattice().parameters();
            assertThat(p[1]).isCloseTo(p[0], within(1e-9));
            assertThat(p[2]).isCloseTo(p[0], within(1e-9));
            assertThat(p[3]).isCloseTo(90, within(1e-9));
        }
    }

    @Test
    void aCancelledRunIsReportedCancelled() throws Exception {
        StudyPlan plan = StudyPlan.expand(tiny(300));
        RefinementDistortionRun function = RefinementDistortionRun.prepare(ExtensionSources.detect(), plan.study());
        RunSpec spec = spec(plan, "mp-10026_ScTe_sg194/lattice@0.01/lattice/mse/none/1");
        Structure truth = TestStudies.read(spec.structure().path());
        CancellationToken token = new CancellationToken();
        token.cancel();
        RunOutcome o = run(function, plan, spec, spec.noiseModel().apply(truth, spec.distortionSeed()), token);
        assertThat(o.status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void unknownContributionsAreOneLineBeforeAnyRun() {
        StudyDescription study = tiny(300);
        StudyDescription badLoss = StudyFormat.parse(StudyFormat.toJson(study).toString()
                .replace("org.pxrd.losses.mse", "org.pxrd.losses.nosuchloss"), "bad.json", null);
        assertThatThrownBy(() -> RefinementDistortionRun.prepare(ExtensionSources.detect(), badLoss))
                .isInstanceOf(ContributionException.class).hasMessageContaining("nosuchloss")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        StudyDescription badMatcher = StudyFormat.parse(StudyFormat.toJson(study).toString()
                .replace("\"ltol\":\"0.1\"", "\"ltol\":\"-1\""), "bad.json", null);
        assertThatThrownBy(() -> RefinementDistortionRun.prepare(ExtensionSources.detect(), badMatcher))
                .isInstanceOf(ContributionException.class).hasMessageContaining("ltol");
    }
}
