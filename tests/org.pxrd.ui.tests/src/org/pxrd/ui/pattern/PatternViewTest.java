package org.pxrd.ui.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.pxrd.testdata.Oracles.cosine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.Range;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.diffraction.HklFamily;
import org.pxrd.diffraction.Peak;
import org.pxrd.diffraction.Radiation;
import org.pxrd.diffraction.XrayLine;
import org.pxrd.io.PatternFormatException;
import org.pxrd.model.Pattern;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.editor.EditorDriver;
import org.pxrd.ui.editor.StructureEditor;
import org.pxrd.ui.files.FileOpener;
import org.pxrd.ui.files.RecentFiles;
import org.pxrd.ui.files.StructureOpener;
import org.pxrd.ui.pattern.PatternTarget.MeasuredTarget;
import org.pxrd.ui.pattern.PatternTarget.StructureTarget;
import org.pxrd.ui.preferences.InstrumentPreferences;
import org.pxrd.ui.testsupport.Screenshots;
import org.pxrd.ui.testsupport.Ui;

/**
 * The pattern view, driven like a user does (open a structure, edit it, open measured files) and checked against
 * closed forms: Bragg's law for peak positions, the cosine similarity for the loss, the display scale for the
 * difference, and files that read back.
 */
class PatternViewTest {

    /** Peak positions are exact physics: they agree with Bragg's law to rounding. */
    private static final double BRAGG_TOLERANCE_DEG = 1e-8;
    /** Measured points and simulated bin centres agree to the rounding of the file's 2θ column. */
    private static final double GRID_TOLERANCE_DEG = 1e-6;
    /** BPO4 as in its CIF (Å). */
    private static final double A = 4.441994;
    private static final double C = 6.70984;
    private static final double CU_KA1 = 1.54056;

    private static final Path XRDML = TestData.path("measured/RbNb2O5F_pyrochlore/RbNb2O5F.xrdml");
    private static final Path PYROCHLORE = TestData.path("measured/RbNb2O5F_pyrochlore/structure.cif");
    private static final Path CORUNDUM_XY = TestData.path("measured/Corundum_R040096/pattern.xy");
    private static final WavelengthAsker NEVER_ASK = (shell, name) -> {
        throw new AssertionError("asked for the wavelength of " + name + ", which its file states");
    };

    private StructureEditor editor;
    private PatternView view;

    @BeforeEach
    void open() throws Exception {
        InstrumentPreferences.reset();
        editor = StructureOpener.open(Ui.page(), Ui.example("BPO4"));
        view = (PatternView) Ui.page().showView(PatternView.ID);
        view.setTarget(null);
        view.setInstrument(null);
        view.setLoss(PatternView.DEFAULT_LOSS);
        Ui.page().activate(editor);
        waitUpToDate(view);
    }

    @AfterEach
    void close() {
        for (IViewReference ref : Ui.page().getViewReferences()) {
            if (ref.getId().equals(PatternView.ID) && ref.getSecondaryId() != null) {
                Ui.page().hideView(ref);
            }
        }
        view.setTarget(null);
        view.setInstrument(null);
        Ui.closeEditors();
        InstrumentPreferences.reset();
        RecentFiles.clear();
    }

    static void waitUpToDate(PatternView v) {
        Ui.waitUntil("the pattern view computes its newest request", v::isUpToDate);
    }

    /** 2θ (degrees) of reflection hkl of an orthogonal cell by Bragg's law: λ = 2 d sin θ, 1/d² = Σ (h/a)². */
    static double bragg(double lambda, double a, double b, double c, int h, int k, int l) {
        double d = 1 / Math.sqrt(h * h / (a * a) + k * k / (b * b) + l * l / (c * c));
        return 2 * Math.toDegrees(Math.asin(lambda / (2 * d)));
    }

    /** The peak of the result whose hkl families include (h k l). */
    static Peak peak(PatternResult r, int h, int k, int l) {
        for (Peak p : r.peaks().peaks()) {
            for (HklFamily f : p.families()) {
                if (f.h() == h && f.k() == k && f.l() == l) {
                    return p;
                }
            }
        }
        throw new AssertionError("no peak (" + h + " " + k + " " + l + ")");
    }

