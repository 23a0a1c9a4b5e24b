package org.pxrd.ui.pattern;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.PaintEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ICustomPaintListener;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.Range;
import org.pxrd.diffraction.HklFamily;
import org.pxrd.diffraction.Peak;

/**
 * The plot of the pattern view (SWTChart): the simulated pattern, the target and their difference (offset below the
 * patterns, Rietveld style), with a tick under the patterns at every peak of the simulated structure whose tooltip
 * names its hkl families, 2θ, d and intensity.
 *
 * <p>Navigation: the mouse wheel zooms the 2θ axis around the pointer (Ctrl + wheel: the intensity axis), dragging
 * pans, a double click shows everything again ({@link #resetZoom()}). New data keeps the zoom until it is reset.
 */
final class PatternChart {

    /** Series ids. */
    static final String SIMULATED = "simulated";
    static final String TARGET = "target";
    static final String DIFFERENCE = "difference";

    /** Zoom per wheel notch. */
    static final double WHEEL_ZOOM = 1.25;
    /** A tick is hovered when the pointer is at most this many pixels away from it. */
    static final int HOVER_PIXELS = 4;
    /** Ticks are drawn for peaks at least this strong on the 0-100 scale (weaker ones would only blacken the axis). */
    static final double TICK_MIN_SCALED = 0.1;
    /** Space kept between the lowest pattern value (0) and the top of the difference curve, display units. */
    static final double DIFFERENCE_GAP = 0.12 * PatternComputation.DISPLAY_MAX;
    /** Tick marks: pixels below the zero line and their length. */
    private static final int TICK_TOP = 3;
    private static final int TICK_LENGTH = 9;

    private static final Color SIMULATED_COLOR = new Color(0, 84, 190);
    private static final Color TARGET_COLOR = new Color(200, 30, 30);
    private static final Color DIFFERENCE_COLOR = new Color(0, 130, 60);

    /** A peak tick: the peak and its position on the plot (2θ in degrees, with the zero shift). */
    record Tick(Peak peak, double twoTheta, double scaledIntensity) {
    }

    private final Chart chart;
    private final Font titleFont;
    private List<Tick> ticks = List.of();
    private double differenceOffset;
    private Range fullX = new Range(0, 90);
    private Range fullY = new Range(-DIFFERENCE_GAP, PatternComputation.DISPLAY_MAX * 1.05);
    private boolean zoomed;
    private Point dragStart;
    private Range dragX;
    private Range dragY;

    PatternChart(Composite parent) {
        chart = new Chart(parent, SWT.NONE);
        chart.getAxisSet().getXAxis(0).getTitle().setText("2θ (°)");
        chart.getAxisSet().getYAxis(0).getTitle().setText("Intensity (max = 100)");
        chart.getLegend().setPosition(SWT.TOP);
        FontData title = parent.getFont().getFontData()[0];
        titleFont = new Font(parent.getDisplay(), title.getName(), title.getHeight() + 1, SWT.BOLD);
        chart.getTitle().setFont(titleFont);
        chart.addListener(SWT.Dispose, e -> titleFont.dispose());
        chart.getPlotArea().addCustomPaintListener(new ICustomPaintListener() {
            @Override
            public void paintControl(PaintEvent e) {
                paintTicks(e.gc);
            }

            @Override
            public boolean drawBehindSeries() {
                return false;
            }
        });
        Control plot = plotControl();
        plot.addListener(SWT.MouseVerticalWheel, this::wheel);
        plot.addListener(SWT.MouseDown, this::mouseDown);
        plot.addListener(SWT.MouseMove, this::mouseMove);
        plot.addListener(SWT.MouseUp, e -> dragStart = null);
        plot.addListener(SWT.MouseDoubleClick, e -> resetZoom());
    }

    Chart chart() {
        return chart;
    }

    Control plotControl() {
        return chart.getPlotArea().getControl();
    }

    void setTitle(String title) {
        chart.getTitle().setText(title);
    }

    String title() {
        return chart.getTitle().getText();
    }

