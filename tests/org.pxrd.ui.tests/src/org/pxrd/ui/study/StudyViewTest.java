package org.pxrd.ui.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swtchart.IBarSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.io.StructureFormatException;
import org.pxrd.model.Structure;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyDescription.NoiseType;
import org.pxrd.study.protocol.StudyDescription.Refined;
import org.pxrd.study.protocol.StudyFormat;
import org.pxrd.study.report.GroupStatistics;
import org.pxrd.study.run.ResultsFile;
import org.pxrd.study.run.RunRecord;
import org.pxrd.study.run.RunSpec;
import org.pxrd.study.run.RunSpec.GroupKey;
import org.pxrd.study.run.Shard;
import org.pxrd.study.run.StudyFolder;
import org.pxrd.study.run.StudyPlan;
import org.pxrd.testdata.TestData;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.editor.StructureEditor;
import org.pxrd.ui.testsupport.Screenshots;
import org.pxrd.ui.testsupport.Ui;

/**
 * The study view on a study folder written by the test: a tiny study (the ten example structures, 2 distortions,
 * lattice noise 0.05 with and without the family projector, cosine and mse: 4 conditions of 20 runs) whose results
 * have a known number of matches per condition. Rates and 95% Jeffreys intervals against scipy's Beta quantiles
 * (data/study_view_rates.csv, made by scripts/make_study_view_rates.py).
 */
class StudyViewTest {

    /** Both sides invert the regularised incomplete Beta function to about 1e-13. */
    private static final double INTERVAL_TOLERANCE = 1e-9;

    private static final String STUDY = """
            {
              "format": 1,
              "name": "ui-fixture",
              "note": "test fixture of the study view",
              "structures": {"examples": "study10"},
              "conditions": [
                {"noise": "lattice", "levels": [0.05], "refine": "lattice",
                 "projectors": ["none", {"label": "family", "id": "org.pxrd.symmetry.auto"}]}
              ],
              "distortions": 2,
              "losses": ["org.pxrd.losses.cosine", "org.pxrd.losses.mse"],
              "instrument": {"wavelength": 1.5406, "twoThetaMin": 0.0, "twoThetaMax": 90.0, "twoThetaStep": 0.01,
                             "u": 0.1, "v": 0.01, "w": 0.1, "eta": 0.1},
              "optimizer": {"id": "org.pxrd.optimization.gd",
                            "learningRates": {"lattice": 0.0005, "angles": 0.3, "coordinates": 0.1}},
              "stop": {"tolerance": 1e-4, "window": 1000, "maxSteps": 30000},
              "matcher": {"id": "org.pxrd.matching.structureMatcher",
                          "settings": {"ltol": 0.1, "stol": 0.2, "angle_tol": 5}},
              "distance": {"id": "org.pxrd.matching.amd", "settings": {"k": 100, "metric": "linf"}},
              "seed": 7
            }
            """;

    private static final GroupKey COSINE_NONE = key("cosine", "none");
    private static final GroupKey COSINE_FAMILY = key("cosine", "family");
    private static final GroupKey MSE_NONE = key("mse", "none");
    private static final GroupKey MSE_FAMILY = key("mse", "family");
    /** Runs per condition: 10 structures x 2 distortions. */
    private static final int RUNS = 20;
    /** The runs of mse/family written first; the rest are appended while the view shows the folder. */
    private static final int FIRST_PART = 15;

    @TempDir
    Path dir;
    private StudyView view;
    private StudyPlan plan;

    private static GroupKey key(String loss, String projector) {
        return new GroupKey(NoiseType.LATTICE, 0.05, Refined.LATTICE, loss, projector);
    }

    /** Whether the i-th run (in plan order) of a condition matched: 7, 20, 0 and 13 of 20 (8 of the first 15). */
    private static boolean matches(GroupKey key, int i) {
        if (key.equals(COSINE_NONE)) {
            return i < 7;
        }
        if (key.equals(COSINE_FAMILY)) {
            return true;
        }
        if (key.equals(MSE_NONE)) {
            return false;
        }
        return i < 8 || i >= FIRST_PART;
    }

