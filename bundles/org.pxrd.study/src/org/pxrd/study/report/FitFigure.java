package org.pxrd.study.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The picture of a Rietveld fit as refinement programs draw it: the observed pattern (dots), the calculated one with
 * its background (line), the background alone, the difference y_o − y_c drawn below the patterns, and a tick
 * mark at every reflection position between them. 2θ in degrees on the x axis, intensity in the data's units (counts)
 * on the y axis. Drawn headless (no display needed) with the study figures' style.
 */
public final class FitFigure {

    /** Width of the picture in pixels. */
    public static final int WIDTH = 1200;
    /** Height of the picture in pixels. */
    public static final int HEIGHT = 600;

    private FitFigure() {
    }

    /**
     * Writes the picture of a fit as a PNG.
     *
     * @param title the title (e.g. the pattern, R_wp and GoF)
     * @param twoTheta the measured points in degrees 2θ
     * @param observed y_o at the points
     * @param calculated y_c at the points (background included)
     * @param background b at the points, or null
     * @param reflections 2θ of the reflections in degrees (the tick marks)
     * @throws IllegalArgumentException for arrays of different lengths or no points
     * @throws IOException when the file cannot be written
     */
    public static void write(String title, double[] twoTheta, double[] observed, double[] calculated,
            double[] background, double[] reflections, Path png) throws IOException {
        int n = twoTheta.length;
        if (n == 0 || observed.length != n || calculated.length != n || (background != null && background.length != n)) {
            throw new IllegalArgumentException("a fit figure needs points with observed and calculated intensities of "
                    + "the same number");
        }
        Headless.force();
        double top = Double.NEGATIVE_INFINITY;
        double bottom = Double.POSITIVE_INFINITY;
        double differenceMax = Double.NEGATIVE_INFINITY;
        double differenceMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            top = Math.max(top, Math.max(observed[i], calculated[i]));
            bottom = Math.min(bottom, Math.min(observed[i], calculated[i]));
            double d = observed[i] - calculated[i];
            differenceMax = Math.max(differenceMax, d);
            differenceMin = Math.min(differenceMin, d);
        }
        double span = Math.max(top - bottom, 1e-12);
        // tick marks just below the patterns, the difference curve below them
        double tickLevel = bottom - 0.04 * span;
        double differenceOffset = tickLevel - 0.04 * span - differenceMax;
        XYSeries obs = new XYSeries("observed", false, true);
        XYSeries calc = new XYSeries("calculated", false, true);
        XYSeries back = new XYSeries("background", false, true);
        XYSeries diff = new XYSeries("difference (obs - calc)", false, true);
        for (int i = 0; i < n; i++) {
            obs.add(twoTheta[i], observed[i]);
            calc.add(twoTheta[i], calculated[i]);
            if (background != null) {
                back.add(twoTheta[i], background[i]);
            }
            diff.add(twoTheta[i], observed[i] - calculated[i] + differenceOffset);
        }
        XYSeries ticks = new XYSeries("reflections", false, true);
        for (double t : reflections) {
            if (t >= twoTheta[0] && t <= twoTheta[n - 1]) {
                ticks.add(t, tickLevel);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(obs);
        data.addSeries(calc);
        if (background != null) {
            data.addSeries(back);
        }
        data.addSeries(diff);
        data.addSeries(ticks);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        int s = 0;
        style(renderer, s++, new Color(0xD55E00), false, true, new Rectangle2D.Double(-1, -1, 2, 2));
        style(renderer, s++, new Color(0x0072B2), true, false, null);
        if (background != null) {
            style(renderer, s++, new Color(0x999999), true, false, null);
        }
        style(renderer, s++, new Color(0x009E73), true, false, null);
        style(renderer, s, new Color(0xCC79A7), false, true, new Line2D.Double(0, -6, 0, 6));
        renderer.setSeriesStroke(s, new BasicStroke(1.2f));
        NumberAxis x = new NumberAxis("2θ (degrees)");
        x.setAutoRangeIncludesZero(false);
        x.setRange(twoTheta[0], twoTheta[n - 1]);
        NumberAxis y = new NumberAxis("intensity");
        y.setAutoRangeIncludesZero(false);
        y.setRange(differenceOffset + differenceMin - 0.03 * span, top + 0.05 * span);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = StudyFigures.chart(title, plot);
        StudyFigures.write(List.of(chart), 1, WIDTH, HEIGHT, png);
    }

    private static void style(XYLineAndShapeRenderer r, int series, Color colour, boolean lines, boolean shapes,
            java.awt.Shape shape) {
        r.setSeriesPaint(series, colour);
        r.setSeriesLinesVisible(series, lines);
        r.setSeriesShapesVisible(series, shapes);
        r.setSeriesStroke(series, new BasicStroke(1f));
        if (shape != null) {
            r.setSeriesShape(series, shape);
            r.setSeriesShapesFilled(series, true);
        }
    }
}
