package org.pxrd.ui.refine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swtchart.ISeries;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.io.FileFormatException;
import org.pxrd.model.Structure;
import org.pxrd.optimization.optimizers.Optimizers;
import org.pxrd.optimization.refine.LearningRates;
import org.pxrd.optimization.refine.ParameterGroup;
import org.pxrd.optimization.refine.RefinementOptions;
import org.pxrd.symmetry.ProjectorRegistry;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.editor.StructureEditor;
import org.pxrd.ui.editor.StructureEditorInput;
import org.pxrd.ui.files.FileDialogs;
import org.pxrd.ui.pattern.PatternTarget;
import org.pxrd.ui.pattern.PatternTarget.StructureTarget;
import org.pxrd.ui.pattern.PatternTargets;
import org.pxrd.ui.pattern.WavelengthAsker;
import org.pxrd.ui.preferences.InstrumentPreferences;
import org.pxrd.ui.services.PxrdServices;
import org.pxrd.ui.structure.ActiveStructure;
import org.pxrd.ui.structure.StructureListener;
import org.pxrd.ui.structure.StructureSource;

/**
 * Refines the structure of the active editor against a target: another open structure, a structure file (both
 * simulated with the preferences' instrument) or a measured pattern file (with its own radiation and 2θ points).
 * The loss, projector and optimizer are chosen from their registries (third-party contributions appear), with the
 * refined groups, their learning rates and the stop rule; {@link RefinementSettings#STUDY} is the start.
 *
 * <p>Run starts a {@link RefinementJob}; its steps are gathered by a {@link StepTrace} and the curves (objective and
 * lattice parameters against the step) are redrawn at most every {@link #REFRESH_MS} ms, not at every step. Cancel
 * stops the run at its next step. At the end:
 * <ul>
 * <li>a run that converged or used its steps is applied to the start's editor as one undoable edit when the
 * editor still shows the start as it was; when it was edited or closed meanwhile, the result opens in a new
 * editor instead (nothing the user did is overwritten);</li>
 * <li>the result line gives StructureMatcher's verdict against a target structure (match, rms), the start and end
 * loss, the steps and how the run ended; Open Result opens the final structure (also of a cancelled or failed
 * run: the last good point) in a new editor;</li>
 * <li>what went wrong (an unknown contribution, a plugin that throws, a NaN loss) is one red line.</li>
 * </ul>
 */
public class RefinementView extends ViewPart {

    /** View id. */
    public static final String ID = "org.pxrd.ui.views.refinement";
    /** Longest interval between redraws of the live curves while a refinement runs (ms). */
    public static final int REFRESH_MS = 250;

    private static final String CHOOSE = "(choose a target)";

    /** A target the user can pick: an open editor (taken as it is when Run is pressed) or a fixed target. */
    private record Choice(String label, StructureEditor editor, PatternTarget fixed) {
        PatternTarget target() {
            return fixed != null ? fixed : new StructureTarget(editor.title(), editor.structure(), editor.file());
        }
    }

    private final StructureListener structureListener = (source, structure) -> structureChanged(source);
    private ActiveStructure active;
    private StructureSource startSource;
    private RefinementSettings settings = RefinementSettings.STUDY;
    private List<Contribution> losses = List.of();
    private List<String> projectors = List.of();
    private List<Contribution> optimizers = List.of();
    private final List<Choice> choices = new ArrayList<>();
    private final List<PatternTarget> fileTargets = new ArrayList<>();
    private PatternTarget chosen;

    private Label startText;
    private Combo targetCombo;
    private Combo lossCombo;
    private Combo projectorCombo;
    private Combo optimizerCombo;
    private final Map<ParameterGroup, Button> refineChecks = new LinkedHashMap<>();
    private final Map<String, Text> rateTexts = new LinkedHashMap<>();
    private Text maxStepsText;
    private Text toleranceText;
    private Text windowText;
    private Button runButton;
    private Button cancelButton;
    private Label progressText;
    private Label resultText;
    private Label problemText;
    private Button openResultButton;
    private RefinementCharts charts;

    private RefinementJob job;
    private StepTrace trace;
    private long drawnVersion = -1;
    private double[] targetLattice;
    private StructureSource runSource;
    private Structure runStart;
    private RefinementOutcome outcome;
    private StructureEditor resultEditor;

