package org.pxrd.ui.refine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pxrd.model.Lattice;
import org.pxrd.model.Structure;
import org.pxrd.optimization.refine.RefinementStep;
import org.pxrd.optimization.run.RunMonitor;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.files.StructureOpener;
import org.pxrd.ui.pattern.PatternTarget.StructureTarget;
import org.pxrd.ui.preferences.InstrumentPreferences;
import org.pxrd.ui.testsupport.Ui;

/**
 * The trace behind the refinement view's curves, fed by a real refinement of 5000 steps (FeH stretched by 1%, a
 * tolerance of 0 so that it never converges) next to a listener that keeps every step: the trace keeps at most
 * {@link StepTrace#CAPACITY} points, evenly spaced in steps, each exactly the step it claims to be, plus the newest.
 */
class StepTraceTest {

    private static final int STEPS = 5000;

    @Test
    void aLongRunIsThinnedToEvenlySpacedExactPointsAndKeepsItsNewestStep() throws Exception {
        Structure truth = StructureOpener.open(Ui.page(), Ui.example("FeH")).structure();
        Ui.closeEditors();
        double[] p = truth.lattice().parameters();
        Structure start = truth.withLattice(Lattice.fromParameters(p[0] * 1.01, p[1] * 1.01, p[2] * 1.01, p[3], p[4],
                p[5]));
        RefinementRequest request = new RefinementRequest(start, "start", new StructureTarget("truth", truth, null),
                RefinementSettings.STUDY.withStop(STEPS, 0, 1000), InstrumentPreferences.load());
        StepTrace trace = new StepTrace();
        List<RefinementStep> all = new ArrayList<>();
        RunMonitor<RefinementStep> monitor = new RunMonitor<RefinementStep>().onStep(trace).onStep(all::add);
        RefinementOutcome o = RefinementTask.run(request, PxrdUiPlugin.services().extensions(), monitor);
        assertThat(o.result().status()).as(o.summary()).isEqualTo(RunStatus.MAX_STEPS);
        assertThat(all).hasSize(STEPS + 1); // step 0 is the start

        StepTrace.Snapshot s = trace.snapshot();
        int stride = trace.stride();
        // 5001 steps at most 2048 points: the stride doubled twice, to 4
        assertThat(stride).isEqualTo(4);
        assertThat(s.size()).isLessThanOrEqualTo(StepTrace.CAPACITY + 1);
        assertThat(s.lastStep()).isEqualTo(STEPS);
        assertThat(s.steps()[s.size() - 1]).isEqualTo(STEPS);
        for (int i = 0; i < s.size(); i++) {
            int step = (int) s.steps()[i];
            assertThat(step).isEqualTo(i * stride); // 5000 is a multiple of 4: the newest is a kept point
            RefinementStep e = all.get(step);
            assertThat(s.losses()[i]).isEqualTo(e.loss());
            for (int k = 0; k < 6; k++) {
                assertThat(s.lattice()[k][i]).isEqualTo(e.lattice()[k]);
            }
        }
        assertThat(s.size()).isEqualTo(STEPS / stride + 1);
    }
}