    @Test
    void editingALatticeParameterMovesThePeaksAsBraggsLawSays() {
        PatternResult before = view.result();
        assertThat(view.chartTitle()).contains("mp-3589_BPO4_sg82.cif").contains("λ = 1.54056 Å (CuKa1)");
        assertThat(peak(before, 1, 0, 1).twoTheta()).isCloseTo(bragg(CU_KA1, A, A, C, 1, 0, 1),
                within(BRAGG_TOLERANCE_DEG));
        assertThat(peak(before, 1, 1, 0).twoTheta()).isCloseTo(bragg(CU_KA1, A, A, C, 1, 1, 0),
                within(BRAGG_TOLERANCE_DEG));
        assertThat(view.chart().chart().getSeriesSet().getSeries(PatternChart.SIMULATED).getYSeries())
                .containsExactly(before.simulatedDisplay());

        EditorDriver.typeLattice(editor, 2, "7.2");
        waitUpToDate(view);
        PatternResult after = view.result();
        assertThat(after).isNotSameAs(before);
        double moved = bragg(CU_KA1, A, A, 7.2, 1, 0, 1);
        assertThat(moved).isLessThan(peak(before, 1, 0, 1).twoTheta() - 0.3); // a longer c: lower 2θ
        assertThat(peak(after, 1, 0, 1).twoTheta()).isCloseTo(moved, within(BRAGG_TOLERANCE_DEG));
        assertThat(peak(after, 0, 0, 2).twoTheta()).isCloseTo(bragg(CU_KA1, A, A, 7.2, 0, 0, 2),
                within(BRAGG_TOLERANCE_DEG));
        // (h k 0) reflections do not depend on c
        assertThat(peak(after, 1, 1, 0).twoTheta()).isCloseTo(peak(before, 1, 1, 0).twoTheta(),
                within(BRAGG_TOLERANCE_DEG));
        assertThat(peak(after, 2, 0, 0).twoTheta()).isCloseTo(peak(before, 2, 0, 0).twoTheta(),
                within(BRAGG_TOLERANCE_DEG));
        // the curve drawn has its maximum near the moved peak where it had none before
        double[] x = after.simulated().twoThetaArray();
        assertThat(localMaximum(x, after.simulatedDisplay(), moved, 0.3)).isCloseTo(moved, within(0.02));
        assertThat(view.chart().chart().getSeriesSet().getSeries(PatternChart.SIMULATED).getYSeries())
                .containsExactly(after.simulatedDisplay());
        Ui.waitUntil("the editor's space group", () -> EditorDriver.symmetryShown(editor));
        Screenshots.take("pattern-view-simulated");
        Screenshots.take("pattern-view-simulated-view", view.chart().chart().getParent());
    }