    @Override
    public void createPartControl(Composite parent) {
        PxrdServices services = PxrdUiPlugin.services();
        parent.setLayout(new GridLayout(1, false));
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        ScrolledComposite scroller = new ScrolledComposite(sash, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        Composite form = new Composite(scroller, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        scroller.setContent(form);
        createForm(form, services);
        Composite right = new Composite(sash, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        resultText = new Label(right, SWT.WRAP);
        resultText.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        problemText = new Label(right, SWT.WRAP);
        problemText.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        problemText.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        charts = new RefinementCharts(right);
        charts.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        sash.setWeights(32, 68);
        scroller.setMinSize(form.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        showSettings();
        active = ActiveStructure.of(getSite().getWorkbenchWindow());
        active.addListener(structureListener);
        structureChanged(active.source().orElse(null));
        updateButtons();
    }

    private void createForm(Composite form, PxrdServices services) {
        startText = row(form, "Start:", () -> new Label(form, SWT.NONE));
        targetCombo = row(form, "Target:", () -> new Combo(form, SWT.READ_ONLY));
        targetCombo.addListener(SWT.Selection, e -> {
            int i = targetCombo.getSelectionIndex();
            chosen = i >= 0 && i < choices.size() ? choices.get(i).target() : null;
        });
        new Label(form, SWT.NONE);
        Button file = new Button(form, SWT.PUSH);
        file.setText("Target File...");
        file.setToolTipText("A structure file (simulated with the instrument of the preferences) or a measured "
                + "pattern file (.xy, .xye, .csv, .xrdml, ...)");
        file.addListener(SWT.Selection, e -> askTargetFile());

        losses = listed("loss functions", () -> services.losses().contributions());
        lossCombo = row(form, "Loss:", () -> new Combo(form, SWT.READ_ONLY));
        losses.forEach(c -> lossCombo.add(c.name()));
        List<Contribution> projectorContributions = listed("projectors",
                () -> new ProjectorRegistry(services.extensions()).projectors());
        List<String> ids = new ArrayList<>();
        ids.add(RefinementOptions.NO_PROJECTOR);
        projectorContributions.forEach(c -> ids.add(c.id()));
        projectors = List.copyOf(ids);
        projectorCombo = row(form, "Projector:", () -> new Combo(form, SWT.READ_ONLY));
        projectorCombo.add("none (unconstrained)");
        projectorContributions.forEach(c -> projectorCombo.add(c.name()));
        optimizers = listed("optimizers", () -> new Optimizers(services.extensions()).contributions());
        optimizerCombo = row(form, "Optimizer:", () -> new Combo(form, SWT.READ_ONLY));
        optimizers.forEach(c -> optimizerCombo.add(c.name()));

        new Label(form, SWT.NONE).setText("Refine:");
        Composite groups = flow(form, ParameterGroup.values().length);
        for (ParameterGroup g : ParameterGroup.values()) {
            Button check = new Button(groups, SWT.CHECK);
            check.setText(g.id());
            refineChecks.put(g, check);
        }
        Group rates = new Group(form, SWT.NONE);
        rates.setText("Learning rates (gd: step per unit gradient; adam: step length)");
        rates.setLayout(new GridLayout(4, false));
        rates.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        rateTexts.put(ParameterGroup.LATTICE.id(), number(rates, "a, b, c (Å²/loss)", "rate of a, b, c"));
        rateTexts.put(LearningRates.ANGLES, number(rates, "α, β, γ (deg²/loss)", "rate of the angles"));
        rateTexts.put(ParameterGroup.COORDINATES.id(), number(rates, "x, y, z", "rate of the coordinates"));
        rateTexts.put(ParameterGroup.PROFILE.id(), number(rates, "profile", "rate of U, V, W, η, zero"));
        Group stop = new Group(form, SWT.NONE);
        stop.setText("Stop");
        stop.setLayout(new GridLayout(4, false));
        stop.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        maxStepsText = number(stop, "max steps", "the step budget");
        windowText = number(stop, "window (steps)", "converged when the loss changes by less than the tolerance "
                + "over this many steps");
        toleranceText = number(stop, "tolerance (loss)", "converged when the loss changes by less than this over "
                + "the window");
        new Label(stop, SWT.NONE);

        Composite buttons = flow(form, 3);
        ((GridData) buttons.getLayoutData()).horizontalSpan = 2;
        runButton = new Button(buttons, SWT.PUSH);
        runButton.setText("Run");
        runButton.addListener(SWT.Selection, e -> run());
        cancelButton = new Button(buttons, SWT.PUSH);
        cancelButton.setText("Cancel");
        cancelButton.addListener(SWT.Selection, e -> cancel());
        openResultButton = new Button(buttons, SWT.PUSH);
        openResultButton.setText("Open Result in New Editor");
        openResultButton.addListener(SWT.Selection, e -> openResult());
        progressText = new Label(form, SWT.NONE);
        progressText.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
    }

    private interface Maker<C> {
        C make();
    }

    private interface Lister {
        List<Contribution> list();
    }

    private static List<Contribution> listed(String what, Lister lister) {
        try {
            return lister.list();
        } catch (RuntimeException | LinkageError e) {
            PxrdUiPlugin.logError("the " + what + " cannot be listed: " + e, e);
            return List.of();
        }
    }

    private static <C extends org.eclipse.swt.widgets.Control> C row(Composite form, String label, Maker<C> maker) {
        new Label(form, SWT.NONE).setText(label);
        C control = maker.make();
        control.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return control;
    }

    private static Composite flow(Composite parent, int columns) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(columns, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        c.setLayout(layout);
        c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return c;
    }

    private static Text number(Composite parent, String label, String tip) {
        new Label(parent, SWT.NONE).setText(label);
        Text t = new Text(parent, SWT.BORDER | SWT.RIGHT);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false);
        d.widthHint = 70;
        t.setLayoutData(d);
        t.setToolTipText(tip);
        return t;
    }

    /** The active editor changed (or its structure): it is the start; the target list follows the open editors. */
    private void structureChanged(StructureSource source) {
        if (startText == null || startText.isDisposed()) {
            return;
        }
        startSource = source;
        startText.setText(source == null ? "(open a structure: the active editor's is refined)" : source.title());
        refreshTargets();
        updateButtons();
    }

    private void refreshTargets() {
        choices.clear();
        for (IEditorReference ref : getSite().getPage().getEditorReferences()) {
            if (ref.getEditor(false) instanceof StructureEditor editor && editor != startSource) {
                choices.add(new Choice("open: " + editor.title(), editor, null));
            }
        }
        for (PatternTarget t : fileTargets) {
            choices.add(new Choice((t instanceof StructureTarget ? "structure file: " : "measured pattern: ")
                    + t.name(), null, t));
        }
        targetCombo.removeAll();
        int selected = -1;
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            targetCombo.add(c.label());
            if (chosen != null && (c.fixed() == chosen
                    || c.editor() != null && chosen instanceof StructureTarget s && c.editor().title().equals(s.name()))) {
                selected = i;
            }
        }
        if (selected < 0 && chosen == null && !choices.isEmpty()) {
            selected = 0;
        }
        if (selected >= 0) {
            targetCombo.select(selected);
            chosen = choices.get(selected).target();
        } else if (choices.isEmpty()) {
            targetCombo.add(CHOOSE);
            targetCombo.select(0);
            chosen = null;
        }
    }

    private void askTargetFile() {
        Path file = FileDialogs.askOpenPath(getSite().getShell(), PxrdUiPlugin.services());
        if (file == null) {
            return;
        }
        try {
            PatternTarget t = PatternTargets.read(file, getSite().getShell(), WavelengthAsker.DIALOG, null);
            if (t != null) {
                setTarget(t);
            }
        } catch (FileFormatException e) {
            showProblem("cannot use " + file.getFileName() + " as target: " + e.getMessage());
        }
    }

    /** Makes {@code target} (a structure or a measured pattern) the target and selects it. */
    public void setTarget(PatternTarget target) {
        if (!fileTargets.contains(target)) {
            fileTargets.add(target);
        }
        chosen = target;
        refreshTargets();
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).fixed() == target) {
                targetCombo.select(i);
            }
        }
        updateButtons();
    }

    /** The target Run uses now, or null. */
    public PatternTarget target() {
        int i = targetCombo.getSelectionIndex();
        return i >= 0 && i < choices.size() ? choices.get(i).target() : null;
    }

    /** Shows settings in the form. */
    public void setSettings(RefinementSettings next) {
        settings = next;
        showSettings();
    }

    private void showSettings() {
        select(lossCombo, losses.stream().map(Contribution::id).toList(), settings.loss());
        select(projectorCombo, projectors, settings.projector());
        select(optimizerCombo, optimizers.stream().map(Contribution::id).toList(), settings.optimizer());
        refineChecks.forEach((g, check) -> check.setSelection(settings.refine().contains(g)));
        Map<String, Double> rates = settings.rates().asMap();
        rateTexts.forEach((key, text) -> text.setText(rates.containsKey(key) ? format(rates.get(key)) : ""));
        maxStepsText.setText(Integer.toString(settings.maxSteps()));
        toleranceText.setText(format(settings.tolerance()));
        windowText.setText(Integer.toString(settings.window()));
    }

    private static void select(Combo combo, List<String> ids, String id) {
        int i = ids.indexOf(id);
        if (i < 0) { // a short id (cosine, auto, gd) or one of a missing plugin
            for (int k = 0; k < ids.size(); k++) {
                if (ids.get(k).endsWith("." + id)) {
                    i = k;
                }
            }
        }
        combo.select(Math.max(0, i));
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    /**
     * The settings the form shows.
     *
     * @throws IllegalArgumentException naming the field that is not a valid number
     */
    public RefinementSettings settings() {
        String loss = id(lossCombo, losses.stream().map(Contribution::id).toList(), "loss");
        String projector = id(projectorCombo, projectors, "projector");
        String optimizer = id(optimizerCombo, optimizers.stream().map(Contribution::id).toList(), "optimizer");
        Set<ParameterGroup> refine = EnumSet.noneOf(ParameterGroup.class);
        refineChecks.forEach((g, check) -> {
            if (check.getSelection()) {
                refine.add(g);
            }
        });
        if (refine.isEmpty()) {
            throw new IllegalArgumentException("nothing to refine: tick lattice, coordinates or profile");
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Map.Entry<String, Text> e : rateTexts.entrySet()) {
            String text = e.getValue().getText().trim();
            boolean needed = e.getKey().equals(LearningRates.ANGLES) ? refine.contains(ParameterGroup.LATTICE)
                    : refine.contains(ParameterGroup.parse(e.getKey()));
            if (!text.isEmpty() || needed) {
                rates.put(e.getKey(), parse(text, "learning rate of " + e.getKey()));
            }
        }
        if (!refine.contains(ParameterGroup.LATTICE)) {
            rates.remove(LearningRates.ANGLES);
        }
        int maxSteps = (int) whole(maxStepsText.getText(), "max steps");
        int window = (int) whole(windowText.getText(), "window");
        double tolerance = parse(toleranceText.getText(), "tolerance");
        RefinementSettings s = new RefinementSettings(loss, projector, optimizer, refine, LearningRates.of(rates),
                maxSteps, tolerance, window, settings.seed());
        s.options(); // checks the stop rule
        return s;
    }

    private static String id(Combo combo, List<String> ids, String what) {
        int i = combo.getSelectionIndex();
        if (i < 0 || i >= ids.size()) {
            throw new IllegalArgumentException("no " + what + " to choose from (see the Plugins view)");
        }
        return ids.get(i);
    }

    private static double parse(String text, String what) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + text.trim() + "' is not a number", e);
        }
    }

    private static long whole(String text, String what) {
        try {
            long v = Long.parseLong(text.trim());
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + text.trim() + "' is not a whole number >= 0", e);
        }
    }

    /**
     * Starts a refinement of the active editor's structure with the form's settings.
     *
     * @return whether it started; when not, the problem line says why
     */
    public boolean run() {
        if (job != null) {
            return false;
        }
        StructureSource source = startSource;
        if (source == null) {
            showProblem("no structure to refine: open one (the active editor's structure is refined)");
            return false;
        }
        PatternTarget target = target();
        if (target == null) {
            showProblem("no target: open another structure or choose a target file");
            return false;
        }
        RefinementSettings s;
        try {
            s = settings();
        } catch (IllegalArgumentException e) {
            showProblem(e.getMessage());
            return false;
        }
        settings = s;
        RefinementRequest request = new RefinementRequest(source.structure(), source.title(), target, s,
                InstrumentPreferences.load());
        runSource = source;
        runStart = source.structure();
        outcome = null;
        resultEditor = null;
        targetLattice = request.targetStructure() == null ? null
                : request.targetStructure().lattice().parameters();
        trace = new StepTrace();
        drawnVersion = -1;
        charts.clear();
        showProblem(null);
        resultText.setText("Refining " + source.title() + " against " + target.name() + "...");
        org.eclipse.swt.widgets.Display display = getSite().getShell().getDisplay();
        RefinementJob started = new RefinementJob(request, PxrdUiPlugin.services().extensions(), trace,
                o -> display.asyncExec(() -> finished(o)));
        job = started;
        updateButtons();
        started.schedule();
        display.timerExec(REFRESH_MS, this::refreshWhileRunning);
        return true;
    }

    /** Cancels the running refinement (it stops at its next step). */
    public void cancel() {
        if (job != null) {
            job.cancelRun();
            progressText.setText("cancelling...");
        }
    }

    private void refreshWhileRunning() {
        if (charts.control().isDisposed() || job == null) {
            return;
        }
        redraw();
        getSite().getShell().getDisplay().timerExec(REFRESH_MS, this::refreshWhileRunning);
    }

    /** Draws the trace when it changed since the last drawing. */
    private void redraw() {
        if (trace == null || trace.version() == drawnVersion) {
            return;
        }
        drawnVersion = trace.version();
        StepTrace.Snapshot s = trace.snapshot();
        charts.show(s, targetLattice);
        if (s.size() > 0 && job != null) {
            progressText.setText(String.format(Locale.ROOT, "step %d of at most %d · loss %.6g", s.lastStep(),
                    settings.maxSteps(), s.losses()[s.size() - 1]));
        }
    }

    private void finished(RefinementOutcome o) {
        job = null;
        outcome = o;
        if (charts.control().isDisposed()) {
            return;
        }
        redraw();
        progressText.setText("");
        resultText.setText(o.result() == null ? "" : o.summary());
        showProblem(o.problem());
        if (o.completed()) {
            deliver(o);
        }
        updateButtons();
    }

    /** Applies a completed result to the start's editor (undoable) or, when it changed or closed, opens it anew. */
    private void deliver(RefinementOutcome o) {
        String label = "Refinement against " + o.request().target().name();
        if (runSource instanceof StructureEditor editor && isOpen(editor) && editor.structure() == runStart) {
            editor.apply(label, o.result().structure());
            resultEditor = editor;
        } else {
            resultEditor = openInNewEditor(o);
        }
    }

    private boolean isOpen(StructureEditor editor) {
        for (IEditorReference ref : getSite().getPage().getEditorReferences()) {
            if (ref.getEditor(false) == editor) {
                return true;
            }
        }
        return false;
    }

    /** Opens the last result (also of a cancelled or failed run: its last good point) in a new editor. */
    void openResult() {
        if (outcome != null && outcome.result() != null) {
            resultEditor = openInNewEditor(outcome);
        }
    }

    private StructureEditor openInNewEditor(RefinementOutcome o) {
        String name = o.request().startName().replaceAll("\\.[A-Za-z]+$", "") + "-refined";
        try {
            return StructureEditor.open(getSite().getPage(),
                    StructureEditorInput.unsaved(o.result().structure(), name));
        } catch (PartInitException e) {
            showProblem("the result could not be opened: " + e.getMessage());
            return null;
        }
    }

    private void showProblem(String line) {
        problemText.setText(line == null ? "" : line);
        problemText.getParent().layout();
    }

    private void updateButtons() {
        if (runButton == null || runButton.isDisposed()) {
            return;
        }
        runButton.setEnabled(job == null && startSource != null);
        cancelButton.setEnabled(job != null);
        openResultButton.setEnabled(job == null && outcome != null && outcome.result() != null);
    }

    /** Whether a refinement is running. */
    public boolean isRunning() {
        return job != null;
    }

    /** The outcome of the last refinement, or null (also while one runs). */
    public RefinementOutcome outcome() {
        return outcome;
    }

    /** The editor the last result went to (the start's, or a new one), or null. */
    public StructureEditor resultEditor() {
        return resultEditor;
    }

    /** The red problem line ("" when none). */
    public String problemText() {
        return problemText.getText();
    }

    /** The result line. */
    public String resultText() {
        return resultText.getText();
    }

    /** The points of the loss curve drawn now. */
    public int drawnLossPoints() {
        ISeries<?> s = charts.lossChart().getSeriesSet().getSeries(RefinementCharts.LOSS);
        return s == null ? 0 : s.getXSeries().length;
    }

    /** The step of the newest point drawn, or -1. */
    public int drawnLastStep() {
        ISeries<?> s = charts.lossChart().getSeriesSet().getSeries(RefinementCharts.LOSS);
        return s == null || s.getXSeries().length == 0 ? -1 : (int) s.getXSeries()[s.getXSeries().length - 1];
    }

    /** The learning-rate field of a group id or of {@value LearningRates#ANGLES} (for tests). */
    Text rateText(String key) {
        return rateTexts.get(key);
    }

    /** The charts (for tests and screenshots). */
    RefinementCharts charts() {
        return charts;
    }

    @Override
    public void setFocus() {
        runButton.setFocus();
    }

    @Override
    public void dispose() {
        if (job != null) {
            job.cancelRun();
        }
        if (active != null) {
            active.removeListener(structureListener);
        }
        super.dispose();
    }
}
