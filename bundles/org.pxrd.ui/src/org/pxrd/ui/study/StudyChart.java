package org.pxrd.ui.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IBarSeries;
import org.eclipse.swtchart.IErrorBar;
import org.eclipse.swtchart.IErrorBar.ErrorBarType;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.Range;
import org.pxrd.study.report.GroupStatistics;
import org.pxrd.study.run.RunSpec;
import org.pxrd.study.run.RunSpec.GroupKey;

/**
 * The match rates of a study as grouped bars (SWTChart), as the study's Fig. 1 shows them: one group per
 * condition without its loss (noise type and level, refined parameters, projector), one bar per loss, the bar the
 * match rate k/n in percent and its error bar the 95% Jeffreys interval.
 */
final class StudyChart {

    private static final Color[] COLORS = {new Color(0, 84, 190), new Color(200, 30, 30), new Color(0, 130, 60),
        new Color(230, 140, 0), new Color(120, 60, 170), new Color(90, 90, 90)};

    /** The bars of one loss: per category, the rate and its interval in percent (NaN: no run). */
    record Bars(String loss, double[] rate, double[] lower, double[] upper) {
    }

    private final Chart chart;
    private List<String> categories = List.of();
    private List<Bars> bars = List.of();

    StudyChart(Composite parent) {
        chart = new Chart(parent, SWT.NONE);
        chart.getTitle().setText("Match rate (95% Jeffreys interval)");
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.getTitle().setText("Noise σ · refined · projector");
        x.enableCategory(true);
        x.getTick().setTickLabelAngle(20);
        chart.getAxisSet().getYAxis(0).getTitle().setText("Match rate (%)");
        chart.getLegend().setPosition(SWT.TOP);
    }

    Chart chart() {
        return chart;
    }

    /** The label of a condition's group: everything but the loss. */
    static String category(GroupKey key) {
        return key.noise().json() + " " + RunSpec.levelText(key.level()) + " · " + key.refine().json() + " · "
                + key.projector();
    }

    /** Arranges statistics into categories (in first-seen order) and one bar series per loss. */
    static List<Bars> arrange(List<GroupStatistics> groups, List<String> categoriesOut) {
        Map<String, Integer> categories = new LinkedHashMap<>();
        Map<String, Map<Integer, GroupStatistics>> byLoss = new LinkedHashMap<>();
        for (GroupStatistics g : groups) {
            int c = categories.computeIfAbsent(category(g.key()), k -> categories.size());
            byLoss.computeIfAbsent(g.key().loss(), k -> new LinkedHashMap<>()).put(c, g);
        }
        categoriesOut.clear();
        categoriesOut.addAll(categories.keySet());
        List<Bars> bars = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, GroupStatistics>> e : byLoss.entrySet()) {
            int n = categories.size();
            double[] rate = new double[n];
            double[] lower = new double[n];
            double[] upper = new double[n];
            for (int c = 0; c < n; c++) {
                GroupStatistics g = e.getValue().get(c);
                boolean has = g != null && g.rate() != null;
                rate[c] = has ? 100 * g.rate().rate() : Double.NaN;
                lower[c] = has ? 100 * g.rate().lower() : Double.NaN;
                upper[c] = has ? 100 * g.rate().upper() : Double.NaN;
            }
            bars.add(new Bars(e.getKey(), rate, lower, upper));
        }
        return bars;
    }

    /** Shows the statistics of a study (empty: no bars). */
    void show(List<GroupStatistics> groups) {
        List<String> cats = new ArrayList<>();
        bars = arrange(groups, cats);
        categories = List.copyOf(cats);
        chart.suspendUpdate(true);
        try {
            for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
                chart.getSeriesSet().deleteSeries(s.getId());
            }
            chart.getAxisSet().getXAxis(0).setCategorySeries(categories.toArray(String[]::new));
            for (int i = 0; i < bars.size(); i++) {
                Bars b = bars.get(i);
                IBarSeries<?> s = (IBarSeries<?>) chart.getSeriesSet().createSeries(SeriesType.BAR, "loss-" + b.loss());
                s.setDescription(b.loss());
                s.setBarColor(COLORS[i % COLORS.length]);
                double[] y = new double[b.rate().length];
                double[] plus = new double[y.length];
                double[] minus = new double[y.length];
                for (int c = 0; c < y.length; c++) {
                    boolean has = !Double.isNaN(b.rate()[c]);
                    y[c] = has ? b.rate()[c] : 0;
                    plus[c] = has ? b.upper()[c] - b.rate()[c] : 0;
                    minus[c] = has ? b.rate()[c] - b.lower()[c] : 0;
                }
                s.setYSeries(y);
                IErrorBar error = s.getYErrorBar();
                error.setType(ErrorBarType.BOTH);
                error.setPlusErrors(plus);
                error.setMinusErrors(minus);
                error.setColor(chart.getDisplay().getSystemColor(SWT.COLOR_BLACK));
                error.setLineWidth(1);
                error.setVisible(true);
            }
            chart.getAxisSet().adjustRange();
            chart.getAxisSet().getYAxis(0).setRange(new Range(0, 105));
        } finally {
            chart.suspendUpdate(false);
        }
        chart.redraw();
    }

    /** The categories shown (condition groups without the loss). */
    List<String> categories() {
        return categories;
    }

    /** The bar series shown, one per loss. */
    List<Bars> bars() {
        return bars;
    }
}
