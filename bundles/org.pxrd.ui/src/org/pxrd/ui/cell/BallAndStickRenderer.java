package org.pxrd.ui.cell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.pxrd.model.Structure;

/**
 * The pure-SWT renderer of the 3D cell view, used when Jmol cannot be embedded: an orthographic ball-and-stick
 * drawing of the {@link CellScene} on a {@link Canvas}, with the cell edges, the a (red), b (green) and c (blue)
 * axes from the origin, bonds, and atoms in Jmol's element colours painted from the farthest to the nearest.
 * Dragging with the mouse turns the cell.
 */
final class BallAndStickRenderer implements CellRenderer {

    /** Empty space around the cell, as a fraction of the smaller side of the canvas. */
    static final double MARGIN = 0.08;
    /** Ball radius as a fraction of the shortest interatomic distance (so neighbouring balls never touch). */
    static final double BALL_FRACTION = 0.22;
    /** Radians turned per pixel dragged. */
    static final double RADIANS_PER_PIXEL = 0.01;
    /** The initial view: turned 30° about the vertical and 20° about the horizontal, c up. */
    static final double INITIAL_YAW = Math.toRadians(30);
    static final double INITIAL_PITCH = Math.toRadians(20);

    /** Pixels between a corner atom and the letter of its axis. */
    static final int LABEL_GAP = 8;

    private static final int[] AXIS_RGB = {0xE00000, 0x00A000, 0x0000E0};

    private final Canvas canvas;
    private CellScene scene;
    private double yaw = INITIAL_YAW;
    private double pitch = INITIAL_PITCH;
    private Point dragFrom;

    BallAndStickRenderer(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        canvas.addPaintListener(e -> {
            Point size = canvas.getSize();
            paint(e.gc, size.x, size.y);
        });
        canvas.addListener(SWT.MouseDown, e -> dragFrom = new Point(e.x, e.y));
        canvas.addListener(SWT.MouseUp, e -> dragFrom = null);
        canvas.addListener(SWT.MouseMove, e -> {
            if (dragFrom != null) {
                yaw += (e.x - dragFrom.x) * RADIANS_PER_PIXEL;
                pitch += (e.y - dragFrom.y) * RADIANS_PER_PIXEL;
                dragFrom = new Point(e.x, e.y);
                canvas.redraw();
            }
        });
    }

    @Override
    public String name() {
        return "SWT ball-and-stick (Jmol unavailable)";
    }

    @Override
    public Control control() {
        return canvas;
    }

    @Override
    public void show(Structure structure, boolean keepView) {
        if (!keepView) {
            yaw = INITIAL_YAW;
            pitch = INITIAL_PITCH;
        }
        scene = structure == null ? null : new CellScene(structure);
        canvas.redraw();
    }

    /** The scene drawn, or null when no structure is shown. */
    CellScene scene() {
        return scene;
    }

    /** The current view rotation. */
    double[][] rotation() {
        return CellScene.rotation(yaw, pitch);
    }

    /** Draws the scene into a graphics context of the given size (the canvas, or an image in tests). */
    void paint(GC gc, int width, int height) {
        gc.setBackground(gc.getDevice().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(0, 0, width, height);
        if (scene == null) {
            gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText("Open a structure to see its cell.", 10, 10, true);
            return;
        }
        gc.setAntialias(SWT.ON);
        double[][] rotation = rotation();
        double scale = scene.scale(width, height, MARGIN);
        List<CellScene.Projected> corners = new ArrayList<>();
        for (double[] c : scene.corners()) {
            corners.add(scene.project(c, rotation, scale, width, height));
        }
        gc.setLineWidth(1);
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_BLACK));
        for (int i = 0; i < 8; i++) {
            for (int bit = 0; bit < 3; bit++) {
                int j = i | (1 << bit);
                if (i != 0 && j != i) {
                    line(gc, corners.get(i), corners.get(j));
                }
            }
        }
        gc.setLineWidth(2);
        for (int axis = 0; axis < 3; axis++) {
            gc.setForeground(color(AXIS_RGB[axis]));
            line(gc, corners.get(0), corners.get(1 << axis));
        }
        List<CellScene.Projected> atoms = new ArrayList<>();
        for (CellScene.Atom a : scene.atoms()) {
            atoms.add(scene.project(a.cart(), rotation, scale, width, height));
        }
        gc.setLineWidth(3);
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_GRAY));
        for (CellScene.Bond b : scene.bonds()) {
            line(gc, atoms.get(b.from()), atoms.get(b.to()));
        }
        int radius = ballRadius(scale);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < atoms.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> atoms.get(i).depth()));
        gc.setLineWidth(1);
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_DARK_GRAY));
        for (int i : order) {
            CellScene.Projected p = atoms.get(i);
            gc.setBackground(color(ElementColors.rgb(scene.atoms().get(i).element())));
            int x = (int) Math.round(p.x()) - radius;
            int y = (int) Math.round(p.y()) - radius;
            gc.fillOval(x, y, 2 * radius, 2 * radius);
            gc.drawOval(x, y, 2 * radius, 2 * radius);
        }
        drawAxisLabels(gc, corners, radius);
    }

    /** The letters a, b, c beyond the ends of the axes (outside the corner atoms), in the axes' colours. */
    private static void drawAxisLabels(GC gc, List<CellScene.Projected> corners, int radius) {
        CellScene.Projected origin = corners.get(0);
        for (int axis = 0; axis < 3; axis++) {
            CellScene.Projected end = corners.get(1 << axis);
            double dx = end.x() - origin.x();
            double dy = end.y() - origin.y();
            double length = Math.max(1e-9, Math.hypot(dx, dy));
            double reach = radius + LABEL_GAP;
            String letter = "abc".substring(axis, axis + 1);
            Point extent = gc.textExtent(letter);
            gc.setForeground(color(AXIS_RGB[axis]));
            gc.drawText(letter, (int) Math.round(end.x() + dx / length * reach - extent.x / 2.0),
                    (int) Math.round(end.y() + dy / length * reach - extent.y / 2.0), true);
        }
    }

    private static Color color(int rgb) {
        return new Color((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    /** Ball radius in pixels at a scale in pixels per Å. */
    int ballRadius(double scale) {
        return Math.max(3, (int) Math.round(BALL_FRACTION * scene.nearestDistance() * scale));
    }

    private static void line(GC gc, CellScene.Projected from, CellScene.Projected to) {
        gc.drawLine((int) Math.round(from.x()), (int) Math.round(from.y()), (int) Math.round(to.x()),
                (int) Math.round(to.y()));
    }

    @Override
    public void dispose() {
        canvas.dispose();
    }
}
