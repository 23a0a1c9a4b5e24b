package org.pxrd.ui.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.EnumSet;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.model.Lattice;
import org.pxrd.model.Pattern;
import org.pxrd.model.Structure;
import org.pxrd.optimization.refine.ParameterGroup;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.editor.StructureEditor;
import org.pxrd.ui.editor.StructureEditorInput;
import org.pxrd.ui.files.StructureOpener;
import org.pxrd.ui.pattern.PatternTarget;
import org.pxrd.ui.pattern.PatternTarget.MeasuredTarget;
import org.pxrd.ui.pattern.PatternTarget.StructureTarget;
import org.pxrd.ui.pattern.PatternTargets;
import org.pxrd.ui.preferences.InstrumentPreferences;
import org.pxrd.ui.testsupport.Screenshots;
import org.pxrd.ui.testsupport.ThrowingLoss;
import org.pxrd.ui.testsupport.Ui;

/**
 * The refinement view driven as a user does: the active editor holds FeH (Fm-3m, a = 3.7 Å) with its cubic cell
 * stretched by 1%, the target is the untouched FeH, and the view refines the lattice with the study's loss,
 * projector, optimizer and learning rates. The closed form: the only cubic cell whose pattern equals the target's is
 * the target's own, so a converged refinement must return a to the truth's value.
 */
class RefinementViewTest {

    /** The stretch of the start: 1% on a, b and c. */
    private static final double STRETCH = 1.01;
    /**
     * The refined a must be the truth's to 0.1% (a tenth of the distortion): the study's calibration recovers 1%
     * lattice noise within 1e-3 (presets/paper-quick.json), and the matcher alone would accept 10% (ltol 0.1).
     */
    private static final double RECOVERY = 1e-3;
    /** A refinement on a loaded 2-core machine may take long: a guard against hangs only. */
    private static final long RUN_PATIENCE_MS = 180_000;

    private StructureEditor truthEditor;
    private StructureEditor startEditor;
    private Structure truth;
    private Structure start;
    private RefinementView view;

    @BeforeEach
    void open() throws Exception {
        InstrumentPreferences.reset();
        truthEditor = StructureOpener.open(Ui.page(), Ui.example("FeH"));
        truth = truthEditor.structure();
        double[] p = truth.lattice().parameters();
        start = truth.withLattice(Lattice.fromParameters(p[0] * STRETCH, p[1] * STRETCH, p[2] * STRETCH, p[3], p[4],
                p[5])).withName("FeH stretched");
        startEditor = StructureEditor.open(Ui.page(), StructureEditorInput.unsaved(start, "FeH-stretched"));
        view = (RefinementView) Ui.page().showView(RefinementView.ID);
        Ui.page().activate(startEditor);
        Ui.processEvents();
    }

    @AfterEach
    void close() {
        if (view.isRunning()) {
            view.cancel();
            Ui.waitUntil("the refinement to stop", () -> !view.isRunning(), RUN_PATIENCE_MS);
        }
        Ui.page().hideView(view); // the next test starts with a fresh form
        Ui.closeEditors();
        InstrumentPreferences.reset();
    }

    private void waitForEnd() {
        Ui.waitUntil("the refinement to end", () -> !view.isRunning(), RUN_PATIENCE_MS);
    }

    /** The study's settings with a tight stop rule, so the run converges on the minimum rather than near it. */
    private static RefinementSettings tight() {
        return RefinementSettings.STUDY.withStop(20_000, 1e-9, 200);
    }

    @Test
    void aOnePercentStretchedCubicCellRefinesBackToTheTargetAndIsAppliedUndoably() throws ExecutionException {
        assertThat(view.target()).as("the other open editor is offered as target").isNotNull();
        assertThat(view.target().name()).isEqualTo(truthEditor.title());
        view.setTarget(new StructureTarget("FeH (truth)", truth, null));
        view.setSettings(tight());
        assertThat(view.settings()).isEqualTo(tight());

        assertThat(view.run()).isTrue();
        assertThat(view.isRunning()).isTrue();
        waitForEnd();

        RefinementOutcome o = view.outcome();
        assertThat(o.error()).isNull();
        assertThat(o.result().status()).as(o.summary()).isEqualTo(RunStatus.CONVERGED);
        assertThat(o.matched()).isTrue();
        assertThat(o.verdict().distance()).isLessThan(0.01);
        double a = truth.lattice().parameters()[0];
        assertThat(o.result().lattice()[0]).isCloseTo(a, within(RECOVERY * a));
        assertThat(o.result().lattice()[1]).isCloseTo(o.result().lattice()[0], within(1e-9)); // the cubic projector
        assertThat(o.result().finalLoss()).isLessThan(o.result().initialLoss());
        assertThat(view.resultText()).startsWith("MATCHED the target (StructureMatcher, rms ").contains("converged");
        assertThat(view.problemText()).isEmpty();

        // the curves: the whole run, thinned to a bounded number of points
        assertThat(view.drawnLastStep()).isEqualTo(o.result().steps());
        assertThat(view.drawnLossPoints()).isBetween(2, StepTrace.CAPACITY + 1);

        // applied to the start's editor as one undoable edit
        assertThat(view.resultEditor()).isSameAs(startEditor);
        assertThat(startEditor.structure()).isSameAs(o.result().structure());
        assertThat(startEditor.structure().lattice().parameters()[0]).isCloseTo(a, within(RECOVERY * a));
        Screenshots.take("refinement-view-converged");
        Screenshots.takeMaximized("refinement-view-converged-maximized", view);
        IOperationHistory history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
        history.undo(startEditor.undoContext(), null, null);
        Ui.processEvents();
        assertThat(startEditor.structure()).isSameAs(start);

        // the result also opens in an editor of its own
        view.openResult();
        assertThat(view.resultEditor()).isNotSameAs(startEditor);
        assertThat(view.resultEditor().structure()).isSameAs(o.result().structure());
    }

