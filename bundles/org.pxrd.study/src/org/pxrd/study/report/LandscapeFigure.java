package org.pxrd.study.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pxrd.study.landscape.LandscapeSlice;
import org.pxrd.study.landscape.LandscapeSlice.GridPoint;
import org.pxrd.study.landscape.LandscapeSlice.Kind;
import org.pxrd.study.landscape.LandscapeSlice.Trajectory;

/**
 * The heatmap of a {@link LandscapeSlice} (Segal et al. 2026, Fig. 3), rendered headless as a PNG: the loss in
 * viridis colours (low: dark purple, high: yellow; grey where there is no cell), its strict local minima as red
 * crosses, the truth as a white diamond outlined in black, and each trajectory as a line from a circle (start) to a square (end):
 * vermillion unconstrained, pink unconstrained from the constrained start, white constrained.
 */
public final class LandscapeFigure {

    /** Size of the figure in pixels. */
    static final int WIDTH = 820;
    static final int HEIGHT = 700;

    private static final Color NO_CELL = new Color(0xBBBBBB);

    private LandscapeFigure() {
    }

    /** Writes the figure of a slice to a PNG file (parent folders created). */
    public static void write(LandscapeSlice slice, String title, Path png) throws IOException {
        Headless.ensure();
        double[] xs = slice.xValues();
        double[] ys = slice.yValues();
        int n = xs.length * ys.length;
        double[][] xyz = new double[3][n];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int j = 0, k = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++, k++) {
                double v = slice.value(i, j);
                xyz[0][k] = xs[i];
                xyz[1][k] = ys[j];
                xyz[2][k] = v;
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (!(high > low)) {
            high = Double.isFinite(low) ? low + 1 : 1;
            low = Double.isFinite(low) ? low : 0;
        }
        DefaultXYZDataset grid = new DefaultXYZDataset();
        grid.addSeries("loss", xyz);
        ViridisScale scale = new ViridisScale(low, high, NO_CELL);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(xs.length > 1 ? xs[1] - xs[0] : 1);
        blocks.setBlockHeight(ys.length > 1 ? ys[1] - ys[0] : 1);
        blocks.setPaintScale(scale);
        blocks.setSeriesVisibleInLegend(0, false);

        NumberAxis xAxis = axis(slice.x().symbol() + " (" + slice.x().unit() + ")", xs);
        NumberAxis yAxis = axis(slice.y().symbol() + " (" + slice.y().unit() + ")", ys);
        XYPlot plot = new XYPlot(grid, xAxis, yAxis, blocks);
        plot.setBackgroundPaint(NO_CELL);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        // overlays, drawn above the heatmap: trajectories, then minima and the truth
        XYSeriesCollection paths = new XYSeriesCollection();
        XYLineAndShapeRenderer pathRenderer = new XYLineAndShapeRenderer(true, false);
        boolean[] inLegend = new boolean[Kind.values().length];
        for (Trajectory t : slice.trajectories()) {
            int series = paths.getSeriesCount();
            XYSeries s = new XYSeries(t.kind().label() + " " + t.index(), false, true);
            double[] tx = t.xs();
            double[] ty = t.ys();
            for (int p = 0; p < tx.length; p++) {
                s.add(tx[p], ty[p]);
            }
            paths.addSeries(s);
            pathRenderer.setSeriesPaint(series, colour(t.kind()));
            pathRenderer.setSeriesStroke(series, new BasicStroke(1.6f));
            pathRenderer.setSeriesVisibleInLegend(series, !inLegend[t.kind().ordinal()]);
            inLegend[t.kind().ordinal()] = true;
        }
        plot.setDataset(1, paths);
        plot.setRenderer(1, pathRenderer);
        XYSeriesCollection marks = new XYSeriesCollection();
        XYLineAndShapeRenderer markRenderer = new XYLineAndShapeRenderer(false, true);
        XYSeries starts = new XYSeries("start", false, true);
        XYSeries ends = new XYSeries("end", false, true);
        for (Trajectory t : slice.trajectories()) {
            if (t.size() > 0) {
                starts.add(t.xs()[0], t.ys()[0]);
                ends.add(t.xs()[t.size() - 1], t.ys()[t.size() - 1]);
            }
        }
        XYSeries minima = new XYSeries("local minima (" + slice.minima().size() + ")", false, true);
        for (GridPoint m : slice.minima()) {
            minima.add(m.x(), m.y());
        }
        XYSeries truth = new XYSeries("truth", false, true);
        truth.add(slice.truthX(), slice.truthY());
        marks.addSeries(minima);
        marks.addSeries(starts);
        marks.addSeries(ends);
        marks.addSeries(truth);
        markRenderer.setSeriesPaint(0, Color.RED);
        markRenderer.setSeriesShape(0, cross(4));
        markRenderer.setSeriesPaint(1, Color.BLACK);
        markRenderer.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
        markRenderer.setSeriesPaint(2, Color.BLACK);
        markRenderer.setSeriesShape(2, new java.awt.Rectangle(-4, -4, 8, 8));
        markRenderer.setSeriesPaint(3, Color.WHITE);
        markRenderer.setSeriesShape(3, diamond(7));
        markRenderer.setUseOutlinePaint(true);
        markRenderer.setDrawOutlines(true);
        markRenderer.setSeriesOutlinePaint(3, Color.BLACK);
        markRenderer.setSeriesOutlinePaint(1, Color.BLACK);
        markRenderer.setSeriesOutlinePaint(2, Color.BLACK);
        markRenderer.setSeriesOutlinePaint(0, Color.RED);
        markRenderer.setSeriesVisibleInLegend(1, !slice.trajectories().isEmpty());
        markRenderer.setSeriesVisibleInLegend(2, !slice.trajectories().isEmpty());
        plot.setDataset(2, marks);
        plot.setRenderer(2, markRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);

        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 14)));
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis lossAxis = new NumberAxis("loss " + shortId(slice.loss()));
        lossAxis.setRange(low, high);
        PaintScaleLegend legend = new PaintScaleLegend(scale, lossAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(14);
        legend.setMargin(8, 8, 8, 8);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        StudyFigures.write(List.of(chart), 1, WIDTH, HEIGHT, png);
    }

    /** The default title: structure name, loss, slice and grid. */
    public static String title(String structure, LandscapeSlice slice) {
        return String.format(Locale.ROOT, "%s: %s over %s and %s (%d x %d)", structure, shortId(slice.loss()),
                slice.x().symbol(), slice.y().symbol(), slice.xValues().length, slice.yValues().length);
    }

    private static String shortId(String id) {
        return id.substring(id.lastIndexOf('.') + 1);
    }

    private static NumberAxis axis(String label, double[] values) {
        NumberAxis a = new NumberAxis(label);
        double half = values.length > 1 ? (values[1] - values[0]) / 2 : 0.5;
        a.setRange(values[0] - half, values[values.length - 1] + half);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    private static Color colour(Kind kind) {
        return switch (kind) {
            case UNCONSTRAINED -> new Color(0xD55E00);
            case UNCONSTRAINED_FROM_CONSTRAINED_START -> new Color(0xCC79A7);
            case CONSTRAINED -> Color.WHITE;
        };
    }

    private static Shape cross(double r) {
        Path2D p = new Path2D.Double();
        p.moveTo(-r, -r);
        p.lineTo(r, r);
        p.moveTo(-r, r);
        p.lineTo(r, -r);
        return new BasicStroke(1.8f).createStrokedShape(p);
    }

    private static Shape diamond(double r) {
        Path2D p = new Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, 0);
        p.lineTo(0, r);
        p.lineTo(-r, 0);
        p.closePath();
        return p;
    }
}
