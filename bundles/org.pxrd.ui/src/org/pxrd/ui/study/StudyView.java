package org.pxrd.ui.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.pxrd.model.Structure;
import org.pxrd.study.report.GroupStatistics;
import org.pxrd.study.report.StructureMatchRates;
import org.pxrd.study.report.StudyStatistics;
import org.pxrd.study.run.RunRecord;
import org.pxrd.study.stats.MatchRate;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.editor.StructureEditor;
import org.pxrd.ui.editor.StructureEditorInput;
import org.pxrd.ui.jobs.LatestOnly;

/**
 * The results of a study folder (what {@code pxrd study --out DIR} writes): the match rate of every condition as
 * bars with their 95% Jeffreys intervals ({@link StudyChart}), a table of the conditions (runs, matches, rate and
 * interval, failures, mean steps, mutual information and correlations of distance and similarity), the runs of the
 * selected condition, and Open Refined Structure, which rebuilds a run's final structure from its record and its
 * ground truth and opens it in an editor.
 *
 * <p>The folder is read off the UI thread ({@link LatestOnly}); while it is shown, the size of its results file is
 * checked every {@link #POLL_MS} ms and the folder is read again when it grew, so a running study fills in as its
 * runs finish. A folder that is not a study or a damaged record is one red line; the last good state stays shown.
 */
public class StudyView extends ViewPart {

    /** View id. */
    public static final String ID = "org.pxrd.ui.views.study";
    /** Interval of the check for new results of a running study (ms). */
    public static final int POLL_MS = 2000;

    private static final String KEY_FOLDER = "folder";

    /** One reading of a folder (distinct per request, so a re-read of the same folder is a new input). */
    private record Load(Path folder, long request) {
    }

    private IMemento memento;
    private LatestOnly<Load, StudyResults> reader;
    private long requests;
    private Path folder;
    private StudyResults results;
    private List<GroupStatistics> shownGroups = List.of();
    private List<String> shownStructures = List.of();
    private List<RunRecord> shownRuns = List.of();

    private Label folderText;
    private Label summaryText;
    private Label problemText;
    private StudyChart chart;
    private Table conditions;
    private Table structures;
    private Table runs;
    private Button openRun;
    private Label runDetails;

    @Override
    public void init(IViewSite site, IMemento saved) throws PartInitException {
        super.init(site, saved);
        this.memento = saved;
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayout barLayout = new GridLayout(4, false);
        barLayout.marginHeight = 0;
        bar.setLayout(barLayout);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Button open = new Button(bar, SWT.PUSH);
        open.setText("Open Study Folder...");
        open.setToolTipText("A folder written by pxrd study --out DIR (study.json, results.jsonl)");
        open.addListener(SWT.Selection, e -> askFolder());
        Button reload = new Button(bar, SWT.PUSH);
        reload.setText("Reload");
        reload.addListener(SWT.Selection, e -> reload());
        folderText = new Label(bar, SWT.NONE);
        folderText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        summaryText = new Label(bar, SWT.NONE);
        problemText = new Label(parent, SWT.WRAP);
        problemText.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        problemText.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chart = new StudyChart(sash);
        SashForm tables = new SashForm(sash, SWT.VERTICAL);
        conditions = table(tables, "Condition", 230, "Loss", 90, "Runs", 50, "Matches", 60, "Rate", 60,
                "95% CI", 110, "Failed", 50, "Mean steps", 75, "MI (nats)", 70, "Pearson", 65, "Spearman", 65);
        conditions.addListener(SWT.Selection, e -> conditionChosen());
        structures = table(tables, "Structure", 230, "Runs", 50, "Matches", 60, "Rate", 60, "95% CI", 110);
        structures.setToolTipText("The selected condition's runs per structure; select one to list only its runs");
        structures.addListener(SWT.Selection, e -> showRuns());
        Composite runBox = new Composite(tables, SWT.NONE);
        runBox.setLayout(new GridLayout(1, false));
        runs = table(runBox, "Run", 200, "Structure", 190, "Status", 85, "Match", 50, "rms", 65, "Loss start", 80,
                "Loss final", 80, "Steps", 55);
        runs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        runs.addListener(SWT.Selection, e -> runChosen());
        runs.addListener(SWT.DefaultSelection, e -> openSelectedRun());
        openRun = new Button(runBox, SWT.PUSH);
        openRun.setText("Open Refined Structure");
        openRun.setToolTipText("Rebuild the run's final structure (recorded lattice and coordinates on its ground "
                + "truth) and open it in an editor");
        openRun.setEnabled(false);
        openRun.addListener(SWT.Selection, e -> openSelectedRun());
        runDetails = new Label(runBox, SWT.WRAP);
        runDetails.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        tables.setWeights(40, 25, 35);
        sash.setWeights(50, 50);

        reader = new LatestOnly<>("Reading a study folder", parent.getDisplay(), l -> StudyResults.read(l.folder()),
                this::delivered);
        showFolder();
        String saved = memento == null ? null : memento.getString(KEY_FOLDER);
        if (saved != null) {
            setFolder(Path.of(saved));
        }
        parent.getDisplay().timerExec(POLL_MS, this::poll);
    }