    @Test
    void aPatternFileTargetIsRefinedOnItsOwnPointsWithoutAMatchVerdict(@TempDir Path dir) throws Exception {
        // the "measurement": the truth's pattern simulated with the preferences' instrument, saved as .xy
        InstrumentSettings instrument = InstrumentPreferences.load();
        Pattern measured = PxrdUiPlugin.services().simulators().defaultSimulator().pattern(truth, instrument);
        Path file = dir.resolve("feh.xy");
        PxrdUiPlugin.services().patternFiles().write(measured.withName("FeH measured"), file);
        PatternTarget target = PatternTargets.read(file, Ui.page().getWorkbenchWindow().getShell(),
                (shell, name) -> instrument.radiation(), null);
        assertThat(target).isInstanceOf(MeasuredTarget.class);
        view.setTarget(target);
        view.setSettings(tight());
        assertThat(view.run()).isTrue();
        waitForEnd();

        RefinementOutcome o = view.outcome();
        assertThat(o.result().status()).as(o.summary()).isEqualTo(RunStatus.CONVERGED);
        assertThat(o.verdict()).as("no target structure, no verdict").isNull();
        double a = truth.lattice().parameters()[0];
        assertThat(o.result().lattice()[0]).isCloseTo(a, within(RECOVERY * a));
        assertThat(view.resultText()).startsWith("loss ").contains("converged");
        assertThat(startEditor.structure()).isSameAs(o.result().structure());
    }

    @Test
    void cancelStopsARunningRefinementAndAppliesNothing() {
        view.setTarget(new StructureTarget("FeH (truth)", truth, null));
        // a tolerance of 0 never counts as converged: only the budget or Cancel ends this run
        view.setSettings(RefinementSettings.STUDY.withStop(5_000_000, 0, 1000));
        assertThat(view.run()).isTrue();
        Ui.waitUntil("the live curve to show some steps", () -> view.drawnLastStep() > 20, RUN_PATIENCE_MS);
        assertThat(view.isRunning()).as("the curve is drawn while the run goes on").isTrue();
        Screenshots.takeMaximized("refinement-view-running", view);
        view.cancel();
        waitForEnd();

        RefinementOutcome o = view.outcome();
        assertThat(o.result().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(o.result().steps()).isGreaterThan(20).isLessThan(5_000_000);
        assertThat(view.resultText()).contains("cancelled");
        assertThat(startEditor.structure()).as("a cancelled run changes nothing").isSameAs(start);
        assertThat(view.resultEditor()).isNull();
    }

    @Test
    void aLossPluginThatThrowsIsOneLineAndChangesNothing() {
        view.setTarget(new StructureTarget("FeH (truth)", truth, null));
        view.setSettings(tight().withLoss("org.pxrd.ui.tests.throwing"));
        assertThat(view.run()).isTrue();
        waitForEnd();
        assertThat(view.problemText()).contains(ThrowingLoss.MESSAGE).doesNotContain("\n");
        assertThat(view.resultText()).as("said once, in the problem line").doesNotContain(ThrowingLoss.MESSAGE);
        assertThat(startEditor.structure()).isSameAs(start);
        assertThat(view.resultEditor()).isNull();
        Screenshots.takeMaximized("refinement-view-plugin-error", view);
    }

    @Test
    void aNanLossFailsTheRunWithOneLine() {
        view.setTarget(new StructureTarget("FeH (truth)", truth, null));
        view.setSettings(tight().withLoss("org.pxrd.ui.tests.nan"));
        assertThat(view.run()).isTrue();
        waitForEnd();
        assertThat(view.outcome().completed()).isFalse();
        assertThat(view.problemText()).isNotEmpty().doesNotContain("\n");
        assertThat(view.problemText().toLowerCase()).contains("nan");
        assertThat(startEditor.structure()).isSameAs(start);
    }

    @Test
    void aBadNumberInTheFormIsNamedAndNothingStarts() {
        view.setTarget(new StructureTarget("FeH (truth)", truth, null));
        view.setSettings(tight().withRefine(EnumSet.of(ParameterGroup.LATTICE, ParameterGroup.COORDINATES)));
        view.rateText(ParameterGroup.COORDINATES.id()).setText("fast");
        assertThat(view.run()).isFalse();
        assertThat(view.isRunning()).isFalse();
        assertThat(view.problemText()).isEqualTo("learning rate of coordinates: 'fast' is not a number");
    }
}