    /** The reference row of k matches in n runs. */
    private static double[] reference(int k, int n) throws IOException {
        for (String line : Files.readAllLines(TestData.moduleData(StudyViewTest.class, "study_view_rates.csv"))) {
            String[] f = line.split(",");
            if (f[0].equals(Integer.toString(k)) && f[1].equals(Integer.toString(n))) {
                return new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])};
            }
        }
        throw new AssertionError("no reference for " + k + " of " + n);
    }

    @BeforeEach
    void open() throws Exception {
        StudyDescription study = StudyFormat.parse(STUDY, "ui-fixture", null);
        plan = StudyPlan.expand(study);
        StudyFolder.prepare(dir, plan, Shard.ALL, false);
        try (ResultsFile results = ResultsFile.open(dir.resolve(ResultsFile.NAME))) {
            results.appendAll(records(false));
        }
        view = (StudyView) Ui.page().showView(StudyView.ID);
    }

    @AfterEach
    void close() {
        Ui.closeEditors();
    }

    /** The records of the fixture: all but the last runs of mse/family, or ({@code rest}) just those. */
    private List<RunRecord> records(boolean rest) throws StructureFormatException {
        Map<GroupKey, Integer> counts = new HashMap<>();
        Map<String, Structure> truths = new HashMap<>();
        List<RunRecord> records = new ArrayList<>();
        for (RunSpec spec : plan.runs()) {
            GroupKey key = spec.group();
            int i = counts.merge(key, 1, Integer::sum) - 1;
            boolean late = key.equals(MSE_FAMILY) && i >= FIRST_PART;
            if (late != rest) {
                continue;
            }
            Structure truth = truths.get(spec.structure().key());
            if (truth == null) {
                truth = PxrdUiPlugin.services().structureFiles().readFirst(spec.structure().path());
                truths.put(spec.structure().key(), truth);
            }
            records.add(record(spec, truth, i, matches(key, i)));
        }
        return records;
    }

    /** A record whose final cell is the truth's stretched by 0.1% per run index, with the truth's coordinates. */
    static RunRecord record(RunSpec spec, Structure truth, int i, boolean match) {
        double[] start = truth.lattice().parameters();
        double[] end = start.clone();
        for (int k = 0; k < 3; k++) {
            end[k] *= 1 + 0.001 * (i + 1);
        }
        double[][] frac = truth.fracCoords();
        return new RunRecord(spec.index(), spec.id(), spec.structure().key(), spec.noise(), spec.level(),
                spec.refine(), spec.distortion(), spec.loss().label(), spec.loss().id(), spec.projector().label(),
                spec.projector().id(), spec.seed(), spec.distortionSeed(), RunStatus.CONVERGED, "converged after "
                + (100 + i) + " steps", 100 + i, 0.5,
                start, frac, end, frac, -0.9, -0.99, match, match ? 0.01 : Double.NaN, 0.2, 0.01 * (i + 1), 0.9,
                1 - 0.001 * (i + 1));
    }

    private GroupStatistics shown(GroupKey key) {
        GroupStatistics g = view.statistics().get(key);
        assertThat(g).as("condition " + key).isNotNull();
        return g;
    }

    private void assertRate(GroupKey key, int k, int n) throws IOException {
        GroupStatistics g = shown(key);
        double[] ref = reference(k, n);
        assertThat(g.runs()).isEqualTo(n);
        assertThat(g.rate().matches()).isEqualTo(k);
        assertThat(g.rate().rate()).isCloseTo(ref[0], within(1e-15));
        assertThat(g.rate().lower()).isCloseTo(ref[1], within(INTERVAL_TOLERANCE));
        assertThat(g.rate().upper()).isCloseTo(ref[2], within(INTERVAL_TOLERANCE));
    }

    private void waitShown(int records) {
        Ui.waitUntil("the study view to show " + records + " records",
                () -> view.results() != null && view.isUpToDate() && view.results().records().size() == records);
    }

    @Test
    void showsTheMatchRateAndJeffreysIntervalOfEveryCondition() throws IOException {
        view.setFolder(dir);
        waitShown(4 * RUNS - (RUNS - FIRST_PART));
        assertThat(view.problemText()).isEmpty();
        assertThat(view.summaryText()).isEqualTo("ui-fixture: 75 of 80 runs recorded");
        assertRate(COSINE_NONE, 7, RUNS);
        assertRate(COSINE_FAMILY, 20, RUNS);
        assertRate(MSE_NONE, 0, RUNS);
        assertRate(MSE_FAMILY, 8, FIRST_PART);

        // the bars: one series per loss, one bar per condition group, error bars spanning the interval (percent)
        StudyChart chart = view.chart();
        assertThat(chart.categories()).containsExactly("lattice 0.05 · lattice · none", "lattice 0.05 · lattice · family");
        assertThat(chart.bars()).extracting(StudyChart.Bars::loss).containsExactly("cosine", "mse");
        IBarSeries<?> cosine = (IBarSeries<?>) chart.chart().getSeriesSet().getSeries("loss-cosine");
        double[] ref = reference(7, RUNS);
        assertThat(cosine.getYSeries()[0]).isCloseTo(100 * ref[0], within(1e-12));
        assertThat(cosine.getYErrorBar().getPlusErrors()[0]).isCloseTo(100 * (ref[2] - ref[0]),
                within(100 * INTERVAL_TOLERANCE));
        assertThat(cosine.getYErrorBar().getMinusErrors()[0]).isCloseTo(100 * (ref[0] - ref[1]),
                within(100 * INTERVAL_TOLERANCE));
        assertThat(cosine.getYErrorBar().isVisible()).isTrue();
        IBarSeries<?> mse = (IBarSeries<?>) chart.chart().getSeriesSet().getSeries("loss-mse");
        assertThat(mse.getYSeries()[0]).isZero();
        assertThat(mse.getYErrorBar().getPlusErrors()[0]).isCloseTo(100 * reference(0, RUNS)[2],
                within(100 * INTERVAL_TOLERANCE));

        // the table: the first row is cosine without projector
        assertThat(view.conditionCell(0, 1)).isEqualTo("cosine");
        assertThat(view.conditionCell(0, 3)).isEqualTo("7");
        assertThat(view.conditionCell(0, 4)).isEqualTo("35.0%");
        assertThat(view.conditionCell(0, 5)).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f–%.1f%%",
                100 * ref[1], 100 * ref[2]));
        view.selectCondition(0);
        assertThat(view.runsShown()).hasSize(RUNS).allMatch(r -> r.group().equals(COSINE_NONE));

        // per structure: the condition's runs counted here against the structure table, then one structure's runs
        Map<String, int[]> perStructure = new HashMap<>();
        for (RunRecord r : view.runsShown()) {
            int[] c = perStructure.computeIfAbsent(r.structure(), k -> new int[2]);
            c[0] += r.match() ? 1 : 0;
            c[1]++;
        }
        assertThat(view.structuresShown()).hasSize(10).containsExactlyInAnyOrderElementsOf(perStructure.keySet())
                .startsWith("mp-10026_ScTe_sg194");
        for (int i = 0; i < 10; i++) {
            int[] c = perStructure.get(view.structuresShown().get(i));
            assertThat(view.structureCell(i, 1)).isEqualTo(Integer.toString(c[1]));
            assertThat(view.structureCell(i, 2)).isEqualTo(Integer.toString(c[0]));
        }
        assertThat(perStructure.values().stream().mapToInt(c -> c[0]).sum()).isEqualTo(7);
        String last = view.structuresShown().get(9);
        view.selectStructure(9);
        assertThat(view.runsShown()).hasSize(2).allMatch(r -> r.structure().equals(last) && r.group().equals(COSINE_NONE));
        view.selectRun(1);
        assertThat(view.runDetails()).startsWith("converged after ");
        Screenshots.take("study-view");
        Screenshots.takeMaximized("study-view-maximized", view);
    }

    @Test
    void followsTheResultsFileOfARunningStudy() throws Exception {
        view.setFolder(dir);
        waitShown(75);
        try (ResultsFile results = ResultsFile.open(dir.resolve(ResultsFile.NAME))) {
            results.appendAll(records(true));
        }
        waitShown(80); // the view polls the file's size every StudyView.POLL_MS
        assertThat(view.summaryText()).isEqualTo("ui-fixture: 80 of 80 runs recorded");
        assertRate(MSE_FAMILY, 13, RUNS);
        assertRate(COSINE_NONE, 7, RUNS);
    }

    @Test
    void opensTheRefinedStructureOfARun() {
        view.setFolder(dir);
        waitShown(75);
        view.selectCondition(1);
        RunRecord run = view.runsShown().get(3);
        assertThat(view.runDetails()).isEmpty();
        view.selectRun(3);
        assertThat(view.runDetails()).isEqualTo(String.format(Locale.ROOT, "converged after %d steps%n"
                + "XRD similarity 0.900000 → %.6g, distance 0.2000 → %.4g", run.steps(), run.similarityFinal(),
                run.distanceFinal()));
        StructureEditor editor = view.openSelectedRun();
        assertThat(editor).as(view.problemText()).isNotNull();
        Structure opened = editor.structure();
        double[] lattice = opened.lattice().parameters();
        for (int k = 0; k < 6; k++) {
            assertThat(lattice[k]).isCloseTo(run.finalLattice()[k], within(1e-9));
        }
        assertThat(opened.size()).isEqualTo(run.finalFrac().length);
        for (int s = 0; s < opened.size(); s++) {
            assertThat(opened.site(s).frac()).containsExactly(run.finalFrac()[s], within(1e-12));
        }
        assertThat(editor.title()).isEqualTo(run.structure() + "-" + run.id());
    }

    @Test
    void aFolderThatIsNoStudyIsOneLine() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        view.setFolder(empty);
        Ui.waitUntil("the problem line", () -> !view.problemText().isEmpty());
        assertThat(view.problemText()).isEqualTo(empty + " is not a study folder (no study.json)");
    }
}
