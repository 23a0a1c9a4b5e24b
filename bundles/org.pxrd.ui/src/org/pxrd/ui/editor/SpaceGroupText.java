package org.pxrd.ui.editor;

import org.pxrd.model.CrystalSymmetry;
import org.pxrd.model.Structure;
import org.pxrd.symmetry.SymmetryDataset;

/** How the workbench writes a space group: {@code I-4 (No. 82)}. */
public final class SpaceGroupText {

    private SpaceGroupText() {
    }

    /**
     * The space group the structure's file declared, or a note that none is (no search: cheap). Edits drop the
     * declaration, since a changed cell or site may have broken the symmetry.
     */
    public static String declared(Structure structure) {
        return structure.symmetry().map(SpaceGroupText::describe).orElse("none (edited, or not in the file)");
    }

    /** The group the symmetry finder found, with its crystal system, e.g. {@code I-4 (No. 82), tetragonal}. */
    public static String found(SymmetryDataset dataset) {
        return dataset.symbol() + " (No. " + dataset.number() + "), " + dataset.crystalSystem().label();
    }

    /** {@code I-4 (No. 82)}, {@code I-4}, or {@code No. 82}: what a symmetry record holds. */
    public static String describe(CrystalSymmetry symmetry) {
        String symbol = symmetry.hermannMauguin().strip();
        String number = symmetry.number() > 0 ? "No. " + symmetry.number() : "";
        if (symbol.isEmpty()) {
            return number.isEmpty() ? "not named in the file" : number;
        }
        return number.isEmpty() ? symbol : symbol + " (" + number + ")";
    }
}