    /** The 2θ of the largest value within ±half of a position. */
    private static double localMaximum(double[] x, double[] y, double around, double half) {
        double best = Double.NEGATIVE_INFINITY;
        double at = Double.NaN;
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i] - around) <= half && y[i] > best) {
                best = y[i];
                at = x[i];
            }
        }
        return at;
    }

    @Test
    void aMeasuredPatternOpensWithItsWavelengthInTheTitleAndItsDifferenceToTheStructure() throws Exception {
        IWorkbenchPart part = FileOpener.open(Ui.page(), XRDML, NEVER_ASK);
        assertThat(part).isInstanceOf(PatternView.class).isNotSameAs(view);
        PatternView measured = (PatternView) part;
        StructureEditor pyrochlore = StructureOpener.open(Ui.page(), PYROCHLORE);
        Ui.page().activate(pyrochlore);
        Ui.page().bringToTop(measured);
        waitUpToDate(measured);
        assertThat(RecentFiles.list()).contains(XRDML.toAbsolutePath().normalize());

        PatternResult r = measured.result();
        assertThat(measured.chartTitle()).contains("structure.cif vs RbNb2O5F.xrdml")
                .contains("λ = 1.540598 Å + Kα2 1.544426 Å (ratio 0.5)");
        assertThat(r.instrument().radiation()).isEqualTo(Radiation.of(1.540598).withAlpha2(1.544426, 0.5));
        Pattern target = ((MeasuredTarget) measured.target()).pattern();
        assertThat(r.target().size()).isEqualTo(target.size());
        double[] simX = r.simulated().twoThetaArray();
        double[] measuredX = target.twoThetaArray();
        assertThat(simX).hasSameSizeAs(measuredX);
        for (int i = 0; i < simX.length; i += 97) {
            assertThat(simX[i]).as("bin %d", i).isCloseTo(measuredX[i], within(GRID_TOLERANCE_DEG));
        }
        assertThat(r.difference()).isNotNull();
        for (int i = 0; i < simX.length; i++) {
            assertThat(r.difference()[i]).isEqualTo(r.targetDisplay()[i] - r.simulatedDisplay()[i]);
        }
        assertThat(max(r.targetDisplay())).isEqualTo(PatternComputation.DISPLAY_MAX);
        assertThat(measured.chart().chart().getSeriesSet().getSeries(PatternChart.DIFFERENCE)).isNotNull();
        assertThat(measured.chart().chart().getSeriesSet().getSeries(PatternChart.TARGET).getYSeries())
                .containsExactly(r.targetDisplay());
        // the default loss is the negative cosine similarity: -Σ s t / (|s| |t|), whatever the scales
        assertThat(r.loss()).isCloseTo(-cosine(r.simulated().intensityArray(), target.intensityArray()),
                within(1e-12));
        assertThat(measured.lossText()).startsWith(String.format(java.util.Locale.ROOT, "%.6g", r.loss()));
        Ui.waitUntil("the editor's space group", () -> EditorDriver.symmetryShown(pyrochlore));
        Screenshots.take("pattern-view-measured");
        Screenshots.take("pattern-view-measured-view", measured.chart().chart().getParent());
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    @Test
    void aMeasuredPatternWithoutAStatedWavelengthAsksForOneAndIsNotOpenedWithoutIt() throws Exception {
        List<String> asked = new ArrayList<>();
        int viewsBefore = Ui.page().getViewReferences().length;
        IWorkbenchPart cancelled = FileOpener.open(Ui.page(), CORUNDUM_XY, (shell, name) -> {
            asked.add(name);
            return null;
        });
        assertThat(cancelled).isNull();
        assertThat(asked).containsExactly("pattern.xy");
        assertThat(Ui.page().getViewReferences()).hasSize(viewsBefore);

        PatternView corundum = (PatternView) FileOpener.open(Ui.page(), CORUNDUM_XY, (shell, name) -> {
            asked.add(name);
            return Radiation.of(XrayLine.CuKa1);
        });
        waitUpToDate(corundum);
        assertThat(asked).hasSize(2);
        assertThat(corundum.chartTitle()).contains("pattern.xy").contains("λ = 1.54056 Å (CuKa1)");
        assertThat(corundum.getPartName()).isEqualTo("Pattern: pattern.xy");
        // opened again, the view keeps the wavelength it was given
        assertThat(FileOpener.open(Ui.page(), CORUNDUM_XY, NEVER_ASK)).isSameAs(corundum);
    }

    @Test
    void identicalTargetGivesTheBestLossAndAZeroDifferenceAndCsvExportReadsBack(@TempDir Path dir)
            throws Exception {
        Structure same = editor.structure();
        view.setTarget(new StructureTarget("copy of BPO4", same, null));
        waitUpToDate(view);
        PatternResult r = view.result();
        assertThat(r.loss()).isCloseTo(-1, within(1e-12));
        for (double d : r.difference()) {
            assertThat(d).isEqualTo(0.0);
        }
        EditorDriver.typeLattice(editor, 0, "4.5");
        waitUpToDate(view);
        r = view.result();
        assertThat(r.loss()).isGreaterThan(-0.99);
        assertThat(r.difference()).isNotNull();
        view.setLoss("org.pxrd.losses.wasserstein");
        waitUpToDate(view);
        assertThat(view.result().lossName()).isEqualTo("Wasserstein (earth mover's) distance");
        assertThat(view.result().loss()).isPositive();
        r = view.result();

        Path csv = dir.resolve("curves.csv");
        view.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("# wavelength = 1.54056 Angstrom"));
        int header = lines.indexOf(PatternCsv.HEADER);
        assertThat(header).isPositive();
        List<String> rows = lines.subList(header + 1, lines.size());
        double[] x = r.simulated().twoThetaArray();
        assertThat(rows).hasSize(x.length);
        for (int i = 0; i < x.length; i++) {
            String[] f = rows.get(i).split(",", -1);
            assertThat(Double.parseDouble(f[0])).isEqualTo(x[i]);
            assertThat(Double.parseDouble(f[1])).isEqualTo(r.simulatedDisplay()[i]);
            assertThat(Double.parseDouble(f[2])).isEqualTo(r.targetDisplay()[i]);
            assertThat(Double.parseDouble(f[3])).isEqualTo(r.difference()[i]);
        }
    }

    @Test
    void saveAsWritesTheSimulatedPatternAsAPatternFileThatReadsBack(@TempDir Path dir) throws Exception {
        PatternResult r = view.result();
        for (String name : new String[] {"bpo4.xy", "bpo4.csv"}) {
            Path file = dir.resolve(name);
            view.saveSimulatedPattern(file);
            Pattern back = PxrdUiPlugin.services().patternFiles().read(file);
            assertThat(back.twoThetaArray()).containsExactly(r.simulated().twoThetaArray());
            assertThat(back.intensityArray()).containsExactly(r.simulated().intensityArray());
            assertThat(back.wavelength()).hasValue(CU_KA1);
        }
        assertThat(view.isSaveAsAllowed()).isTrue();
        assertThatThrownBy(() -> view.saveSimulatedPattern(dir.resolve("bpo4.unknown")))
                .isInstanceOf(PatternFormatException.class).hasMessageContaining("no pattern format writes");
    }

    @Test
    void ticksNameTheirHklOnHoverAndTheChartZoomsPansResetsAndExportsPng(@TempDir Path dir) throws Exception {
        PatternChart chart = view.chart();
        Peak p101 = peak(view.result(), 1, 0, 1);
        assertThat(chart.ticks()).anySatisfy(t -> assertThat(t.peak()).isEqualTo(p101));
        IAxis x = chart.chart().getAxisSet().getXAxis(0);
        int px = x.getPixelCoordinate(p101.twoTheta());
        Event move = new Event();
        move.x = px + 1;
        move.y = 20;
        chart.plotControl().notifyListeners(SWT.MouseMove, move);
        assertThat(chart.plotControl().getToolTipText()).startsWith("(1 0 1)×").contains(
                String.format(java.util.Locale.ROOT, "2θ = %.3f°", p101.twoTheta()));
        if (Screenshots.enabled()) {
            Screenshots.hover(chart.plotControl(), px, 30);
            Screenshots.take("pattern-view-hkl-hover", view.chart().chart().getParent());
        }
        move.x = x.getPixelCoordinate(5.0); // no peak of BPO4 below 10°
        chart.plotControl().notifyListeners(SWT.MouseMove, move);
        assertThat(chart.plotControl().getToolTipText()).isNull();

        Range full = new Range(chart.xRange());
        chart.zoomX(30, 2);
        Range zoomed = chart.xRange();
        assertThat(zoomed.upper - zoomed.lower).isCloseTo((full.upper - full.lower) / 2, within(1e-9));
        assertThat(chart.isZoomed()).isTrue();
        Range before = new Range(chart.xRange());
        Event down = new Event();
        down.button = 1;
        down.count = 1;
        down.x = 200;
        down.y = 60;
        chart.plotControl().notifyListeners(SWT.MouseDown, down);
        Event drag = new Event();
        drag.x = 300;
        drag.y = 60;
        chart.plotControl().notifyListeners(SWT.MouseMove, drag);
        chart.plotControl().notifyListeners(SWT.MouseUp, new Event());
        double shift = 100.0 * (before.upper - before.lower) / chart.plotControl().getSize().x;
        assertThat(chart.xRange().lower).isCloseTo(before.lower - shift, within(1e-9));
        chart.plotControl().notifyListeners(SWT.MouseDoubleClick, new Event());
        assertThat(chart.isZoomed()).isFalse();
        assertThat(chart.xRange().lower).isEqualTo(full.lower);
        assertThat(chart.xRange().upper).isEqualTo(full.upper);

        Path png = dir.resolve("chart.png");
        view.exportPng(png);
        ImageData image = new ImageLoader().load(png.toString())[0];
        assertThat(image.width).isEqualTo(chart.chart().getSize().x);
        assertThat(image.height).isEqualTo(chart.chart().getSize().y);
    }

    @Test
    void theViewsOwnInstrumentAndThePreferencesBothReachTheTitleAndThePeaks() {
        view.setInstrument(view.baseInstrument().withRadiation(Radiation.of(XrayLine.MoKa1)));
        waitUpToDate(view);
        assertThat(view.chartTitle()).contains("λ = 0.7093 Å (MoKa1)");
        assertThat(peak(view.result(), 1, 0, 1).twoTheta()).isCloseTo(bragg(0.7093, A, A, C, 1, 0, 1),
                within(BRAGG_TOLERANCE_DEG));

        InstrumentPreferences.store(InstrumentPreferences.DEFAULT.withRadiation(Radiation.of(XrayLine.CoKa1)));
        Ui.processEvents();
        waitUpToDate(view);
        assertThat(view.chartTitle()).as("the view's own settings win").contains("MoKa1");
        view.setInstrument(null);
        waitUpToDate(view);
        assertThat(view.chartTitle()).contains("λ = 1.78896 Å (CoKa1)");
        assertThat(peak(view.result(), 1, 0, 1).twoTheta()).isCloseTo(bragg(1.78896, A, A, C, 1, 0, 1),
                within(BRAGG_TOLERANCE_DEG));
    }

    @Test
    void theInstrumentDialogOfAMeasuredTargetKeepsItsWavelengthAndStepAndItsRangeCutsTheMeasurement()
            throws Exception {
        PatternView measured = (PatternView) FileOpener.open(Ui.page(), XRDML, NEVER_ASK);
        waitUpToDate(measured);
        int points = ((MeasuredTarget) measured.target()).pattern().size();
        assertThat(measured.result().target().size()).isEqualTo(points);

        InstrumentDialog dialog = new InstrumentDialog(measured.getSite().getShell(),
                measured.result().instrument(), true);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            assertThat(dialog.form().wavelengthField().getText()).isEqualTo("1.540598");
            assertThat(dialog.form().stepEditable()).isFalse();
            dialog.form().etaField().setText("0.5");
            dialog.okPressed();
        } finally {
            dialog.close();
        }
        measured.setInstrument(dialog.chosen());
        waitUpToDate(measured);
        PatternResult r = measured.result();
        assertThat(r.instrument().profile().eta()).isEqualTo(0.5);
        assertThat(r.target().size()).as("the range was not changed: the whole measurement").isEqualTo(points);
        assertThat(r.instrument().radiation().alpha2Wavelength()).isEqualTo(1.544426);

        double step = 40 / Math.rint(40 / r.instrument().grid().step()); // the range cuts; the points stay
        measured.setInstrument(r.instrument().withGrid(new org.pxrd.diffraction.TwoThetaGrid(20, 60, step)));
        waitUpToDate(measured);
        r = measured.result();
        double[] x = r.target().twoThetaArray();
        assertThat(x[0]).isGreaterThanOrEqualTo(20);
        assertThat(x[x.length - 1]).isLessThanOrEqualTo(60);
        assertThat(r.simulated().size()).isEqualTo(r.target().size());
        assertThat(r.difference()).isNotNull();

        Ui.page().hideView(measured);
        PatternView reopened = (PatternView) FileOpener.open(Ui.page(), XRDML, NEVER_ASK);
        waitUpToDate(reopened);
        assertThat(reopened.result().target().size()).as("a closed view's settings are gone").isEqualTo(points);
        assertThat(reopened.result().instrument().profile()).isEqualTo(InstrumentPreferences.DEFAULT.profile());
    }

    @Test
    void everyContributedLossIsOffered() {
        assertThat(view.lossChoices()).extracting(c -> c.id())
                .containsExactlyElementsOf(PxrdUiPlugin.services().losses().contributions().stream()
                        .map(c -> c.id()).toList());
        assertThat(view.lossId()).isEqualTo(PatternView.DEFAULT_LOSS);
    }

    @Test
    void withoutAStructureTheTitleStillNamesTheWavelength() {
        Ui.closeEditors();
        waitUpToDate(view);
        assertThat(view.chartTitle()).isEqualTo("No structure open\nλ = 1.54056 Å (CuKa1)");
        assertThat(view.result().simulated()).isNull();
        assertThat(view.isSaveAsAllowed()).isFalse();
        editor = null;
    }
}
