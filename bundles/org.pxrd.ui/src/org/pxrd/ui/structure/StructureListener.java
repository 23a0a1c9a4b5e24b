package org.pxrd.ui.structure;

import org.pxrd.model.Structure;

/** Told when a structure changes; called on the UI thread. */
@FunctionalInterface
public interface StructureListener {

    /**
     * @param source the part holding the structure, or null when no structure is active any more
     * @param structure the new structure, or null together with a null source
     */
    void structureChanged(StructureSource source, Structure structure);
}
