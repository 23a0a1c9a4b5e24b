package org.pxrd.ui.pattern;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.ISaveablePart;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ContributionRegistry;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.Radiation;
import org.pxrd.diffraction.TwoThetaGrid;
import org.pxrd.io.FileFormatException;
import org.pxrd.io.PatternFiles;
import org.pxrd.io.PatternFormat;
import org.pxrd.io.PatternFormatException;
import org.pxrd.model.Pattern;
import org.pxrd.model.Structure;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.editor.StructureEditor;
import org.pxrd.ui.files.FileDialogs;
import org.pxrd.ui.files.RecentFiles;
import org.pxrd.ui.jobs.LatestOnly;
import org.pxrd.ui.pattern.PatternTarget.MeasuredTarget;
import org.pxrd.ui.pattern.PatternTarget.StructureTarget;
import org.pxrd.ui.preferences.InstrumentPreferences;
import org.pxrd.ui.services.JsonText;
import org.pxrd.ui.services.PxrdServices;
import org.pxrd.ui.structure.ActiveStructure;
import org.pxrd.ui.structure.StructureListener;
import org.pxrd.ui.structure.StructureSource;

/**
 * The simulated powder pattern of the active structure against a target: another structure (simulated with the same
 * instrument) or a measured pattern, with their difference, the hkl ticks of the structure's peaks and the value of
 * a loss chosen from {@code org.pxrd.losses.lossFunctions} (third-party losses appear in the list). The chart's title
 * always names the wavelength.
 *
 * <p>The instrument is the preferences' ({@link InstrumentPreferences}) unless this view has its own
 * (Instrument...); a measured target brings its radiation and 2θ points. Every edit, undo and redo of the active
 * structure, and every change of target, instrument or loss, makes one {@link PatternRequest}; it is computed off
 * the UI thread by {@link PatternComputation}, newest first ({@link LatestOnly}), so typing in the editor stays
 * responsive. The view saves its target, instrument and loss with the workbench layout. One view follows the active
 * structure without a target; File &gt; Open of a pattern file opens one view per measured pattern.
 */
public class PatternView extends ViewPart implements ISaveablePart {

    /** View id. */
    public static final String ID = "org.pxrd.ui.views.pattern";
    /** The loss shown first: the study's objective. */
    public static final String DEFAULT_LOSS = "org.pxrd.losses.cosine";

    private static final String KEY_LOSS = "loss";
    private static final String KEY_INSTRUMENT = "instrument";
    private static final String KEY_CROP = "crop";
    private static final String KEY_TARGET_FILE = "targetFile";
    private static final String KEY_TARGET_RADIATION = "targetRadiation";

    private final StructureListener structureListener = this::structureChanged;
    private IMemento memento;
    private ActiveStructure active;
    private StructureSource source;
    private Structure structure;
    private PatternTarget target;
    private InstrumentSettings preferred;
    private InstrumentSettings own;
    private boolean cropToRange;
    private String lossId = DEFAULT_LOSS;
    private List<Contribution> lossChoices = List.of();
    private LatestOnly<PatternRequest, PatternResult> worker;
    private PatternResult result;
    private List<String> restoreProblems = List.of();

    private Label targetText;
    private Combo lossCombo;
    private Label lossText;
    private Label problemsText;
    private PatternChart chart;

    private volatile boolean reloadScheduled;
    private final IPreferenceChangeListener preferenceListener = e -> {
        if (InstrumentPreferences.isInstrumentKey(e.getKey()) && this.chart != null && !reloadScheduled) {
            reloadScheduled = true; // a store changes several keys: one reload after them
            this.chart.chart().getDisplay().asyncExec(() -> {
                reloadScheduled = false;
                if (!this.chart.chart().isDisposed()) {
                    preferred = InstrumentPreferences.load();
                    requestUpdate();
                }
            });
        }
    };

    @Override
    public void init(IViewSite site, IMemento saved) throws PartInitException {
        super.init(site, saved);
        this.memento = saved;
    }

