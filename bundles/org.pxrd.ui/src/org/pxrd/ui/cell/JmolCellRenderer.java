package org.pxrd.ui.cell;

import java.awt.AWTError;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.GraphicsEnvironment;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JPanel;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.awt.SWT_AWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.jmol.adapter.smarter.SmarterJmolAdapter;
import org.jmol.api.JmolViewer;
import org.jmol.util.Logger;
import org.pxrd.model.Structure;
import org.pxrd.ui.PxrdUiPlugin;

/**
 * Jmol embedded in SWT through SWT_AWT: an AWT frame inside an {@code SWT.EMBEDDED} composite holds a Swing panel
 * that Jmol paints. A structure is loaded as P 1 CIF text ({@link JmolCif}) with the unit cell packed (atoms on
 * faces, edges and corners repeated), then styled as ball-and-stick with the cell and the a, b, c axes. The
 * orientation the user gave by dragging is kept when the structure changes.
 *
 * <p>A load takes 0.1-0.5 s, so it runs on a loader thread of its own, never on the UI thread: typing in the
 * editor stays fluid, and when edits come faster than Jmol loads, only the newest structure is loaded.
 */
final class JmolCellRenderer implements CellRenderer {

    /**
     * Jmol script applied after each load: ball-and-stick, the unit cell with its a (red), b (green), c (blue)
     * edges drawn as axes, no logo, white background.
     */
    static final String STYLE = "set antialiasDisplay true; background white; frank off;"
            + " set zoomLarge false; set displayCellParameters false; unitcell on; axes unitcell; axes on; axes 0.06;"
            + " spacefill 22%; wireframe 0.12;";
    /** The first view: c up, turned 25° about the vertical and tilted 10° towards the viewer. */
    static final String FIRST_VIEW = " rotate x -75; rotate y 25; rotate x 10;";

    /** How long closing the view waits for a load in progress (one load takes well under a second). */
    private static final long LOADER_PATIENCE_SECONDS = 5;

    private final Composite embedded;
    private final Frame frame;
    private final JmolPanel panel;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "PXRD Jmol loader");
        t.setDaemon(true);
        return t;
    });
    /** The structure waiting to be loaded (null when none); a request without a structure stands for "show nothing". */
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private volatile Structure loaded;

    JmolCellRenderer(Composite parent) throws Exception {
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("AWT runs headless (java.awt.headless=true): no AWT windows to embed");
        }
        embedded = new Composite(parent, SWT.EMBEDDED | SWT.NO_BACKGROUND);
        try {
            frame = SWT_AWT.new_Frame(embedded);
            JmolPanel[] created = new JmolPanel[1];
            EventQueue.invokeAndWait(() -> {
                created[0] = new JmolPanel();
                frame.add(created[0]);
            });
            panel = created[0];
        } catch (InvocationTargetException e) {
            embedded.dispose();
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (Exception | LinkageError | SWTError | AWTError e) {
            embedded.dispose();
            throw e;
        }
    }

    @Override
    public String name() {
        return "Jmol " + JmolViewer.getJmolVersion() + " (SWT_AWT)";
    }

    @Override
    public Control control() {
        return embedded;
    }

    /** A structure to load (null: none) and whether the view is kept. */
    private record Request(Structure structure, boolean keepView) {
    }

    @Override
    public void show(Structure structure, boolean keepView) {
        if (pending.getAndSet(new Request(structure, keepView)) == null) {
            loader.execute(this::loadPending);
        }
    }

    /** On the loader thread: loads the newest structure asked for. */
    private void loadPending() {
        Request next = pending.getAndSet(null);
        if (next == null) {
            return;
        }
        JmolViewer viewer = panel.viewer;
        try {
            if (next.structure() == null) {
                viewer.scriptWait("zap;");
                loaded = null;
                return;
            }
            Structure structure = next.structure();
            boolean keep = next.keepView() && loaded != null;
            String save = keep ? "save orientation pxrd;" : "";
            String restore = keep ? " restore orientation pxrd;" : FIRST_VIEW;
            viewer.scriptWait(save + "load data \"model\"\n" + JmolCif.of(structure)
                    + "end \"model\" {1 1 1} packed;" + STYLE + restore);
            loaded = structure;
            if (atomCount() < structure.size()) {
                PxrdUiPlugin.logWarning("Jmol shows " + atomCount() + " atoms of the " + structure.size()
                        + " sites of " + structure.name());
            }
        } catch (RuntimeException | LinkageError e) {
            PxrdUiPlugin.logError("Jmol could not show the structure: " + e, e);
        }
    }

    /** The structure Jmol shows now (null when none); it trails {@link #show} by one load. */
    Structure loaded() {
        return loaded;
    }

    /** How many atoms Jmol shows (the sites and their packed images). */
    int atomCount() {
        return (int) evaluate("{*}.count");
    }

    /** Lattice parameter i (0-5: a, b, c in Å, α, β, γ in degrees) of the cell Jmol shows. */
    double cellParameter(int i) {
        return evaluate("_M.unitCellParams[" + (i + 1) + "]");
    }

    /** A numeric Jmol math expression (Jmol returns numbers or their text). */
    private double evaluate(String expression) {
        Object value = panel.viewer.evaluateExpression(expression);
        try {
            return value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Jmol evaluated " + expression + " to '" + value + "', not a number", e);
        }
    }

    @Override
    public void dispose() {
        loader.shutdownNow();
        try {
            loader.awaitTermination(LOADER_PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        panel.disposed = true;
        // on the AWT thread, where Jmol paints: the viewer is never released in the middle of a paint
        EventQueue.invokeLater(() -> {
            panel.viewer.dispose();
            frame.dispose();
        });
        embedded.dispose();
    }

    /** The Swing panel Jmol paints into. */
    private static final class JmolPanel extends JPanel {

        private static final long serialVersionUID = 1L;

        private final transient JmolViewer viewer;
        private final Dimension size = new Dimension();
        private volatile boolean disposed;

        JmolPanel() {
            Logger.setLogLevel(Logger.LEVEL_ERROR);
            viewer = JmolViewer.allocateViewer(this, new SmarterJmolAdapter(), null, null, null, null, null);
        }

        @Override
        public void paint(Graphics g) {
            if (disposed) {
                return;
            }
            getSize(size);
            viewer.renderScreenImage(g, size.width, size.height);
        }
    }
}
