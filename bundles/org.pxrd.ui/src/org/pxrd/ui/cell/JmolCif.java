package org.pxrd.ui.cell;

import org.pxrd.io.cif.CifWriter;
import org.pxrd.model.Structure;

/**
 * The structure as the CIF text Jmol loads: the CIF writer of {@code org.pxrd.io} in space group P 1 (the
 * structure's symmetry label is dropped first), so the cell and every site are exactly as the editor holds them and
 * Jmol neither adds nor merges atoms.
 */
final class JmolCif {

    private JmolCif() {
    }

    static String of(Structure structure) {
        return new CifWriter().write(structure.withSymmetry(null));
    }
}