    @Override
    public void createPartControl(Composite parent) {
        PxrdServices services = PxrdUiPlugin.services();
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayout barLayout = new GridLayout(3, false);
        barLayout.marginHeight = 0;
        bar.setLayout(barLayout);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(bar, SWT.NONE).setText("Target:");
        targetText = new Label(bar, SWT.NONE);
        targetText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(bar, SWT.NONE).setText("Loss:");
        lossCombo = new Combo(bar, SWT.READ_ONLY);
        lossText = new Label(bar, SWT.NONE);
        lossText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        chart = new PatternChart(parent);
        chart.chart().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        problemsText = new Label(parent, SWT.WRAP);
        problemsText.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridData problemsData = new GridData(SWT.FILL, SWT.TOP, true, false);
        problemsData.exclude = true;
        problemsText.setLayoutData(problemsData);
        problemsText.setVisible(false);

        preferred = InstrumentPreferences.load();
        restore(services);
        fillLossChoices(services);
        lossCombo.addListener(SWT.Selection, e -> {
            int i = lossCombo.getSelectionIndex();
            if (i >= 0 && i < lossChoices.size()) {
                setLoss(lossChoices.get(i).id());
            }
        });
        createActions();
        PatternComputation computation = new PatternComputation(services.simulators(), services.losses());
        worker = new LatestOnly<>("Simulating the powder pattern", parent.getDisplay(), computation::compute,
                this::delivered);
        InstrumentPreferences.addListener(preferenceListener);
        active = ActiveStructure.of(getSite().getWorkbenchWindow());
        active.addListener(structureListener);
        source = active.source().orElse(null);
        structure = source == null ? null : source.structure();
        showTarget();
        requestUpdate();
    }

    private void fillLossChoices(PxrdServices services) {
        try {
            lossChoices = services.losses().contributions();
        } catch (RuntimeException | LinkageError e) {
            PxrdUiPlugin.logError("the loss functions cannot be listed: " + e, e);
            lossChoices = List.of();
        }
        lossCombo.removeAll();
        for (Contribution c : lossChoices) {
            lossCombo.add(c.name());
        }
        selectLossInCombo();
    }

    private void selectLossInCombo() {
        for (int i = 0; i < lossChoices.size(); i++) {
            if (lossChoices.get(i).id().equals(lossId)) {
                lossCombo.select(i);
                return;
            }
        }
        if (!lossChoices.isEmpty() && lossChoices.stream().noneMatch(c -> c.id().equals(lossId))) {
            lossId = lossChoices.get(0).id();
            lossCombo.select(0);
        }
    }

    private void createActions() {
        IToolBarManager toolBar = getViewSite().getActionBars().getToolBarManager();
        IMenuManager menu = getViewSite().getActionBars().getMenuManager();
        Action chooseTarget = action("Target...", "Compare with a structure file (simulated) or a measured pattern "
                + "file", this::askTarget);
        Action instrument = action("Instrument...", "Wavelength, profile and 2θ range of this view",
                this::editInstrument);
        Action reset = action("Reset Zoom", "Show every curve whole (also: double click)", () -> chart.resetZoom());
        Action png = action("Export PNG...", "Save the chart as an image", this::askExportPng);
        Action csv = action("Export CSV...", "Save the curves as CSV (2θ, simulated, target, difference)",
                this::askExportCsv);
        Action save = action("Save Simulated Pattern As...", "Save the simulated pattern as a pattern file "
                + "(.xy, .csv)", this::doSaveAs);
        Action noTarget = action("No Target", "Show the simulated pattern alone", () -> setTarget(null));
        toolBar.add(chooseTarget);
        toolBar.add(instrument);
        toolBar.add(reset);
        MenuManager editors = new MenuManager("Compare With Open Structure");
        editors.setRemoveAllWhenShown(true);
        editors.addMenuListener(m -> fillOpenStructures(m));
        editors.add(new Separator()); // a menu with no item would not open
        menu.add(chooseTarget);
        menu.add(editors);
        menu.add(noTarget);
        menu.add(new Separator());
        menu.add(instrument);
        menu.add(reset);
        menu.add(new Separator());
        menu.add(png);
        menu.add(csv);
        menu.add(save);
    }

    private static Action action(String text, String tip, Runnable run) {
        Action a = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        a.setToolTipText(tip);
        return a;
    }

    private void fillOpenStructures(IMenuManager menu) {
        for (IEditorReference ref : getSite().getPage().getEditorReferences()) {
            if (ref.getEditor(false) instanceof StructureEditor editor) {
                String name = editor.title();
                menu.add(action(name, "Compare with this structure as it is now", () -> setTarget(
                        new StructureTarget(name, editor.structure(), editor.file()))));
            }
        }
        if (menu.isEmpty()) {
            Action none = action("(no structure open)", null, () -> { });
            none.setEnabled(false);
            menu.add(none);
        }
    }

