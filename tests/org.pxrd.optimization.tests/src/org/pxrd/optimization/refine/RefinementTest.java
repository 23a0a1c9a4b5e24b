package org.pxrd.optimization.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pxrd.diffraction.TwoThetaGrid;
import org.pxrd.model.Lattice;
import org.pxrd.model.Pattern;
import org.pxrd.model.Structure;
import org.pxrd.optimization.noise.LatticeNoise;
import org.pxrd.optimization.run.CancellationToken;
import org.pxrd.optimization.run.CsvTrace;
import org.pxrd.optimization.run.RunMonitor;
import org.pxrd.optimization.run.RunStatus;

/** The refinement engine end to end on the study's structures. */
class RefinementTest {

    /** The criterion: every lattice parameter within this relative error of the truth. */
    private static final double RECOVERED = 1e-3;
    private static final StopRule SHORT = new StopRule(1e-4, 200, 3000, Double.NaN);

    @Test
    void gradientDescentWithTheFamilyProjectorRecoversADistortedCubicLattice() {
        Structure truth = RefineFixtures.study("MnCo");
        Structure start = new LatticeNoise(0.01).apply(truth, 3);
        RefinementResult r = RefineFixtures.prepare(RefineFixtures.latticeOptions(StopRule.STUDY)).run(start,
                RefinementTarget.structure(truth), 1);
        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.CONVERGED);
        assertThat(RefineFixtures.worstRelativeError(start.lattice().parameters(), truth.lattice().parameters()))
                .isGreaterThan(3e-3);
        assertThat(RefineFixtures.worstRelativeError(r.lattice(), truth.lattice().parameters())).isLessThan(RECOVERED);
        // the family projector keeps the cell cubic from the first step on
        assertThat(r.lattice()[1]).isEqualTo(r.lattice()[0]);
        assertThat(r.lattice()[3]).isEqualTo(90.0);
        assertThat(r.finalLoss()).isLessThan(r.initialLoss()).isCloseTo(-1, within(1e-6));
        assertThat(r.steps()).isGreaterThanOrEqualTo(StopRule.STUDY.window());
        assertThat(r.evaluations()).isEqualTo(r.steps() + 1);
    }

    @Test
    void theSameSeedGivesTheSameResultOnAnyNumberOfThreads() {
        Refinement refinement = RefineFixtures.prepare(RefineFixtures.latticeOptions(SHORT.withMaxSteps(300))
                .withMultiStart(MultiStart.of(2)));
        List<RefinementBatch.Job> jobs = new ArrayList<>();
        for (String name : List.of("MnCo", "FeH", "U2Ti")) {
            Structure truth = RefineFixtures.study(name);
            for (long seed = 1; seed <= 2; seed++) {
                jobs.add(new RefinementBatch.Job(refinement, new LatticeNoise(0.01).apply(truth, seed),
                        RefinementTarget.structure(truth), seed));
            }
        }
        List<RefinementResult> one = RefinementBatch.run(jobs, 1, new CancellationToken(), null);
        List<RefinementResult> three = RefinementBatch.run(jobs, 3, new CancellationToken(), null);
        for (int i = 0; i < jobs.size(); i++) {
            assertThat(three.get(i).lattice()).as("job %d", i).containsExactly(one.get(i).lattice());
            assertThat(three.get(i).finalLoss()).isEqualTo(one.get(i).finalLoss());
            assertThat(three.get(i).steps()).isEqualTo(one.get(i).steps());
            assertThat(three.get(i).start()).isEqualTo(one.get(i).start());
        }
    }

    @Test
    void aStartAtTheTruthConvergesAfterExactlyOneWindow() {
        Structure truth = RefineFixtures.study("FeH");
        RefinementResult r = RefineFixtures.prepare(RefineFixtures.latticeOptions(new StopRule(1e-9, 25, 1000,
                Double.NaN))).run(truth, RefinementTarget.structure(truth), 1);
        assertThat(r.status()).isEqualTo(RunStatus.CONVERGED);
        assertThat(r.steps()).isEqualTo(25);
        assertThat(r.message()).contains("converged after 25 steps");
        assertThat(r.initialLoss()).isCloseTo(-1, within(1e-12));
    }

    @Test
    void aConvergedRunWhoseStepsOscillateSaysSo() {
        Structure truth = RefineFixtures.study("MnCo");
        Structure start = new LatticeNoise(0.01).apply(truth, 5);
        StopRule stop = new StopRule(1e-4, 100, 3000, Double.NaN);
        // 0.005 Å² per loss unit is 10 times the study's lattice rate: on MnCo's small cell the steps overshoot
        RefinementResult fast = RefineFixtures.prepare(RefineFixtures.latticeOptions(stop)
                .withLearningRates(LearningRates.of(Map.of("lattice", 0.005, "angles", 0.3)))).run(start,
                        RefinementTarget.structure(truth), 1);
        assertThat(fast.status()).isEqualTo(RunStatus.CONVERGED);
        assertThat(fast.message()).matches("converged after \\d+ steps: the loss changed by .* over the last 100 steps,"
                + " but it ranged over (\\S+) within them: the steps oscillate .*").doesNotContain("\n");
        double range = Double.parseDouble(fast.message().replaceAll(".*ranged over (\\S+) within.*", "$1"));
        assertThat(range).isGreaterThan(0.01);
        // at the study's rate the loss falls steadily: no such remark
        RefinementResult steady = RefineFixtures.prepare(RefineFixtures.latticeOptions(stop)).run(start,
                RefinementTarget.structure(truth), 1);
        assertThat(steady.status()).isEqualTo(RunStatus.CONVERGED);
        assertThat(steady.message()).doesNotContain("oscillate");
    }

    @Test
    void theStepBudgetEndsARunThatHasNotConverged() {
        Structure truth = RefineFixtures.study("FeH");
        RefinementResult r = RefineFixtures.prepare(RefineFixtures.latticeOptions(new StopRule(0, 5, 12,
                Double.NaN))).run(new LatticeNoise(0.01).apply(truth, 5), RefinementTarget.structure(truth), 1);
        assertThat(r.status()).isEqualTo(RunStatus.MAX_STEPS);
        assertThat(r.steps()).isEqualTo(12);
        assertThat(r.message()).startsWith("not converged after 12 steps");
    }

    @Test
    void aRunStopsAtItsNextStepWhenCancelled() {
        Structure truth = RefineFixtures.study("FeH");
        RunMonitor<RefinementStep> monitor = new RunMonitor<>(new CancellationToken());
        monitor.onStep(e -> {
            if (e.step() == 7) {
                monitor.cancel();
            }
        });
        RefinementResult r = RefineFixtures.prepare(RefineFixtures.latticeOptions(StopRule.STUDY)).run(
                new LatticeNoise(0.01).apply(truth, 5), RefinementTarget.structure(truth), 1, monitor);
        assertThat(r.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(r.steps()).isEqualTo(7);
        assertThat(monitor.step()).isEqualTo(7);
    }

    @Test
    void aDivergingRunFailsWithOneLineSayingWhyAndKeepsTheLastGoodPoint() {
        Structure truth = RefineFixtures.study("MnCo");
        RefinementOptions options = RefineFixtures.latticeOptions(StopRule.STUDY)
                .withLearningRates(LearningRates.of(ParameterGroup.LATTICE, 50));
        RefinementResult r = RefineFixtures.prepare(options).run(new LatticeNoise(0.01).apply(truth, 5),
                RefinementTarget.structure(truth), 1);
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.message()).matches("step \\d+: (diverged: lattice length a went from .* Å \\(more than a factor 2\\)"
                + "|the cell became impossible: .*)").doesNotContain("\n");
        for (double p : r.lattice()) {
            assertThat(p).isFinite();
        }
        assertThat(r.finalLoss()).isFinite();
    }

    @Test
    void everyStepIsEmittedWithTheLossAndTheParameters() throws Exception {
        Structure truth = RefineFixtures.study("U2Ti");
        StringWriter text = new StringWriter();
        RunMonitor<RefinementStep> monitor = new RunMonitor<>();
        RefinementResult r;
        try (CsvTrace trace = new CsvTrace(text, "trace")) {
            monitor.onStep(trace);
            r = RefineFixtures.prepare(RefineFixtures.latticeOptions(SHORT.withMaxSteps(40))).run(
                    new LatticeNoise(0.01).apply(truth, 9), RefinementTarget.structure(truth), 1, monitor);
        }
        String[] rows = text.toString().split("\n");
        assertThat(rows[0]).isEqualTo("step,loss,a_A,b_A,c_A,alpha_deg,beta_deg,gamma_deg,x1,y1,z1,x2,y2,z2,x3,y3,z3");
        assertThat(rows).hasSize(r.steps() + 2);
        String[] first = rows[1].split(",");
        assertThat(first[0]).isEqualTo("0");
        assertThat(Double.parseDouble(first[1])).isEqualTo(r.initialLoss());
        String[] last = rows[rows.length - 1].split(",");
        assertThat(Integer.parseInt(last[0])).isEqualTo(r.steps());
        assertThat(Double.parseDouble(last[1])).isEqualTo(r.finalLoss());
        for (int k = 0; k < 6; k++) {
            assertThat(Double.parseDouble(last[2 + k])).isEqualTo(r.lattice()[k]);
        }
        assertThat(monitor.lastEvent().lattice()).containsExactly(r.lattice());
    }

    @Test
    void refinesAgainstAPatternOnItsOwnGridUniformOrNot() throws Exception {
        Structure truth = RefineFixtures.study("Au2S");
        Pattern uniform = RefineFixtures.ENGINE.simulators().defaultSimulator().pattern(truth,
                RefineFixtures.STUDY.withGrid(new TwoThetaGrid(15, 85, 0.02)));
        double[] x = uniform.twoThetaArray();
        double[] y = uniform.intensityArray();
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (i % 3 != 1) {
                kept.add(new double[] {x[i], y[i]});
            }
        }
        Pattern gapped = new Pattern("gapped", kept.stream().mapToDouble(p -> p[0]).toArray(),
                kept.stream().mapToDouble(p -> p[1]).toArray(), 1.5406);
        Refinement refinement = RefineFixtures.prepare(RefineFixtures.latticeOptions(StopRule.STUDY));
        Structure start = new LatticeNoise(0.01).apply(truth, 4);
        for (Pattern target : List.of(uniform, gapped)) {
            RefinementResult r = refinement.run(start, RefinementTarget.pattern(target), 1);
            assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.CONVERGED);
            assertThat(RefineFixtures.worstRelativeError(r.lattice(), truth.lattice().parameters())).as(target.name())
                    .isLessThan(RECOVERED);
        }
    }

    @Test
    void annealingNarrowsTheProfileFromItsStartToTheInstrumentsW() {
        Structure truth = RefineFixtures.study("ScTe");
        RunMonitor<RefinementStep> monitor = new RunMonitor<>();
        List<Double> w = new ArrayList<>();
        monitor.onStep(e -> w.add(e.cagliotiW()));
        RefinementResult r = RefineFixtures.prepare(RefineFixtures.latticeOptions(StopRule.STUDY)
                .withAnneal(new AnnealSchedule(2.0, 400, 4))).run(new LatticeNoise(0.01).apply(truth, 2),
                        RefinementTarget.structure(truth), 1, monitor);
        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.CONVERGED);
        assertThat(w.get(0)).isEqualTo(2.0);
        // W_k = 2 (0.1/2)^(k/4): stage 1 from step 100
        assertThat(w.get(100)).isCloseTo(2.0 * Math.pow(0.05, 0.25), within(1e-12));
        assertThat(w.get(400)).isEqualTo(0.1);
        assertThat(w.get(w.size() - 1)).isEqualTo(0.1);
        for (int i = 1; i < w.size(); i++) {
            assertThat(w.get(i)).isLessThanOrEqualTo(w.get(i - 1));
        }
        // the stop rule only counts in the last stage
        assertThat(r.steps()).isGreaterThanOrEqualTo(400 + StopRule.STUDY.window());
        assertThat(RefineFixtures.worstRelativeError(r.lattice(), truth.lattice().parameters())).isLessThan(RECOVERED);
    }

    @Test
    void multiStartKeepsTheStartWithTheLowestFinalLossAndDependsOnTheSeedOnly() {
        Structure truth = RefineFixtures.study("U2Ti");
        Structure start = new LatticeNoise(0.03).apply(truth, 8);
        Refinement refinement = RefineFixtures.prepare(RefineFixtures.latticeOptions(SHORT)
                .withMultiStart(new MultiStart(3, 0.03, 0)));
        RefinementResult r = refinement.run(start, RefinementTarget.structure(truth), 42);
        assertThat(r.starts()).hasSize(3);
        assertThat(r.starts()).extracting(RefinementResult::start).containsExactly(0, 1, 2);
        double lowest = r.starts().stream().mapToDouble(RefinementResult::finalLoss).min().orElseThrow();
        assertThat(r.finalLoss()).isEqualTo(lowest);
        assertThat(r.totalSteps()).isEqualTo(r.starts().stream().mapToInt(RefinementResult::steps).sum());
        RefinementResult again = refinement.run(start, RefinementTarget.structure(truth), 42);
        assertThat(again.lattice()).containsExactly(r.lattice());
        RefinementResult other = refinement.run(start, RefinementTarget.structure(truth), 43);
        assertThat(other.starts().get(1).initialLoss()).isNotEqualTo(r.starts().get(1).initialLoss());
        assertThat(other.starts().get(0).finalLoss()).isEqualTo(r.starts().get(0).finalLoss());
    }

    @Test
    void theEnergyTermPullsTheLatticeTowardTheMinimumOfThePotential() {
        // fcc argon: the XRD target at a = 5.6 Å, the UFF Lennard-Jones minimum at a = 5.383 Å (RelaxerTest)
        Structure target = org.pxrd.optimization.TestStructures.fcc(org.pxrd.model.Element.Ar, 5.6);
        RefinementOptions xrdOnly = RefinementOptions.study("cosine", "cubic", Set.of(ParameterGroup.LATTICE),
                LearningRates.of(ParameterGroup.LATTICE, 1e-3)).withStop(SHORT);
        RefinementResult plain = RefineFixtures.prepare(xrdOnly).run(target, RefinementTarget.structure(target), 1);
        RefinementResult weighted = RefineFixtures.prepare(xrdOnly.withEnergy(new EnergyTerm("lj-uff",
                Map.of("cutoff", "8"), 2000))).run(target, RefinementTarget.structure(target), 1);
        assertThat(plain.lattice()[0]).isCloseTo(5.6, within(1e-6));
        assertThat(weighted.status()).as(weighted.message()).isEqualTo(RunStatus.CONVERGED);
        assertThat(weighted.lattice()[0]).isLessThan(5.6 - 0.005).isGreaterThan(5.383);
        assertThat(weighted.finalEnergyPerAtom()).isLessThan(weighted.initialEnergyPerAtom());
        assertThat(weighted.finalXrdLoss()).isGreaterThan(-1 + 1e-9);
        assertThat(weighted.finalLoss()).isCloseTo(weighted.finalXrdLoss() + 2000 * weighted.finalEnergyPerAtom(),
                within(1e-12));
    }

    @Test
    void theProfileGroupRefinesTheInstrumentAgainstAPatternOfAnotherWidth() throws Exception {
        Structure truth = RefineFixtures.study("FeH");
        Pattern wide = RefineFixtures.ENGINE.simulators().defaultSimulator().pattern(truth, RefineFixtures.STUDY
                .withProfile(new org.pxrd.diffraction.ProfileParameters(0.1, 0.01, 0.3, 0.1, 0.05)));
        RefinementOptions options = RefinementOptions.study("mse", "none", Set.of(ParameterGroup.PROFILE),
                LearningRates.of(ParameterGroup.PROFILE, 30)).withOptimizer("lbfgs", Map.of())
                .withStop(new StopRule(1e-12, 50, 3000, Double.NaN));
        RefinementResult r = RefineFixtures.prepare(options).run(truth, RefinementTarget.pattern(wide), 1);
        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.CONVERGED);
        assertThat(r.profile().w()).isCloseTo(0.3, within(0.01));
        assertThat(r.profile().zeroShift()).isCloseTo(0.05, within(0.002));
        assertThat(r.lattice()).containsExactly(truth.lattice().parameters());
    }

    @Test
    void setupProblemsAreFailedRunsNamingTheProblem() {
        Structure truth = RefineFixtures.study("MnCo");
        RefinementResult noRate = RefineFixtures.prepare(RefineFixtures.latticeOptions(SHORT)
                .withRefine(Set.of(ParameterGroup.LATTICE, ParameterGroup.COORDINATES))).run(truth,
                        RefinementTarget.structure(truth), 1);
        assertThat(noRate.status()).isEqualTo(RunStatus.FAILED);
        assertThat(noRate.message()).isEqualTo("no learning rate for the refined parameter group 'coordinates' "
                + "(given: [lattice, angles])");
        // a primitive face-centred cell (α = β = γ = 60°) is not the conventional cell the family projector needs
        Structure primitive = truth.withLattice(Lattice.fromParameters(3, 3, 3, 60, 60, 60));
        RefinementResult refused = RefineFixtures.prepare(RefineFixtures.latticeOptions(SHORT)).run(primitive,
                RefinementTarget.structure(primitive), 1);
        assertThat(refused.status()).isEqualTo(RunStatus.FAILED);
        assertThat(refused.message()).startsWith("projector auto: ").contains("standardize it first");
    }
}
