package org.pxrd.optimization.relax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Structure;
import org.pxrd.optimization.TestStructures;
import org.pxrd.optimization.potentials.LennardJonesPotential;
import org.pxrd.optimization.potentials.LennardJonesPotential.Combination;
import org.pxrd.optimization.potentials.Potential;
import org.pxrd.optimization.potentials.PotentialException;
import org.pxrd.optimization.relax.RelaxOptions.Optimizer;
import org.pxrd.optimization.run.CancellationToken;
import org.pxrd.optimization.run.CsvTrace;
import org.pxrd.optimization.run.RunMonitor;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.testdata.ReferenceJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * FIRE and BFGS relaxations on the Lennard-Jones potential reach the minimum an independent computation finds,
 * and a run emits its steps, stops on cancellation or after its step budget, and fails cleanly.
 */
class RelaxerTest {

    /** A tight force threshold (eV/Å), so that the relaxed cell is determined to far better than the tolerances. */
    private static final double TIGHT_FMAX = 1e-6;
    /**
     * Residual error of a lattice length (Å) at fmax 1e-6: the softest cell mode of UFF argon (shear, V·C44/n of
     * order 0.4 eV per unit strain) leaves strains up to about 2.5e-6, i.e. 1.4e-5 Å; three times that.
     */
    private static final double LENGTH_TOLERANCE = 5e-5;
    /** The same strain bound for the angles, in degrees (2.5e-6 rad = 1.4e-4°, three times that). */
    private static final double ANGLE_TOLERANCE = 5e-4;
    /**
     * The shifted-force truncation at 20 Å moves the fcc minimum by about 8e-4 relative to the untruncated
     * Lennard-Jones-Ingham value (the deviation falls as r_c⁻³: 1.9e-3 at 15 Å, 4.1e-4 at 25 Å in
     * make_lj_reference.py's lattice sums).
     */
    private static final double TRUNCATION_TOLERANCE = 1.5e-3;

    private static final double[][] SHEAR = {{0.02, 0.03, 0}, {0, -0.01, 0.02}, {0.01, 0, 0.03}};

    /** fcc argon at a = 5.6 Å, sheared and stretched, with one atom pushed off its site. */
    static Structure strainedArgon() {
        Structure s = TestStructures.strained(TestStructures.fcc(Element.Ar, 5.6), SHEAR);
        return TestStructures.displaced(s, 1, new double[] {0.1, -0.05, 0.02});
    }

    @ParameterizedTest
    @EnumSource(Optimizer.class)
    void relaxesStrainedFccArgonToTheMinimumOfTheTruncatedPotential(Optimizer optimizer) {
        JsonNode fcc = ReferenceJson.read(RelaxerTest.class, "lj-reference.json").get("fcc_ar").get("cutoff_8");
        double expectedA = fcc.get("a").asDouble();
        Relaxer relaxer = new Relaxer(new LennardJonesPotential(fcc.get("cutoff").asDouble(), Combination.GEOMETRIC),
                RelaxOptions.defaults().withOptimizer(optimizer).withFmax(TIGHT_FMAX).withMaxSteps(2000));
        RelaxationResult result = relaxer.relax(strainedArgon());
        assertThat(result.status()).as(result.message()).isEqualTo(RunStatus.CONVERGED);
        assertThat(result.fmax()).isLessThan(TIGHT_FMAX);
        assertThat(result.initialFmax()).isGreaterThan(0.01);
        Lattice l = result.relaxed().lattice();
        for (double length : new double[] {l.a(), l.b(), l.c()}) {
            assertThat(length).isCloseTo(expectedA, within(LENGTH_TOLERANCE));
        }
        for (double angle : new double[] {l.alpha(), l.beta(), l.gamma()}) {
            assertThat(angle).isCloseTo(90, within(ANGLE_TOLERANCE));
        }
        assertThat(result.energy() / 4).isCloseTo(fcc.get("energy_per_atom").asDouble(), within(1e-9));
        assertThat(result.energy()).isLessThan(result.initialEnergy());
        assertThat(result.last().maxForce()).isLessThan(TIGHT_FMAX);
        assertThat(Math.abs(result.last().pressureGPa())).isLessThan(1e-3);
    }

