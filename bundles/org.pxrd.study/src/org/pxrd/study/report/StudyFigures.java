package org.pxrd.study.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyDescription.Condition;
import org.pxrd.study.protocol.StudyDescription.Labelled;
import org.pxrd.study.protocol.StudyFormat;
import org.pxrd.study.run.RunRecord;
import org.pxrd.study.run.RunSpec;
import org.pxrd.study.run.RunSpec.GroupKey;
import org.pxrd.study.stats.MatchRate;
import org.w3c.dom.Document;

/**
 * The study's figures as PNG and SVG files, drawn with JFreeChart into images in memory or SVG documents (no
 * display needed: when no display is configured, AWT is switched to headless mode before its first use).
 * <ul>
 * <li>Fig. 1, {@link #matchRates}: match rate against noise level, one panel per condition, one line per loss
 * and projector (solid with filled marks: with the projector; dashed with open marks: unconstrained), with the
 * 95% Jeffreys intervals as error bars. Levels are evenly spaced categories (the study's levels are not
 * evenly spaced), and the lines of a level are spread sideways a little so that their bars stay apart.</li>
 * <li>Fig. 4, {@link #distanceVsSimilarity}: final structural distance to the truth (AMD, Å) against final XRD
 * similarity, one panel per loss (columns) and condition and projector (rows), one colour per noise level.</li>
 * </ul>
 */
public final class StudyFigures {

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    /** Size of one panel in pixels. */
    public static final int PANEL_WIDTH = 560;
    public static final int PANEL_HEIGHT = 420;