    private void structureChanged(StructureSource from, Structure next) {
        source = from;
        structure = next;
        requestUpdate();
    }

    /** The instrument the view starts from: its own settings, else the preferences. */
    public InstrumentSettings baseInstrument() {
        return own != null ? own : preferred;
    }

    /** Makes a request of the current state and computes it in the background. */
    private void requestUpdate() {
        if (worker == null) {
            return;
        }
        PatternRequest request = new PatternRequest(structure, source == null ? null : source.title(),
                baseInstrument(), cropToRange, target, lossId);
        chart.setTitle(title(request, expectedRadiation()));
        worker.submit(request);
    }

    private Radiation expectedRadiation() {
        return target instanceof MeasuredTarget m ? m.radiation() : baseInstrument().radiation();
    }

    /** The chart title: what is compared, and on a second line the wavelength. */
    static String title(PatternRequest r, Radiation radiation) {
        String what;
        if (r.structure() == null && r.target() == null) {
            what = "No structure open";
        } else if (r.structure() == null) {
            what = r.target().name();
        } else if (r.target() == null) {
            what = r.structureName() + " (simulated)";
        } else {
            what = r.structureName() + " vs " + r.target().name();
        }
        return what + "\nλ = " + radiation.describe();
    }

    private void delivered(LatestOnly.Result<PatternRequest, PatternResult> r) {
        if (chart == null || chart.chart().isDisposed()) {
            return;
        }
        if (r.failed()) {
            result = null;
            chart.show(null, "", "");
            List<String> problems = new ArrayList<>(restoreProblems);
            problems.add("the pattern could not be computed: " + r.error().getMessage());
            showProblems(problems);
            lossText.setText("");
            return;
        }
        result = r.output();
        PatternRequest q = result.request();
        chart.setTitle(title(q, result.instrument().radiation()));
        chart.show(result, "simulated: " + q.structureName(), target == null ? "" : targetLabel(target));
        if (result.hasLoss()) {
            lossText.setText(String.format(Locale.ROOT, "%.6g  (%s is better)", result.loss(),
                    result.lowerIsBetter() ? "lower" : "higher"));
        } else {
            lossText.setText(q.structure() == null || q.target() == null ? "needs a structure and a target" : "—");
        }
        List<String> problems = new ArrayList<>(restoreProblems);
        problems.addAll(result.problems());
        showProblems(problems);
        firePropertyChange(PROP_DIRTY); // Save As follows whether there is a simulated pattern
    }

    private static String targetLabel(PatternTarget t) {
        return (t instanceof MeasuredTarget ? "measured: " : "simulated: ") + t.name();
    }

    private void showProblems(List<String> problems) {
        String text = String.join("\n", problems);
        problemsText.setText(text);
        GridData data = (GridData) problemsText.getLayoutData();
        data.exclude = text.isEmpty();
        problemsText.setVisible(!text.isEmpty());
        problemsText.getParent().layout();
    }

    private void showTarget() {
        if (target == null) {
            targetText.setText("none (Target... to compare with a structure or a measured pattern)");
            setPartName("Pattern");
        } else {
            targetText.setText(targetLabel(target) + (target.file() == null ? "" : "  (" + target.file() + ")"));
            setPartName("Pattern: " + target.name());
        }
        targetText.getParent().layout();
    }

    /** Sets the target (null: none) and recomputes. */
    public void setTarget(PatternTarget next) {
        target = next;
        if (!(next instanceof MeasuredTarget)) {
            cropToRange = own != null;
        }
        chart.resetZoom();
        showTarget();
        requestUpdate();
    }

    /** The target, or null. */
    public PatternTarget target() {
        return target;
    }

    /**
     * Gives the view its own instrument (null: the preferences again). With a measured target, the settings'
     * radiation becomes the measurement's and a 2θ range other than the measurement's cuts it.
     */
    public void setInstrument(InstrumentSettings settings) {
        if (settings == null) {
            own = null;
            cropToRange = false;
        } else {
            if (target instanceof MeasuredTarget m) {
                TwoThetaGrid shown = PatternComputation.gridFor(m.pattern(), baseInstrument());
                cropToRange = settings.grid().min() != shown.min() || settings.grid().max() != shown.max();
                target = m.withRadiation(settings.radiation());
                showTarget();
            } else {
                cropToRange = true;
            }
            own = settings;
        }
        requestUpdate();
    }