    private static Table table(Composite parent, Object... columns) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        for (int i = 0; i < columns.length; i += 2) {
            TableColumn c = new TableColumn(t, i == 0 ? SWT.LEFT : SWT.RIGHT);
            c.setText((String) columns[i]);
            c.setWidth((Integer) columns[i + 1]);
        }
        return t;
    }

    private void askFolder() {
        DirectoryDialog dialog = new DirectoryDialog(getSite().getShell());
        dialog.setText("Open Study Folder");
        dialog.setMessage("A folder written by pxrd study --out DIR");
        if (folder != null) {
            dialog.setFilterPath(folder.toString());
        }
        String chosen = dialog.open();
        if (chosen != null) {
            setFolder(Path.of(chosen));
        }
    }

    /** Shows a study folder (read in the background). */
    public void setFolder(Path dir) {
        folder = dir.toAbsolutePath().normalize();
        results = null;
        showFolder();
        reload();
    }

    /** Reads the folder again. */
    public void reload() {
        if (folder != null) {
            reader.submit(new Load(folder, ++requests));
        }
    }

    private void poll() {
        if (conditions.isDisposed()) {
            return;
        }
        if (folder != null && results != null && reader.isCurrent()
                && StudyResults.resultsBytes(folder) != results.resultsBytes()) {
            reload();
        }
        conditions.getDisplay().timerExec(POLL_MS, this::poll);
    }

    private void showFolder() {
        folderText.setText(folder == null ? "no study folder open" : folder.toString());
        folderText.getParent().layout();
    }

    private void delivered(LatestOnly.Result<Load, StudyResults> r) {
        if (conditions.isDisposed() || !r.input().folder().equals(folder)) {
            return;
        }
        if (r.failed()) {
            problemText.setText(r.error().getMessage());
            problemText.getParent().layout();
            return;
        }
        problemText.setText("");
        results = r.output();
        show(results);
    }

    private void show(StudyResults s) {
        StudyStatistics stats = s.statistics();
        int failed = stats.groups().stream().mapToInt(GroupStatistics::failed).sum();
        summaryText.setText(String.format(Locale.ROOT, "%s: %d%s runs recorded%s%s", s.study().name(),
                s.records().size(), s.plannedRuns() >= 0 ? " of " + s.plannedRuns() : "",
                failed > 0 ? ", " + failed + " failed" : "",
                stats.unexpected() > 0 ? ", " + stats.unexpected() + " of other conditions ignored" : ""));
        summaryText.getParent().layout();
        chart.show(stats.groups());
        GroupStatistics selected = selectedCondition();
        shownGroups = stats.groups();
        conditions.setRedraw(false);
        conditions.removeAll();
        for (GroupStatistics g : shownGroups) {
            TableItem item = new TableItem(conditions, SWT.NONE);
            item.setText(conditionRow(g));
        }
        conditions.setRedraw(true);
        int again = selected == null ? -1 : indexOf(selected);
        if (again >= 0) {
            conditions.select(again);
        }
        showStructures();
    }

    private int indexOf(GroupStatistics g) {
        for (int i = 0; i < shownGroups.size(); i++) {
            if (shownGroups.get(i).key().equals(g.key())) {
                return i;
            }
        }
        return -1;
    }

    /** The cells of a condition's row. */
    static String[] conditionRow(GroupStatistics g) {
        String[] rate = rateCells(g.rate());
        return new String[] {StudyChart.category(g.key()), g.key().loss(), Integer.toString(g.runs()), rate[0],
            rate[1], rate[2], Integer.toString(g.failed()), number(g.meanSteps(), "%.0f"),
            number(g.mutualInformation(), "%.3f"), number(g.pearson(), "%.3f"), number(g.spearman(), "%.3f")};
    }

    /** Matches, rate (%) and 95% interval (%) of a match rate, or blanks without one. */
    private static String[] rateCells(MatchRate r) {
        if (r == null) {
            return new String[] {"", "", ""};
        }
        return new String[] {Integer.toString(r.matches()), String.format(Locale.ROOT, "%.1f%%", 100 * r.rate()),
            String.format(Locale.ROOT, "%.1f–%.1f%%", 100 * r.lower(), 100 * r.upper())};
    }

    private static String number(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "–";
    }

    private GroupStatistics selectedCondition() {
        int i = conditions.getSelectionIndex();
        return i >= 0 && i < shownGroups.size() ? shownGroups.get(i) : null;
    }

    /** Lists the selected condition's structures with their match rates, then its runs. */
    private void showStructures() {
        GroupStatistics g = selectedCondition();
        String selected = selectedStructure();
        Map<String, MatchRate> rates = g == null || results == null ? Map.of()
                : StructureMatchRates.byStructure(results.runs(g.key()));
        shownStructures = List.copyOf(rates.keySet());
        structures.setRedraw(false);
        structures.removeAll();
        rates.forEach((structure, r) -> {
            String[] rate = rateCells(r);
            new TableItem(structures, SWT.NONE).setText(new String[] {structure, Integer.toString(r.runs()),
                rate[0], rate[1], rate[2]});
        });
        structures.setRedraw(true);
        int again = selected == null ? -1 : shownStructures.indexOf(selected);
        if (again >= 0) {
            structures.select(again);
        }
        showRuns();
    }

    private String selectedStructure() {
        int i = structures.getSelectionIndex();
        return i >= 0 && i < shownStructures.size() ? shownStructures.get(i) : null;
    }

    /** Lists the runs of the selected condition, only the selected structure's when one is selected. */
    private void showRuns() {
        GroupStatistics g = selectedCondition();
        String structure = selectedStructure();
        RunRecord selectedRun = selectedRun();
        shownRuns = g == null || results == null ? List.of() : results.runs(g.key()).stream()
                .filter(r -> structure == null || r.structure().equals(structure)).toList();
        runs.setRedraw(false);
        runs.removeAll();
        int again = -1;
        for (RunRecord r : shownRuns) {
            TableItem item = new TableItem(runs, SWT.NONE);
            item.setText(new String[] {r.id(), r.structure(), r.status().name().toLowerCase(Locale.ROOT),
                r.match() ? "yes" : "no", number(r.rms(), "%.4f"), number(r.lossStart(), "%.5g"),
                number(r.lossFinal(), "%.5g"), Integer.toString(r.steps())});
            if (selectedRun != null && selectedRun.id().equals(r.id())) {
                again = runs.getItemCount() - 1;
            }
        }
        runs.setRedraw(true);
        if (again >= 0) {
            runs.select(again);
        }
        runChosen();
    }

    private RunRecord selectedRun() {
        int i = runs.getSelectionIndex();
        return i >= 0 && i < shownRuns.size() ? shownRuns.get(i) : null;
    }

    /** Selects a condition's row (index into {@link #statistics()}'s groups) and lists its structures and runs. */
    public void selectCondition(int index) {
        conditions.select(index);
        conditionChosen();
    }

    /** Another condition: all its runs, no structure selected (a reload keeps the selections instead). */
    private void conditionChosen() {
        structures.deselectAll();
        showStructures();
    }

    /** Selects a structure of the selected condition (index into {@link #structuresShown()}) and lists its runs. */
    public void selectStructure(int index) {
        structures.select(index);
        showRuns();
    }

    /** The structures listed for the selected condition, in plan order. */
    public List<String> structuresShown() {
        return shownStructures;
    }

    /** The text of a cell of the structure table. */
    public String structureCell(int row, int column) {
        return structures.getItem(row).getText(column);
    }

    /** Selects a run of the selected condition (index into {@link #runsShown()}). */
    public void selectRun(int index) {
        runs.select(index);
        runChosen();
    }

    /** The selected run's details: why it stopped, and its similarity and distance to the truth at start and end. */
    private void runChosen() {
        RunRecord r = selectedRun();
        openRun.setEnabled(r != null);
        if (r == null) {
            runDetails.setText("");
        } else {
            String status = r.status().name().toLowerCase(Locale.ROOT);
            String why = r.message().startsWith(status) ? r.message()
                    : r.message().isEmpty() ? status : status + ": " + r.message();
            runDetails.setText(String.format(Locale.ROOT, "%s%nXRD similarity %s → %s, distance %s → %s", why,
                    number(r.similarityStart(), "%.6g"), number(r.similarityFinal(), "%.6g"),
                    number(r.distanceStart(), "%.4g"), number(r.distanceFinal(), "%.4g")));
        }
        runDetails.getParent().layout();
    }

    /** The selected run's details as shown under the run table ("" when no run is selected). */
    public String runDetails() {
        return runDetails.getText();
    }

    /**
     * Opens the selected run's refined structure in a new editor.
     *
     * @return the editor, or null when there is none to open (the problem line says why)
     */
    public StructureEditor openSelectedRun() {
        RunRecord run = selectedRun();
        if (run == null || results == null) {
            return null;
        }
        try {
            Structure refined = results.refinedStructure(run, PxrdUiPlugin.services().structureFiles());
            return StructureEditor.open(getSite().getPage(), StructureEditorInput.unsaved(refined,
                    run.structure() + "-" + run.id()));
        } catch (IllegalArgumentException | PartInitException e) {
            problemText.setText("cannot open the refined structure of run " + run.id() + ": " + e.getMessage());
            problemText.getParent().layout();
            return null;
        }
    }

    /** The folder shown, or null. */
    public Path folder() {
        return folder;
    }

    /** The results shown, or null before the first reading. */
    public StudyResults results() {
        return results;
    }

    /** The statistics shown, or null. */
    public StudyStatistics statistics() {
        return results == null ? null : results.statistics();
    }

    /** The runs listed for the selected condition. */
    public List<RunRecord> runsShown() {
        return shownRuns;
    }

    /** Whether the newest reading of the folder is shown. */
    public boolean isUpToDate() {
        return reader.isCurrent();
    }

    /** The red problem line ("" when none). */
    public String problemText() {
        return problemText.getText();
    }

    /** The summary line. */
    public String summaryText() {
        return summaryText.getText();
    }

    /** The text of a cell of the condition table. */
    public String conditionCell(int row, int column) {
        return conditions.getItem(row).getText(column);
    }

    StudyChart chart() {
        return chart;
    }

    @Override
    public void saveState(IMemento state) {
        super.saveState(state);
        if (folder != null) {
            state.putString(KEY_FOLDER, folder.toString());
        }
    }

    @Override
    public void setFocus() {
        conditions.setFocus();
    }

    @Override
    public void dispose() {
        if (reader != null) {
            reader.dispose();
        }
        super.dispose();
    }
}
