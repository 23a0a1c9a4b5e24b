package org.pxrd.ui.structure;

import org.pxrd.model.Structure;

/**
 * A part that holds a structure which other views follow (the structure editor). Listeners are told about every
 * change (edits, undo, redo, reverting), always on the UI thread.
 */
public interface StructureSource {

    /** The current structure (never null). */
    Structure structure();

    /** A short name for titles, e.g. the file name. */
    String title();

    void addStructureListener(StructureListener listener);

    void removeStructureListener(StructureListener listener);
}
