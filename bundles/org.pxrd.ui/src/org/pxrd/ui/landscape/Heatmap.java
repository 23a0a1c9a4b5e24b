package org.pxrd.ui.landscape;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pxrd.study.report.ViridisScale;

/**
 * The JFreeChart heat map of a {@link LandscapeGrid}: one block per grid point coloured by its value on the viridis
 * scale from the grid's minimum to its maximum (NaN blank), a colour bar, the minima as white-ringed dots and the
 * trajectories as lines ending in their last point. Widget-free: the view draws it on SWT through SWTGraphics2D.
 */
final class Heatmap {

    private static final Color[] TRAJECTORY_COLORS = {Color.WHITE, new Color(255, 120, 120),
        new Color(255, 190, 60), new Color(120, 200, 255)};

    private Heatmap() {
    }

    /** The colour scale of a grid: viridis over its finite values, NaN (not computed) clear. */
    static ViridisScale scale(LandscapeGrid grid) {
        double[] range = range(grid);
        return new ViridisScale(range[0], range[1], new Color(0, 0, 0, 0));
    }

    /** The finite minimum and maximum of a grid (0, 1 when it has no finite value). */
    static double[] range(LandscapeGrid grid) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] column : grid.values()) {
            for (double v : column) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 1};
    }

    static JFreeChart chart(LandscapeGrid grid) {
        int nx = grid.x().values().length;
        int ny = grid.y().values().length;
        double[][] xyz = new double[3][nx * ny];
        int k = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                xyz[0][k] = grid.x().values()[i];
                xyz[1][k] = grid.y().values()[j];
                xyz[2][k] = grid.value(i, j);
                k++;
            }
        }
        DefaultXYZDataset cells = new DefaultXYZDataset();
        cells.addSeries(grid.valueName(), xyz);
        ViridisScale scale = scale(grid);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(grid.x().step());
        blocks.setBlockHeight(grid.y().step());
        blocks.setPaintScale(scale);
        NumberAxis xAxis = new NumberAxis(grid.x().label());
        NumberAxis yAxis = new NumberAxis(grid.y().label());
        xAxis.setAutoRangeIncludesZero(false);
        yAxis.setAutoRangeIncludesZero(false);
        double[] xs = grid.x().values();
        double[] ys = grid.y().values();
        xAxis.setRange(xs[0] - grid.x().step() / 2, xs[nx - 1] + grid.x().step() / 2);
        yAxis.setRange(ys[0] - grid.y().step() / 2, ys[ny - 1] + grid.y().step() / 2);
        XYPlot plot = new XYPlot(cells, xAxis, yAxis, blocks);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setBackgroundPaint(Color.LIGHT_GRAY);

        XYSeriesCollection marks = new XYSeriesCollection();
        XYSeries minima = new XYSeries("minima", false, true);
        grid.minima().forEach(p -> minima.add(p.x(), p.y()));
        marks.addSeries(minima);
        for (LandscapeGrid.Trajectory t : grid.trajectories()) {
            XYSeries s = new XYSeries(t.label(), false, true);
            t.points().forEach(p -> s.add(p.x(), p.y()));
            marks.addSeries(s);
        }
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer();
        lines.setSeriesLinesVisible(0, false);
        lines.setSeriesShapesVisible(0, true);
        lines.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        lines.setSeriesPaint(0, Color.RED);
        lines.setSeriesOutlinePaint(0, Color.WHITE);
        lines.setUseOutlinePaint(true);
        lines.setDrawOutlines(true);
        for (int s = 1; s < marks.getSeriesCount(); s++) {
            lines.setSeriesLinesVisible(s, true);
            lines.setSeriesShapesVisible(s, true);
            lines.setSeriesShape(s, new Rectangle2D.Double(-1.5, -1.5, 3, 3));
            lines.setSeriesPaint(s, TRAJECTORY_COLORS[(s - 1) % TRAJECTORY_COLORS.length]);
            lines.setSeriesStroke(s, new BasicStroke(1.5f));
        }
        plot.setDataset(1, marks);
        plot.setRenderer(1, lines);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // the marks over the map
        blocks.setSeriesVisibleInLegend(0, false); // the colour bar explains the map

        JFreeChart chart = new JFreeChart(grid.title(), new Font("SansSerif", Font.BOLD, 13), plot, true);
        NumberAxis scaleAxis = new NumberAxis(grid.valueName());
        scaleAxis.setRange(scale.lower(), scale.upper() > scale.lower() ? scale.upper() : scale.lower() + 1);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        legend.setStripWidth(14);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