    /**
     * Shows the curves of a result (null: none).
     *
     * @param targetLabel the legend of the target
     */
    void show(PatternResult result, String simulatedLabel, String targetLabel) {
        chart.suspendUpdate(true);
        try {
            for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
                chart.getSeriesSet().deleteSeries(s.getId());
            }
            ticks = List.of();
            differenceOffset = 0;
            double minX = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double minY = -DIFFERENCE_GAP;
            if (result != null && result.target() != null) {
                double[] x = result.target().twoThetaArray();
                line(TARGET, targetLabel, x, result.targetDisplay(), TARGET_COLOR);
                minX = Math.min(minX, x[0]);
                maxX = Math.max(maxX, x[x.length - 1]);
            }
            if (result != null && result.simulated() != null) {
                double[] x = result.simulated().twoThetaArray();
                line(SIMULATED, simulatedLabel, x, result.simulatedDisplay(), SIMULATED_COLOR);
                minX = Math.min(minX, x[0]);
                maxX = Math.max(maxX, x[x.length - 1]);
                ticks = ticks(result);
                if (result.difference() != null) {
                    double[] d = result.difference();
                    double top = Double.NEGATIVE_INFINITY;
                    double bottom = Double.POSITIVE_INFINITY;
                    for (double v : d) {
                        top = Math.max(top, v);
                        bottom = Math.min(bottom, v);
                    }
                    differenceOffset = -top - DIFFERENCE_GAP;
                    double[] shifted = new double[d.length];
                    for (int i = 0; i < d.length; i++) {
                        shifted[i] = d[i] + differenceOffset;
                    }
                    line(DIFFERENCE, String.format(Locale.ROOT, "difference (target − simulated, %+.0f)",
                            differenceOffset), x, shifted, DIFFERENCE_COLOR);
                    minY = bottom + differenceOffset - 0.02 * PatternComputation.DISPLAY_MAX;
                }
            }
            if (minX < maxX) {
                fullX = new Range(minX, maxX);
            } else if (result != null) {
                fullX = new Range(result.instrument().grid().min(), result.instrument().grid().max());
            }
            fullY = new Range(minY, PatternComputation.DISPLAY_MAX * 1.05);
            if (!zoomed) {
                applyFullRange();
            }
        } finally {
            chart.suspendUpdate(false);
        }
        chart.redraw();
    }

    private void line(String id, String label, double[] x, double[] y, Color color) {
        ILineSeries<?> s = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, id);
        s.setDescription(label);
        s.setSymbolType(PlotSymbolType.NONE);
        s.setLineColor(color);
        s.setLineWidth(1);
        s.setAntialias(SWT.ON);
        s.setXSeries(x);
        s.setYSeries(y);
    }

    private static List<Tick> ticks(PatternResult result) {
        if (result.peaks() == null) {
            return List.of();
        }
        double zero = result.instrument().profile().zeroShift();
        double[] scaled = result.peaks().scaledIntensities();
        List<Tick> list = new ArrayList<>();
        for (int i = 0; i < scaled.length; i++) {
            if (scaled[i] >= TICK_MIN_SCALED) {
                Peak p = result.peaks().peaks().get(i);
                list.add(new Tick(p, p.twoTheta() + zero, scaled[i]));
            }
        }
        return List.copyOf(list);
    }

    private void paintTicks(GC gc) {
        if (ticks.isEmpty()) {
            return;
        }
        IAxis x = chart.getAxisSet().getXAxis(0);
        int top = chart.getAxisSet().getYAxis(0).getPixelCoordinate(0) + TICK_TOP;
        gc.setForeground(SIMULATED_COLOR);
        gc.setLineWidth(1);
        for (Tick t : ticks) {
            int px = x.getPixelCoordinate(t.twoTheta());
            gc.drawLine(px, top, px, top + TICK_LENGTH);
        }
    }

    /** The ticks drawn (peaks of the simulated structure). */
    List<Tick> ticks() {
        return ticks;
    }

    /** The value added to the difference curve to draw it below the patterns. */
    double differenceOffset() {
        return differenceOffset;
    }

    /** The tick nearest to a horizontal pixel of the plot area, if one is within {@link #HOVER_PIXELS}. */
    Tick tickAt(int xPixel) {
        IAxis x = chart.getAxisSet().getXAxis(0);
        Tick best = null;
        int bestDistance = HOVER_PIXELS + 1;
        for (Tick t : ticks) {
            int d = Math.abs(x.getPixelCoordinate(t.twoTheta()) - xPixel);
            if (d < bestDistance || (d == bestDistance && best != null && t.scaledIntensity() > best.scaledIntensity())) {
                best = t;
                bestDistance = d;
            }
        }
        return bestDistance <= HOVER_PIXELS ? best : null;
    }

    /** The hover text of a tick: its hkl families, 2θ, d and intensity (strongest = 100). */
    static String label(Tick t) {
        StringJoiner hkl = new StringJoiner(" ");
        for (HklFamily f : t.peak().families()) {
            hkl.add("(" + f.h() + " " + f.k() + " " + f.l() + ")×" + f.multiplicity());
        }
        return String.format(Locale.ROOT, "%s  2θ = %.3f°  d = %.4f Å  I = %.1f", hkl, t.twoTheta(), t.peak().d(),
                t.scaledIntensity());
    }

    private void mouseMove(Event e) {
        if (dragStart != null) {
            IAxis x = chart.getAxisSet().getXAxis(0);
            IAxis y = chart.getAxisSet().getYAxis(0);
            Point size = plotControl().getSize();
            double dx = (e.x - dragStart.x) * (dragX.upper - dragX.lower) / Math.max(1, size.x);
            double dy = (e.y - dragStart.y) * (dragY.upper - dragY.lower) / Math.max(1, size.y);
            x.setRange(new Range(dragX.lower - dx, dragX.upper - dx));
            y.setRange(new Range(dragY.lower + dy, dragY.upper + dy));
            zoomed = true;
            chart.redraw();
            return;
        }
        Tick t = tickAt(e.x);
        String tip = t == null ? null : label(t);
        if (!java.util.Objects.equals(tip, plotControl().getToolTipText())) {
            plotControl().setToolTipText(tip);
        }
    }

    private void mouseDown(Event e) {
        if (e.button == 1 && e.count == 1) {
            dragStart = new Point(e.x, e.y);
            dragX = new Range(chart.getAxisSet().getXAxis(0).getRange());
            dragY = new Range(chart.getAxisSet().getYAxis(0).getRange());
        }
    }

    private void wheel(Event e) {
        if (e.count == 0) {
            return;
        }
        double factor = e.count > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM;
        if ((e.stateMask & SWT.MOD1) != 0) {
            zoomY(chart.getAxisSet().getYAxis(0).getDataCoordinate(e.y), factor);
        } else {
            zoomX(chart.getAxisSet().getXAxis(0).getDataCoordinate(e.x), factor);
        }
    }

    /** Zooms the 2θ axis by {@code factor} (&gt; 1: in) keeping {@code centre} (degrees) in place. */
    void zoomX(double centre, double factor) {
        zoom(chart.getAxisSet().getXAxis(0), centre, factor);
    }

    /** Zooms the intensity axis by {@code factor} keeping {@code centre} in place. */
    void zoomY(double centre, double factor) {
        zoom(chart.getAxisSet().getYAxis(0), centre, factor);
    }

    private void zoom(IAxis axis, double centre, double factor) {
        Range r = axis.getRange();
        axis.setRange(new Range(centre - (centre - r.lower) / factor, centre + (r.upper - centre) / factor));
        zoomed = true;
        chart.redraw();
    }

    /** Shows every curve whole again. */
    void resetZoom() {
        zoomed = false;
        applyFullRange();
        chart.redraw();
    }

    private void applyFullRange() {
        chart.getAxisSet().getXAxis(0).setRange(new Range(fullX));
        chart.getAxisSet().getYAxis(0).setRange(new Range(fullY));
    }

    boolean isZoomed() {
        return zoomed;
    }

    /** The 2θ range shown, degrees. */
    Range xRange() {
        return chart.getAxisSet().getXAxis(0).getRange();
    }

    /** Writes the chart as drawn to a PNG file. */
    void exportPng(Path file) {
        Point size = chart.getSize();
        Image image = new Image(chart.getDisplay(), Math.max(1, size.x), Math.max(1, size.y));
        try {
            GC gc = new GC(image);
            try {
                chart.print(gc);
            } finally {
                gc.dispose();
            }
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {data};
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }
}
