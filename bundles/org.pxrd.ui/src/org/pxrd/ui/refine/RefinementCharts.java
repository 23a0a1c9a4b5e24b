package org.pxrd.ui.refine;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IAxis.Position;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;

/**
 * The live curves of the refinement view (SWTChart): the objective against the step, and the lattice parameters
 * against the step (a, b, c in Å on the left axis, α, β, γ in degrees on the right one), with the target
 * structure's values as dotted lines when the target is a structure.
 */
final class RefinementCharts {

    static final String LOSS = "loss";
    static final String[] LATTICE = {"a", "b", "c", "alpha", "beta", "gamma"};
    private static final String[] LABELS = {"a (Å)", "b (Å)", "c (Å)", "α (°)", "β (°)", "γ (°)"};
    private static final Color[] COLORS = {new Color(0, 84, 190), new Color(200, 30, 30), new Color(0, 130, 60),
        new Color(120, 150, 230), new Color(230, 130, 130), new Color(110, 190, 120)};
    private static final Color LOSS_COLOR = new Color(40, 40, 40);

    private final SashForm sash;
    private final Chart loss;
    private final Chart lattice;
    private final int angleAxis;

    RefinementCharts(Composite parent) {
        sash = new SashForm(parent, SWT.HORIZONTAL);
        loss = new Chart(sash, SWT.NONE);
        loss.getTitle().setText("Objective");
        loss.getAxisSet().getXAxis(0).getTitle().setText("Step");
        loss.getAxisSet().getYAxis(0).getTitle().setText("Loss (loss units)");
        loss.getLegend().setVisible(false);
        lattice = new Chart(sash, SWT.NONE);
        lattice.getTitle().setText("Lattice parameters (dotted: target)");
        lattice.getAxisSet().getXAxis(0).getTitle().setText("Step");
        lattice.getAxisSet().getYAxis(0).getTitle().setText("a, b, c (Å)");
        angleAxis = lattice.getAxisSet().createYAxis();
        IAxis angles = lattice.getAxisSet().getYAxis(angleAxis);
        angles.setPosition(Position.Secondary);
        angles.getTitle().setText("α, β, γ (°)");
        lattice.getLegend().setPosition(SWT.BOTTOM);
        clear();
    }

    /** The control holding both charts. */
    SashForm control() {
        return sash;
    }

    Chart lossChart() {
        return loss;
    }

    Chart latticeChart() {
        return lattice;
    }

    /** Removes every curve. */
    void clear() {
        for (Chart c : new Chart[] {loss, lattice}) {
            for (ISeries<?> s : c.getSeriesSet().getSeries()) {
                c.getSeriesSet().deleteSeries(s.getId());
            }
            c.redraw();
        }
    }

    /**
     * Shows a trace.
     *
     * @param target the target's a, b, c (Å), α, β, γ (degrees), or null
     */
    void show(StepTrace.Snapshot trace, double[] target) {
        if (trace.size() == 0) {
            clear();
            return;
        }
        loss.suspendUpdate(true);
        lattice.suspendUpdate(true);
        try {
            line(loss, LOSS, "loss", trace.steps(), trace.losses(), LOSS_COLOR, 0, LineStyle.SOLID);
            double first = trace.steps()[0];
            double lastStep = trace.steps()[trace.size() - 1];
            for (int k = 0; k < 6; k++) {
                int axis = k < 3 ? 0 : angleAxis;
                line(lattice, LATTICE[k], LABELS[k], trace.steps(), trace.lattice()[k], COLORS[k], axis,
                        LineStyle.SOLID);
                String id = "target-" + LATTICE[k];
                if (target != null) {
                    double end = Math.max(lastStep, first + 1);
                    line(lattice, id, "target " + LABELS[k], new double[] {first, end},
                            new double[] {target[k], target[k]}, COLORS[k], axis, LineStyle.DOT);
                } else if (lattice.getSeriesSet().getSeries(id) != null) {
                    lattice.getSeriesSet().deleteSeries(id);
                }
            }
            loss.getAxisSet().adjustRange();
            lattice.getAxisSet().adjustRange();
            padAngles();
        } finally {
            loss.suspendUpdate(false);
            lattice.suspendUpdate(false);
        }
        loss.redraw();
        lattice.redraw();
    }

    /** Keeps flat angle curves (90° throughout) off the plot's edges. */
    private void padAngles() {
        IAxis axis = lattice.getAxisSet().getYAxis(angleAxis);
        org.eclipse.swtchart.Range r = axis.getRange();
        double pad = Math.max(0.5, 0.05 * (r.upper - r.lower));
        axis.setRange(new org.eclipse.swtchart.Range(r.lower - pad, r.upper + pad));
        IAxis lengths = lattice.getAxisSet().getYAxis(0);
        org.eclipse.swtchart.Range l = lengths.getRange();
        double lpad = Math.max(1e-3, 0.05 * (l.upper - l.lower));
        lengths.setRange(new org.eclipse.swtchart.Range(l.lower - lpad, l.upper + lpad));
    }

    private static void line(Chart chart, String id, String label, double[] x, double[] y, Color color, int yAxis,
            LineStyle style) {
        ILineSeries<?> s = (ILineSeries<?>) chart.getSeriesSet().getSeries(id);
        if (s == null) {
            s = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, id);
            s.setDescription(label);
            s.setSymbolType(PlotSymbolType.NONE);
            s.setLineColor(color);
            s.setLineWidth(style == LineStyle.SOLID ? 2 : 1);
            s.setLineStyle(style);
            s.setAntialias(SWT.ON);
            s.setYAxisId(yAxis);
            s.setVisibleInLegend(style == LineStyle.SOLID);
        }
        s.setXSeries(x);
        s.setYSeries(y);
    }
}