    @Test
    void withALongCutoffTheLatticeConstantApproachesTheLennardJonesInghamValue() {
        double untruncated = ReferenceJson.read(RelaxerTest.class, "lj-reference.json").get("fcc_ar").get("untruncated_a").asDouble();
        Relaxer relaxer = new Relaxer(new LennardJonesPotential(20, Combination.GEOMETRIC),
                RelaxOptions.defaults().withOptimizer(Optimizer.BFGS).withFmax(1e-5));
        RelaxationResult result = relaxer.relax(strainedArgon());
        assertThat(result.status()).isEqualTo(RunStatus.CONVERGED);
        double a = Math.cbrt(result.relaxed().lattice().volume());
        assertThat(a / untruncated - 1).isBetween(0.0, TRUNCATION_TOLERANCE);
    }

    @Test
    void withAFixedCellOnlyTheAtomsMove() {
        Structure start = TestStructures.displaced(TestStructures.fcc(Element.Ar, 5.4), 1, new double[] {0.2, -0.1, 0});
        Relaxer relaxer = new Relaxer(new LennardJonesPotential(8, Combination.GEOMETRIC),
                RelaxOptions.defaults().withRelaxCell(false).withFmax(1e-6));
        RelaxationResult result = relaxer.relax(start);
        assertThat(result.status()).isEqualTo(RunStatus.CONVERGED);
        assertThat(result.relaxed().lattice().parametersEqual(start.lattice(), 1e-12, 1e-10)).isTrue();
        // the pushed atom returns to its fcc site relative to the others (a rigid shift of all atoms is free)
        double[][] f = result.relaxed().fracCoords();
        double[] shift = f[0];
        double[][] ideal = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 3; k++) {
                double d = f[i][k] - shift[k] - ideal[i][k];
                assertThat(d - Math.rint(d)).isCloseTo(0, within(1e-5));
            }
        }
    }

    @Test
    void emitsEveryStepFromTheStartAndWritesATrace() {
        List<RelaxationStep> events = new ArrayList<>();
        StringWriter csv = new StringWriter();
        CsvTrace trace = new CsvTrace(csv, "memory");
        RunMonitor<RelaxationStep> monitor = new RunMonitor<RelaxationStep>().onStep(events::add).onStep(trace);
        RelaxationResult result = new Relaxer(new LennardJonesPotential(8, Combination.GEOMETRIC),
                RelaxOptions.defaults()).relax(strainedArgon(), monitor);
        assertThat(result.status()).isEqualTo(RunStatus.CONVERGED);
        assertThat(events).hasSize(result.steps() + 1);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).step()).isEqualTo(i);
            assertThat(events.get(i).values()).hasSize(RelaxationStep.FIELDS.size());
        }
        assertThat(events.get(0).energy()).isEqualTo(result.initialEnergy());
        assertThat(events.get(events.size() - 1).energy()).isEqualTo(result.energy());
        assertThat(events.get(events.size() - 1).fmax()).isEqualTo(result.fmax()).isLessThan(RelaxOptions.STUDY_FMAX);
        assertThat(monitor.step()).isEqualTo(result.steps());
        assertThat(monitor.maxSteps()).isEqualTo(RelaxOptions.DEFAULT_MAX_STEPS);
        assertThat(monitor.progress()).isCloseTo(result.steps() / (double) RelaxOptions.DEFAULT_MAX_STEPS, within(1e-12));
        String[] lines = csv.toString().split("\n");
        assertThat(lines).hasSize(events.size() + 1);
        assertThat(lines[0]).isEqualTo("step,energy_eV,fmax_eV_per_A,max_force_eV_per_A,pressure_GPa,volume_A3,a_A,b_A,"
                + "c_A,alpha_deg,beta_deg,gamma_deg");
        String[] last = lines[lines.length - 1].split(",");
        assertThat(Integer.parseInt(last[0])).isEqualTo(result.steps());
        assertThat(Double.parseDouble(last[1])).isEqualTo(result.energy());
    }

    @Test
    void aCancelledRunStopsAtTheNextStepWithItsLastStructure() {
        RunMonitor<RelaxationStep> monitor = new RunMonitor<>();
        monitor.onStep(e -> {
            if (e.step() == 3) {
                monitor.cancel();
            }
        });
        RelaxationResult result = new Relaxer(new LennardJonesPotential(8, Combination.GEOMETRIC),
                RelaxOptions.defaults()).relax(strainedArgon(), monitor);
        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.steps()).isEqualTo(3);
        assertThat(result.relaxed()).isSameAs(monitor.lastEvent().structure());
    }

    @Test
    void cancellingABatchTokenCancelsEveryRunOfIt() {
        CancellationToken batch = new CancellationToken();
        CancellationToken first = batch.child();
        CancellationToken second = batch.child();
        first.cancel();
        assertThat(first.isCancelled()).isTrue();
        assertThat(second.isCancelled()).isFalse();
        assertThat(batch.isCancelled()).isFalse();
        batch.cancel();
        assertThat(second.isCancelled()).isTrue();
        RelaxationResult result = new Relaxer(new LennardJonesPotential(8, Combination.GEOMETRIC),
                RelaxOptions.defaults()).relax(strainedArgon(), new RunMonitor<>(second));
        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.steps()).isZero();
    }

    @Test
    void aRunOutOfStepsEndsWithMaxSteps() {
        RelaxationResult result = new Relaxer(new LennardJonesPotential(8, Combination.GEOMETRIC),
                RelaxOptions.defaults().withMaxSteps(2)).relax(strainedArgon());
        assertThat(result.status()).isEqualTo(RunStatus.MAX_STEPS);
        assertThat(result.steps()).isEqualTo(2);
        assertThat(result.message()).contains("not converged after 2 steps");
    }

    @Test
    void aListenerThatThrowsIsRemovedAndTheRunGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        RunMonitor<RelaxationStep> monitor = new RunMonitor<RelaxationStep>().onStep(e -> {
            calls.incrementAndGet();
            throw new IllegalStateException("view disposed");
        });
        RelaxationResult result = new Relaxer(new LennardJonesPotential(8, Combination.GEOMETRIC),
                RelaxOptions.defaults()).relax(strainedArgon(), monitor);
        assertThat(result.status()).isEqualTo(RunStatus.CONVERGED);
        assertThat(calls).hasValue(1);
        assertThat(monitor.listenerProblems()).singleElement().asString().contains("view disposed").contains("step 0");
    }

    @Test
    void aPotentialThatFailsEndsTheRunWithItsMessageAndTheLastGoodStructure() {
        LennardJonesPotential lj = new LennardJonesPotential(8, Combination.GEOMETRIC);
        AtomicInteger calls = new AtomicInteger();
        Potential failsOnTheFifthCall = s -> {
            if (calls.incrementAndGet() == 5) {
                throw new PotentialException("test potential: the worker crashed");
            }
            return lj.compute(s);
        };
        List<RelaxationStep> events = new ArrayList<>();
        RelaxationResult result = new Relaxer(failsOnTheFifthCall, RelaxOptions.defaults())
                .relax(strainedArgon(), new RunMonitor<RelaxationStep>().onStep(events::add));
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.message()).isEqualTo("test potential: the worker crashed");
        assertThat(result.steps()).isEqualTo(3);
        assertThat(result.relaxed()).isSameAs(events.get(3).structure());

        Potential throwsUnchecked = s -> {
            throw new ArithmeticException("division by zero");
        };
        RelaxationResult unchecked = new Relaxer(throwsUnchecked, RelaxOptions.defaults()).relax(strainedArgon());
        assertThat(unchecked.status()).isEqualTo(RunStatus.FAILED);
        assertThat(unchecked.message()).isEqualTo("the potential failed: ArithmeticException division by zero");
        assertThat(unchecked.initial()).isNull();
        assertThat(unchecked.initialEnergy()).isNaN();
    }
}
