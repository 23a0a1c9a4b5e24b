package org.pxrd.ui.cell;

import org.eclipse.swt.widgets.Control;
import org.pxrd.model.Structure;

/** Draws the unit cell of a structure in the 3D cell view: Jmol when AWT embedding works, else a pure-SWT sketch. */
public interface CellRenderer {

    /** What draws, e.g. {@code Jmol 14.31.10} (shown in the view's tooltip). */
    String name();

    /** The control showing the cell. */
    Control control();

    /**
     * Shows a structure's cell, its atoms and the axes; null shows nothing.
     *
     * @param keepView whether to keep the user's orientation and zoom (the structure is an edit of the one shown);
     *        otherwise the renderer's first view is used
     */
    void show(Structure structure, boolean keepView);

    /** Releases the renderer's resources (threads, frames, colours). */
    void dispose();

    /** Creates a renderer in a parent composite; may fail, and then the next factory is tried. */
    @FunctionalInterface
    interface Factory {
        CellRenderer create(org.eclipse.swt.widgets.Composite parent) throws Exception;
    }
}
