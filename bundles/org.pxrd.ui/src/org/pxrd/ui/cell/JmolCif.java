package org.pxrd.ui.cell;

import java.util.Locale;

import org.pxrd.model.Site;
import org.pxrd.model.Structure;

/**
 * The structure as the CIF text Jmol loads: the cell and every site of the structure in space group P 1, exactly
 * as the editor holds them (Jmol then neither adds nor merges atoms), with labels Jmol can show. Jmol reads only
 * these items; saving files goes through the structure formats of {@code org.pxrd.io}, not through this text.
 */
final class JmolCif {

    private JmolCif() {
    }

    static String of(Structure structure) {
        StringBuilder cif = new StringBuilder();
        cif.append("data_").append(token(structure.name())).append('\n');
        String[] cell = {"_cell_length_a", "_cell_length_b", "_cell_length_c", "_cell_angle_alpha",
            "_cell_angle_beta", "_cell_angle_gamma"};
        double[] p = structure.lattice().parameters();
        for (int i = 0; i < 6; i++) {
            cif.append(cell[i]).append(' ').append(number(p[i])).append('\n');
        }
        cif.append("_symmetry_space_group_name_H-M 'P 1'\n");
        cif.append("loop_\n_symmetry_equiv_pos_as_xyz\n'x, y, z'\n");
        cif.append("loop_\n_atom_site_label\n_atom_site_type_symbol\n_atom_site_fract_x\n_atom_site_fract_y\n"
                + "_atom_site_fract_z\n_atom_site_occupancy\n");
        for (Site s : structure.sites()) {
            cif.append(token(s.label())).append(' ').append(s.element().symbol());
            for (int i = 0; i < 3; i++) {
                cif.append(' ').append(number(s.frac(i)));
            }
            cif.append(' ').append(number(s.occupancy())).append('\n');
        }
        return cif.toString();
    }

    /** A CIF token without white space or quotes. */
    private static String token(String text) {
        String t = text.strip().replaceAll("[\\s'\"]+", "_");
        return t.isEmpty() ? "x" : t;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.10f", v);
    }
}
