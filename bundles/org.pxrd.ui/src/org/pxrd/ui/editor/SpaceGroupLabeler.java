package org.pxrd.ui.editor;

import org.pxrd.model.CrystalSymmetry;
import org.pxrd.model.Structure;

/**
 * Hook for the space group the structure editor shows. Today the editor shows the group the file declared
 * ({@link #DECLARED}), as long as the structure is unchanged: an edit drops the declaration (the model's
 * {@code with...} methods do), because a changed cell or site may have broken the symmetry.
 *
 * <p><b>When {@code org.pxrd.symmetry} lands</b>, implement this interface with its symmetry finder (space group of
 * any structure at the default tolerance) and return that implementation from {@link #forWorkbench()}: the
 * editor then shows the group of every edited structure too. Nothing else in the UI changes.
 */
@FunctionalInterface
public interface SpaceGroupLabeler {

    /** The space group the structure's file declared, or a note that none is known. */
    SpaceGroupLabeler DECLARED = structure -> structure.symmetry().map(SpaceGroupLabeler::describe)
            .orElse("not known (edited, or none declared)");

    /** A one-line description of the space group of the structure, e.g. {@code I-4 (No. 82)}. */
    String label(Structure structure);

    /** The labeler the editor uses. */
    static SpaceGroupLabeler forWorkbench() {
        return DECLARED;
    }

    /** {@code I-4 (No. 82)}, {@code I-4}, or {@code No. 82}: what a symmetry record holds. */
    static String describe(CrystalSymmetry symmetry) {
        String symbol = symmetry.hermannMauguin().strip();
        String number = symmetry.number() > 0 ? "No. " + symmetry.number() : "";
        if (symbol.isEmpty()) {
            return number.isEmpty() ? "not named in the file" : number;
        }
        return number.isEmpty() ? symbol : symbol + " (" + number + ")";
    }
}