    /** The losses offered (the contributions of {@code org.pxrd.losses.lossFunctions}). */
    public List<Contribution> lossChoices() {
        return lossChoices;
    }

    /** The loss shown (contribution id). */
    public String lossId() {
        return lossId;
    }

    /** Chooses the loss (a contribution id of {@code org.pxrd.losses.lossFunctions}) and recomputes. */
    public void setLoss(String id) {
        lossId = id;
        selectLossInCombo();
        requestUpdate();
    }

    private void editInstrument() {
        InstrumentSettings shown = baseInstrument();
        if (target instanceof MeasuredTarget m) {
            shown = shown.withRadiation(m.radiation());
            if (!cropToRange) {
                shown = shown.withGrid(PatternComputation.gridFor(m.pattern(), shown));
            }
        }
        InstrumentDialog dialog = new InstrumentDialog(getSite().getShell(), shown, target instanceof MeasuredTarget);
        int code = dialog.open();
        if (code == Window.OK) {
            setInstrument(dialog.chosen());
        } else if (code == InstrumentDialog.USE_PREFERENCES) {
            setInstrument(null);
        }
    }

    private void askTarget() {
        Path file = FileDialogs.askOpenPath(getSite().getShell(), PxrdUiPlugin.services());
        if (file == null) {
            return;
        }
        try {
            PatternTarget t = readTarget(file, WavelengthAsker.DIALOG, null);
            if (t != null) {
                setTarget(t);
            }
        } catch (FileFormatException e) {
            MessageDialog.openError(getSite().getShell(), "Cannot use as target", e.getMessage());
        }
    }

    /**
     * A target read from a structure or pattern file (by its name, else tried as a structure, then as a pattern).
     *
     * @param radiation the radiation of a measurement whose file states none, or null to ask
     * @return the target, or null when the user gave no wavelength
     * @throws FileFormatException with the reader's one-line message
     */
    PatternTarget readTarget(Path file, WavelengthAsker asker, Radiation radiation) throws FileFormatException {
        return PatternTargets.read(file, getSite().getShell(), asker, radiation);
    }

    private void askExportPng() {
        Path file = askFile("Export Chart as PNG", "*.png", "PNG image (*.png)", "pattern.png");
        if (file != null) {
            exportPng(file);
        }
    }

    /** Writes the chart as drawn to a PNG file. */
    public void exportPng(Path file) {
        chart.exportPng(file);
    }

    private void askExportCsv() {
        if (result == null) {
            return;
        }
        Path file = askFile("Export Curves as CSV", "*.csv", "CSV (*.csv)", "pattern-curves.csv");
        if (file != null) {
            try {
                exportCsv(file);
            } catch (IOException e) {
                MessageDialog.openError(getSite().getShell(), "Export failed", file + ": " + e.getMessage());
            }
        }
    }

    /** Writes the curves shown as CSV ({@link PatternCsv}). */
    public void exportCsv(Path file) throws IOException {
        PatternCsv.write(result, chart.title(), file);
    }

    private Path askFile(String title, String glob, String filterName, String suggestion) {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setText(title);
        dialog.setOverwrite(true);
        dialog.setFilterExtensions(new String[] {glob, "*"});
        dialog.setFilterNames(new String[] {filterName, "All files (*)"});
        dialog.setFileName(suggestion);
        String chosen = dialog.open();
        return chosen == null ? null : Path.of(chosen);
    }

    /**
     * Writes the simulated pattern (as the simulator returns it: maximum 1, with its wavelength) in the pattern
     * format of the file's extension ({@code .xy}, {@code .csv}, ...).
     *
     * @throws PatternFormatException when there is no simulated pattern or no format writes such files
     */
    public void saveSimulatedPattern(Path file) throws PatternFormatException {
        Pattern simulated = result == null ? null : result.simulated();
        if (simulated == null) {
            throw new PatternFormatException(file.toString(), 0, "there is no simulated pattern to save (open a "
                    + "structure)");
        }
        String name = result.request().structureName();
        PxrdUiPlugin.services().patternFiles().write(simulated.withName(name == null ? "simulated" : name), file);
        RecentFiles.add(file);
    }

