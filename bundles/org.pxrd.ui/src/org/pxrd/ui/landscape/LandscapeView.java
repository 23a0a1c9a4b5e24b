package org.pxrd.ui.landscape;

import java.awt.geom.Rectangle2D;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.swt.SWTGraphics2D;
import org.pxrd.model.Structure;
import org.pxrd.ui.editor.StructureEditor;
import org.pxrd.ui.editor.StructureEditorInput;
import org.pxrd.ui.structure.ActiveStructure;

/**
 * The loss landscape of two lattice parameters as a heat map ({@link Heatmap}: JFreeChart drawn on an SWT canvas
 * through SWTGraphics2D), with its minima and optimizer trajectories. A click on the map selects the grid cell
 * under the pointer and reports its two lattice parameters and its loss; Open Structure opens the structure of that
 * cell in an editor when the landscape can make it. The bar above the map computes the landscape of the active
 * structure editor's structure ({@code org.pxrd.study.landscape.Landscape}, as {@code pxrd landscape} does: the loss
 * against the structure's own simulated pattern over two lattice parameters, each within ± span (relative) of
 * the structure's value, with optional study trajectories) in a background job; any other {@link LandscapeGrid}
 * can be shown through {@link #setLandscape}.
 */
public class LandscapeView extends ViewPart {

    /** View id. */
    public static final String ID = "org.pxrd.ui.views.landscape";

    private Canvas canvas;
    private Label info;
    private Button open;
    private LandscapeGrid grid;
    private JFreeChart chart;
    private Rectangle2D dataArea;
    private int[] selected;
    private LandscapeControls controls;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        controls = new LandscapeControls(parent, ActiveStructure.of(getSite().getWorkbenchWindow()),
                this::setLandscape, this::showProblem);
        controls.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        info = new Label(parent, SWT.NONE);
        info.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        open = new Button(parent, SWT.PUSH);
        open.setText("Open Structure");
        open.setToolTipText("Open the structure of the selected cell in an editor");
        open.addListener(SWT.Selection, e -> openSelected());
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.MouseDown, e -> {
            if (e.button == 1) {
                clickAt(e.x, e.y);
            }
        });
        showInfo();
    }

    private void paint(org.eclipse.swt.graphics.GC gc) {
        Point size = canvas.getSize();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(0, 0, size.x, size.y);
        if (chart == null) {
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText("No landscape computed yet.", 10, 10, true);
            return;
        }
        ChartRenderingInfo rendering = new ChartRenderingInfo();
        SWTGraphics2D g2 = new SWTGraphics2D(gc);
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, size.x, size.y), rendering);
        } finally {
            g2.dispose();
        }
        dataArea = rendering.getPlotInfo().getDataArea();
        if (selected != null) {
            Point p = pixelOf(grid.x().values()[selected[0]], grid.y().values()[selected[1]]);
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            gc.setLineWidth(2);
            gc.drawOval(p.x - 7, p.y - 7, 14, 14);
        }
    }

    /** Shows a landscape (null: none). */
    public void setLandscape(LandscapeGrid landscape) {
        grid = landscape;
        chart = landscape == null ? null : Heatmap.chart(landscape);
        selected = null;
        dataArea = null;
        setPartName(landscape == null ? "Loss Landscape" : "Landscape: " + landscape.title());
        showInfo();
        canvas.redraw();
        canvas.update();
    }

    /** The landscape shown, or null. */
    public LandscapeGrid landscape() {
        return grid;
    }

    /**
     * Selects the grid cell under a pixel of the canvas (as a click does).
     *
     * @return whether the pixel is on the map
     */
    public boolean clickAt(int px, int py) {
        if (grid == null || dataArea == null || !dataArea.contains(px, py)) {
            return false;
        }
        XYPlot plot = chart.getXYPlot();
        double x = plot.getDomainAxis().java2DToValue(px, dataArea, plot.getDomainAxisEdge());
        double y = plot.getRangeAxis().java2DToValue(py, dataArea, plot.getRangeAxisEdge());
        selected = grid.cellAt(x, y);
        showInfo();
        canvas.redraw();
        return true;
    }

    /** The pixel of the canvas where a point of the map (axis units) is drawn (after the first painting). */
    public Point pixelOf(double x, double y) {
        XYPlot plot = chart.getXYPlot();
        return new Point((int) Math.round(plot.getDomainAxis().valueToJava2D(x, dataArea, plot.getDomainAxisEdge())),
                (int) Math.round(plot.getRangeAxis().valueToJava2D(y, dataArea, plot.getRangeAxisEdge())));
    }

    /** Whether the map has been drawn (clicks need its layout). */
    public boolean isDrawn() {
        return dataArea != null;
    }

    /** The selected cell {i, j}, or null. */
    public int[] selectedCell() {
        return selected == null ? null : selected.clone();
    }

    /** The report line: the selected cell's lattice parameters and loss, or a hint. */
    public String infoText() {
        return info.getText();
    }

    private void showInfo() {
        String text;
        if (grid == null) {
            text = "No landscape yet: open a structure and press Compute.";
        } else if (selected == null) {
            text = "Click the map to read the lattice parameters and the loss of a point.";
        } else {
            int i = selected[0];
            int j = selected[1];
            text = String.format(Locale.ROOT, "%s = %.5g %s, %s = %.5g %s: %s = %s", grid.x().parameter(),
                    grid.x().values()[i], grid.x().unit(), grid.y().parameter(), grid.y().values()[j],
                    grid.y().unit(), grid.valueName(), Double.isFinite(grid.value(i, j))
                            ? String.format(Locale.ROOT, "%.6g", grid.value(i, j)) : "not computed");
        }
        info.setText(text);
        open.setEnabled(grid != null && selected != null && grid.structureAt() != null);
        info.getParent().layout();
    }

    /**
     * Opens the structure of the selected cell in a new editor.
     *
     * @return the editor, or null when there is no cell or the landscape cannot make structures
     */
    public StructureEditor openSelected() {
        if (grid == null || selected == null || grid.structureAt() == null) {
            return null;
        }
        double x = grid.x().values()[selected[0]];
        double y = grid.y().values()[selected[1]];
        try {
            Structure s = grid.structureAt().at(x, y);
            return StructureEditor.open(getSite().getPage(), StructureEditorInput.unsaved(s, String.format(
                    Locale.ROOT, "%s=%.4g,%s=%.4g", grid.x().parameter(), x, grid.y().parameter(), y)));
        } catch (PartInitException | IllegalArgumentException e) {
            info.setText("cannot open the structure there: " + e.getMessage());
            return null;
        }
    }

    /** Says why a landscape could not be computed, in the report line. */
    private void showProblem(String problem) {
        info.setText(problem);
        info.getParent().layout();
    }

    /** The bar that computes the active structure's landscape. */
    public LandscapeControls controls() {
        return controls;
    }

    @Override
    public void dispose() {
        if (controls != null) {
            controls.dispose();
        }
        super.dispose();
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }
}