    /** Colour-blind-safe colours for losses (Okabe and Ito, "Color universal design", 2008). */
    private static final Color[] LOSS_COLOURS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};

    /** Sequential colours for noise levels, low to high (viridis, Smith and van der Walt 2015, 6 samples). */
    private static final Color[] LEVEL_COLOURS = {new Color(0x440154), new Color(0x414487), new Color(0x2A788E),
        new Color(0x22A884), new Color(0x7AD151), new Color(0xFDE725)};

    /** Sideways spread of the lines at one level, as a fraction of the distance between levels. */
    private static final double SPREAD = 0.5;
    /** Smallest axis span of a scatter panel relative to the magnitude of its values. */
    static final double MIN_RELATIVE_SPAN = 1e-3;
    /** Smallest axis span of a scatter panel (for values at or near 0). */
    static final double MIN_ABSOLUTE_SPAN = 1e-4;

    private StudyFigures() {
    }

    /**
     * Fig. 1: match rates with error bars, one panel per condition, side by side, written to each file (PNG, or SVG
     * for a name ending in {@code .svg}).
     *
     * @throws IOException when the file cannot be written
     */
    public static void matchRates(StudyDescription study, StudyStatistics statistics, Path... files)
            throws IOException {
        // before any chart object: building one may already ask AWT whether it is headless
        Headless.ensure();
        List<JFreeChart> panels = new ArrayList<>();
        for (Condition c : study.conditions()) {
            panels.add(matchRatePanel(study, c, statistics));
        }
        write(panels, panels.size(), files);
    }

    private static JFreeChart matchRatePanel(StudyDescription study, Condition c, StudyStatistics statistics) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setCapLength(5);
        int lines = study.losses().size() * c.projectors().size();
        int series = 0;
        for (int l = 0; l < study.losses().size(); l++) {
            Labelled loss = study.losses().get(l);
            for (Labelled projector : c.projectors()) {
                boolean constrained = !projector.id().equals(Condition.NO_PROJECTOR);
                YIntervalSeries s = new YIntervalSeries(loss.label() + ", " + projector.label());
                double offset = lines == 1 ? 0 : SPREAD * (series / (lines - 1.0) - 0.5);
                for (int i = 0; i < c.levels().size(); i++) {
                    GroupStatistics g = statistics.get(new GroupKey(c.noise(), c.levels().get(i), c.refine(),
                            loss.label(), projector.label()));
                    if (g != null) {
                        MatchRate r = g.rate();
                        s.add(i + offset, r.rate(), r.lower(), r.upper());
                    }
                }
                data.addSeries(s);
                Color colour = LOSS_COLOURS[l % LOSS_COLOURS.length];
                renderer.setSeriesPaint(series, colour);
                renderer.setSeriesStroke(series, constrained ? new BasicStroke(2f)
                        : new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f},
                                0f));
                renderer.setSeriesShape(series, new Ellipse2D.Double(-4, -4, 8, 8));
                renderer.setSeriesShapesFilled(series, true);
                renderer.setSeriesFillPaint(series, constrained ? colour : Color.WHITE);
                series++;
            }
        }
        renderer.setDefaultLinesVisible(true);
        renderer.setUseFillPaint(true);
        renderer.setUseOutlinePaint(false);
        renderer.setDrawOutlines(true);
        String[] labels = c.levels().stream().map(RunSpec::levelText).toArray(String[]::new);
        SymbolAxis x = new SymbolAxis(c.noise().title() + " level σ", labels);
        x.setRange(-0.5, labels.length - 0.5);
        x.setGridBandsVisible(false);
        NumberAxis y = new NumberAxis("match rate (95% Jeffreys interval)");
        y.setRange(0, 1.0);
        y.setTickUnit(new NumberTickUnit(0.1));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return chart(title(c), plot);
    }

    /**
     * Fig. 4: final structural distance against final XRD similarity, a grid of panels (rows: condition and
     * projector; columns: losses), written to each file (PNG, or SVG for a name ending in {@code .svg}).
     *
     * @throws IOException when the file cannot be written
     */
    public static void distanceVsSimilarity(StudyDescription study, List<RunRecord> records, Path... files)
            throws IOException {
        Headless.ensure();
        Map<GroupKey, List<RunRecord>> byGroup = new LinkedHashMap<>();
        for (RunRecord r : records) {
            byGroup.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r);
        }
        List<JFreeChart> panels = new ArrayList<>();
        for (Condition c : study.conditions()) {
            for (Labelled projector : c.projectors()) {
                for (Labelled loss : study.losses()) {
                    panels.add(scatterPanel(study, c, projector, loss, byGroup));
                }
            }
        }
        write(panels, study.losses().size(), files);
    }

    private static JFreeChart scatterPanel(StudyDescription study, Condition c, Labelled projector, Labelled loss,
            Map<GroupKey, List<RunRecord>> byGroup) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        int points = 0;
        for (int i = 0; i < c.levels().size(); i++) {
            double level = c.levels().get(i);
            XYSeries s = new XYSeries("σ = " + RunSpec.levelText(level), false, true);
            for (RunRecord r : byGroup.getOrDefault(new GroupKey(c.noise(), level, c.refine(), loss.label(),
                    projector.label()), List.of())) {
                if (Double.isFinite(r.distanceFinal()) && Double.isFinite(r.similarityFinal())) {
                    s.add(r.distanceFinal(), r.similarityFinal());
                    points++;
                }
            }
            data.addSeries(s);
            Color colour = LEVEL_COLOURS[c.levels().size() == 1 ? 0
                    : (int) Math.round(i * (LEVEL_COLOURS.length - 1) / (c.levels().size() - 1.0))];
            renderer.setSeriesPaint(i, new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 170));
            Shape dot = new Ellipse2D.Double(-3, -3, 6, 6);
            renderer.setSeriesShape(i, dot);
        }
        NumberAxis x = new NumberAxis("final structural distance to the truth ("
                + StudyFormat.defaultLabel(study.distance().id()) + ")");
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis("final XRD similarity to the truth");
        y.setAutoRangeIncludesZero(false);
        if (points > 0) {
            setReadableRange(x, Math.min(0, data.getDomainLowerBound(false)), data.getDomainUpperBound(false));
            setReadableRange(y, data.getRangeLowerBound(false), data.getRangeUpperBound(false));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return chart(loss.label() + " — " + c.noise().title() + ", " + c.refine().json() + " refined, "
                + projector.label(), plot);
    }

    /**
     * Sets the axis to the data range [low, high] widened to at least {@value #MIN_RELATIVE_SPAN} of its magnitude
     * (and {@value #MIN_ABSOLUTE_SPAN}), plus a 5% margin: a panel whose points share one value (one run, or runs
     * that all reached the truth) gets readable ticks instead of a hair-thin range labelled with repeated digits.
     */
    static void setReadableRange(NumberAxis axis, double low, double high) {
        double magnitude = Math.max(Math.abs(low), Math.abs(high));
        double span = Math.max(high - low, Math.max(MIN_RELATIVE_SPAN * magnitude, MIN_ABSOLUTE_SPAN));
        double middle = 0.5 * (low + high);
        double from = low >= 0 && middle - span / 2 < 0 ? 0 : middle - span / 2;
        axis.setRange(from - 0.05 * span, from + 1.05 * span);
    }

    private static String title(Condition c) {
        String noise = c.noise().title();
        return Character.toUpperCase(noise.charAt(0)) + noise.substring(1) + " (" + c.refine().json() + " refined)";
    }

    /** A chart of one plot in the study figures' style (white, light grid, bold title). */
    static JFreeChart chart(String title, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlinePaint(Color.GRAY);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 15)));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /** Draws panels into a grid with {@code columns} columns and writes it to each file (PNG or SVG). */
    private static void write(List<JFreeChart> panels, int columns, Path... files) throws IOException {
        for (Path file : files) {
            write(panels, columns, PANEL_WIDTH, PANEL_HEIGHT, file);
        }
    }

    /**
     * Draws panels of the given size (pixels) into a grid with {@code columns} columns and writes it as a PNG, or as
     * an SVG when the file name ends in {@code .svg} (the same drawing on Batik's SVG Graphics2D: lines, marks and
     * text stay vectors and text).
     */
    static void write(List<JFreeChart> panels, int columns, int panelWidth, int panelHeight, Path file)
            throws IOException {
        int cols = Math.max(1, Math.min(columns, panels.size()));
        int rows = (panels.size() + cols - 1) / cols;
        int width = cols * panelWidth;
        int height = Math.max(1, rows) * panelHeight;
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            SVGGraphics2D g = new SVGGraphics2D(SVGGeneratorContext.createDefault(svgDocument()), false);
            g.setSVGCanvasSize(new Dimension(width, height));
            draw(panels, cols, panelWidth, panelHeight, g, width, height);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                g.stream(out, true);
            }
            return;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(panels, cols, panelWidth, panelHeight, g, width, height);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    private static void draw(List<JFreeChart> panels, int cols, int panelWidth, int panelHeight, Graphics2D g,
            int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < panels.size(); i++) {
            Rectangle2D area = new Rectangle2D.Double((i % cols) * panelWidth, (i / cols) * panelHeight, panelWidth,
                    panelHeight);
            panels.get(i).draw(g, area);
        }
    }

    /** An empty SVG document of the JDK's DOM, for Batik's SVG Graphics2D to fill. */
    private static Document svgDocument() throws IOException {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NAMESPACE, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML document builder in this Java runtime: " + e.getMessage(), e);
        }
    }
}