    /** The contributed pattern formats that write files. */
    private static List<Contribution> writableFormats() {
        ContributionRegistry<PatternFormat> formats = new ContributionRegistry<>(
                PxrdUiPlugin.services().extensions(), PatternFiles.EXTENSION_POINT, PatternFormat.class);
        List<Contribution> writable = new ArrayList<>();
        for (Contribution c : formats.contributions()) {
            try {
                if (formats.create(c, c.defaultSettings()).canWrite()) {
                    writable.add(c);
                }
            } catch (ContributionException | RuntimeException e) {
                // a format that does not start cannot write
            }
        }
        return writable;
    }

    @Override
    public void doSaveAs() {
        if (result == null || result.simulated() == null) {
            MessageDialog.openInformation(getSite().getShell(), "Save Pattern", "There is no simulated pattern to "
                    + "save: open a structure first.");
            return;
        }
        String name = result.request().structureName();
        Path file = FileDialogs.askPatternSavePath(getSite().getShell(), writableFormats(),
                Path.of((name == null ? "simulated" : name.replaceAll("\\.[A-Za-z]+$", "")) + ".xy"));
        if (file == null) {
            return;
        }
        try {
            saveSimulatedPattern(file);
        } catch (PatternFormatException e) {
            MessageDialog.openError(getSite().getShell(), "Save failed", e.getMessage());
        }
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // nothing to save: the view holds no document (Save As writes the simulated pattern)
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return result != null && result.simulated() != null;
    }

    @Override
    public boolean isSaveOnCloseNeeded() {
        return false;
    }

    @Override
    public void saveState(IMemento state) {
        super.saveState(state);
        state.putString(KEY_LOSS, lossId);
        if (own != null) {
            state.putString(KEY_INSTRUMENT, JsonText.of(own));
            state.putBoolean(KEY_CROP, cropToRange);
        }
        if (target != null && target.file() != null) {
            state.putString(KEY_TARGET_FILE, target.file().toString());
            if (target instanceof MeasuredTarget m) {
                state.putString(KEY_TARGET_RADIATION, JsonText.of(m.radiation()));
            }
        }
    }

    /** Restores the target, instrument and loss saved with the layout; what cannot be restored is reported. */
    private void restore(PxrdServices services) {
        if (memento == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        String loss = memento.getString(KEY_LOSS);
        if (loss != null) {
            lossId = loss;
        }
        String instrument = memento.getString(KEY_INSTRUMENT);
        if (instrument != null) {
            try {
                own = JsonText.read(instrument, InstrumentSettings.class);
                cropToRange = Boolean.TRUE.equals(memento.getBoolean(KEY_CROP));
            } catch (IllegalArgumentException e) {
                problems.add("the view's instrument could not be restored: " + e.getMessage());
            }
        }
        String file = memento.getString(KEY_TARGET_FILE);
        if (file != null) {
            try {
                String radiation = memento.getString(KEY_TARGET_RADIATION);
                Radiation r = radiation == null ? null : JsonText.read(radiation, Radiation.class);
                target = readTarget(Path.of(file), (shell, name) -> null, r);
            } catch (FileFormatException | IllegalArgumentException e) {
                problems.add("the target could not be restored: " + e.getMessage());
            }
        }
        restoreProblems = List.copyOf(problems);
    }

    /** The last result shown, or null. */
    public PatternResult result() {
        return result;
    }

    /** Whether the result shown is that of the view's current state. */
    public boolean isUpToDate() {
        return worker != null && worker.isCurrent();
    }

    /** The chart's title. */
    public String chartTitle() {
        return chart.title();
    }

    /** The text next to the loss chooser. */
    public String lossText() {
        return lossText.getText();
    }

    /** The chart (for tests). */
    PatternChart chart() {
        return chart;
    }

    @Override
    public void setFocus() {
        chart.chart().setFocus();
    }

    @Override
    public void dispose() {
        if (worker != null) {
            worker.dispose();
        }
        if (active != null) {
            active.removeListener(structureListener);
        }
        InstrumentPreferences.removeListener(preferenceListener);
        super.dispose();
    }
}
