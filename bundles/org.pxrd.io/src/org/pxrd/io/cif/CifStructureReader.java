package org.pxrd.io.cif;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pxrd.io.StructureFormatException;
import org.pxrd.model.CrystalSymmetry;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Species;
import org.pxrd.model.Structure;
import org.pxrd.model.SymmetryOperation;

/**
 * Interprets a CIF data block as a crystal structure.
 *
 * <ol>
 * <li>Cell from {@code _cell_length_a/b/c} (Å) and {@code _cell_angle_alpha/beta/gamma} (degrees); standard
 * uncertainties such as {@code 4.5937(3)} are dropped.</li>
 * <li>Symmetry operations from {@code _symmetry_equiv_pos_as_xyz} or {@code _space_group_symop_operation_xyz};
 * without them, from the space group the block names (H-M symbol, Hall symbol or number) through a
 * {@link SpaceGroupResolver}; with neither, P1.</li>
 * <li>Atoms from the {@code _atom_site_fract_x/y/z} loop: species from {@code _atom_site_type_symbol}, else from
 * the label ({@code Fe1} is Fe, {@code O2-} is O with charge −2); occupancy {@code _atom_site_occupancy}
 * (default 1); isotropic displacement from {@code _atom_site_B_iso_or_equiv} or {@code _atom_site_U_iso_or_equiv}
 * (B = 8π²U).</li>
 * <li>Every operation is applied to every atom; images of one atom that fall within {@link #mergeTolerance} Å
 * of each other (periodic distance) are merged, so special positions keep their multiplicity. Atoms of
 * different species at one position (substitutional disorder) stay separate sites.</li>
 * </ol>
 */
public final class CifStructureReader {

    /** Default distance (Å) under which symmetry images of one atom are the same atom. */
    public static final double DEFAULT_MERGE_TOLERANCE = 0.01;
    /** Occupancies up to 1 + this are taken as 1 (rounding in refinements); larger ones are errors. */
    public static final double OCCUPANCY_SLACK = 0.01;

    private static final String[] OPERATION_TAGS = {"_symmetry_equiv_pos_as_xyz", "_space_group_symop_operation_xyz",
        "_space_group_symop.operation_xyz", "_symmetry_equiv.pos_as_xyz"};
    private static final String[] HM_TAGS = {"_symmetry_space_group_name_h-m", "_space_group_name_h-m_alt",
        "_space_group.name_h-m_alt", "_symmetry.space_group_name_h-m"};
    private static final String[] HALL_TAGS = {"_symmetry_space_group_name_hall", "_space_group_name_hall",
        "_space_group.name_hall", "_symmetry.space_group_name_hall"};
    private static final String[] NUMBER_TAGS = {"_symmetry_int_tables_number", "_space_group_it_number",
        "_space_group.it_number", "_symmetry.int_tables_number"};

    /** The element symbol at the start of an atom label. */
    private static final java.util.regex.Pattern LABEL_ELEMENT = java.util.regex.Pattern.compile("([A-Z][a-z]?)");

    private final String source;
    private final SpaceGroupResolver resolver;
    private final double mergeTolerance;

    public CifStructureReader(String source, SpaceGroupResolver resolver, double mergeTolerance) {
        this.source = source;
        this.resolver = resolver;
        this.mergeTolerance = mergeTolerance;
    }

    /** Whether a block describes a structure (has fractional atom coordinates). */
    public static boolean hasStructure(CifBlock block) {
        return block.loop("_atom_site_fract_x").isPresent() || block.value("_atom_site_fract_x").isPresent();
    }

    /** The structure of a block. */
    public Structure read(CifBlock block) throws StructureFormatException {
        Lattice lattice = lattice(block);
        CrystalSymmetry symmetry = symmetry(block);
        List<Site> asymmetric = atoms(block);
        List<Site> sites = expand(asymmetric, symmetry.operations(), lattice);
        return new Structure(block.name(), lattice, sites, symmetry.operations().size() > 1 ? symmetry : null);
    }

    private Lattice lattice(CifBlock block) throws StructureFormatException {
        String[] tags = {"_cell_length_a", "_cell_length_b", "_cell_length_c", "_cell_angle_alpha", "_cell_angle_beta",
            "_cell_angle_gamma"};
        double[] p = new double[6];
        for (int i = 0; i < 6; i++) {
            CifValue v = block.value(tags[i]).orElse(null);
            if (v == null || v.isNull()) {
                throw error(block.line(), "data_" + block.name() + " has no " + tags[i]);
            }
            p[i] = number(v, tags[i]);
        }
        try {
            return Lattice.fromParameters(p);
        } catch (IllegalArgumentException e) {
            throw error(block.value(tags[0]).get().line(), "impossible cell: " + e.getMessage());
        }
    }

    private CrystalSymmetry symmetry(CifBlock block) throws StructureFormatException {
        String hm = block.firstValue(HM_TAGS).map(CifValue::text).orElse(null);
        String hall = block.firstValue(HALL_TAGS).map(CifValue::text).orElse(null);
        int number = 0;
        Optional<CifValue> numberValue = block.firstValue(NUMBER_TAGS);
        if (numberValue.isPresent()) {
            double n = number(numberValue.get(), "the space group number");
            if (n != Math.rint(n) || n < 1 || n > 230) {
                throw error(numberValue.get().line(), "space group number " + numberValue.get().text()
                        + " is not an integer in 1..230");
            }
            number = (int) n;
        }
        for (String tag : OPERATION_TAGS) {
            Optional<CifLoop> loop = block.loop(tag);
            if (loop.isPresent()) {
                int col = loop.get().column(tag);
                List<SymmetryOperation> ops = new ArrayList<>();
                for (List<CifValue> row : loop.get().rows()) {
                    CifValue v = row.get(col);
                    try {
                        ops.add(SymmetryOperation.parse(v.text()));
                    } catch (IllegalArgumentException e) {
                        throw error(v.line(), e.getMessage());
                    }
                }
                if (ops.isEmpty()) {
                    throw error(loop.get().line(), "the symmetry operation loop is empty");
                }
                return new CrystalSymmetry(hm == null ? "" : hm, number, ops);
            }
        }
        if (hm == null && hall == null && number == 0) {
            return new CrystalSymmetry("P 1", 1, List.of(SymmetryOperation.identity()));
        }
        Optional<CrystalSymmetry> resolved = resolver.resolve(hm, hall, number);
        if (resolved.isEmpty()) {
            String named = hm != null ? "'" + hm + "'" : hall != null ? "Hall '" + hall + "'" : "number " + number;
            throw error(block.line(), "lists no symmetry operations and the operations of space group " + named
                    + " are not available");
        }
        return resolved.get();
    }

    private List<Site> atoms(CifBlock block) throws StructureFormatException {
        CifLoop loop = block.loop("_atom_site_fract_x").orElse(null);
        if (loop == null) {
            throw error(block.line(), "data_" + block.name() + " has no atom sites (_atom_site_fract_x/y/z)");
        }
        int[] xyz = {loop.column("_atom_site_fract_x"), loop.column("_atom_site_fract_y"),
            loop.column("_atom_site_fract_z")};
        if (xyz[1] < 0 || xyz[2] < 0) {
            throw error(loop.line(), "the atom site loop lacks _atom_site_fract_y or _atom_site_fract_z");
        }
        int type = loop.column("_atom_site_type_symbol");
        int label = loop.column("_atom_site_label");
        if (type < 0 && label < 0) {
            throw error(loop.line(), "the atom site loop has neither _atom_site_type_symbol nor _atom_site_label");
        }
        int occupancy = loop.column("_atom_site_occupancy");
        int b = loop.column("_atom_site_b_iso_or_equiv");
        int u = loop.column("_atom_site_u_iso_or_equiv");
        List<Site> sites = new ArrayList<>();
        for (List<CifValue> row : loop.rows()) {
            String labelText = label >= 0 && !row.get(label).isNull() ? row.get(label).text() : null;
            Species species = species(type >= 0 && !row.get(type).isNull() ? row.get(type) : row.get(label));
            double[] frac = new double[3];
            for (int i = 0; i < 3; i++) {
                CifValue v = row.get(xyz[i]);
                if (v.isNull()) {
                    throw error(v.line(), "atom " + (labelText == null ? species : labelText) + " has no "
                            + "xyz".charAt(i) + " coordinate ('" + v.text() + "')");
                }
                frac[i] = number(v, "fractional coordinate " + "xyz".charAt(i));
            }
            double occ = 1;
            if (occupancy >= 0 && !row.get(occupancy).isNull()) {
                CifValue v = row.get(occupancy);
                occ = number(v, "occupancy");
                if (occ > 1 && occ <= 1 + OCCUPANCY_SLACK) {
                    occ = 1;
                }
                if (!(occ > 0 && occ <= 1)) {
                    throw error(v.line(), "occupancy " + v.text() + " of atom " + labelText + " is outside (0, 1]");
                }
            }
            double bIso = Double.NaN;
            if (b >= 0 && !row.get(b).isNull()) {
                bIso = number(row.get(b), "B_iso");
            } else if (u >= 0 && !row.get(u).isNull()) {
                bIso = Site.B_PER_U * number(row.get(u), "U_iso");
            }
            if (!Double.isNaN(bIso) && bIso < 0) {
                throw error(row.get(xyz[0]).line(), "atom " + labelText + " has a negative displacement parameter");
            }
            sites.add(new Site(species, frac, occ, bIso, labelText));
        }
        if (sites.isEmpty()) {
            throw error(loop.line(), "the atom site loop has no atoms");
        }
        return sites;
    }

    /**
     * The species of a type symbol ({@code Fe}, {@code Fe3+}, {@code O2-}) or, failing that, of a label: its
     * leading element symbol in proper case ({@code Fe1} is Fe, {@code Ca1a} is Ca, {@code OW1} is O).
     */
    private Species species(CifValue value) throws StructureFormatException {
        String text = value.text().trim();
        try {
            return Species.parse(text);
        } catch (IllegalArgumentException notATypeSymbol) {
            java.util.regex.Matcher m = LABEL_ELEMENT.matcher(text);
            if (m.lookingAt()) {
                String symbol = m.group(1);
                if (Element.isSymbol(symbol)) {
                    return Species.of(Element.of(symbol));
                }
                if (Element.isSymbol(symbol.substring(0, 1))) {
                    return Species.of(Element.of(symbol.substring(0, 1)));
                }
            }
            throw error(value.line(), "unknown element '" + text + "'");
        }
    }

    /** Applies the operations to every atom and merges images closer than the tolerance. */
    private List<Site> expand(List<Site> asymmetric, List<SymmetryOperation> operations, Lattice lattice) {
        List<Site> sites = new ArrayList<>();
        for (Site atom : asymmetric) {
            List<double[]> images = new ArrayList<>();
            for (SymmetryOperation op : operations) {
                double[] x = op.apply(atom.frac());
                for (int i = 0; i < 3; i++) {
                    x[i] = Site.wrap(x[i]);
                }
                boolean known = false;
                for (double[] y : images) {
                    if (periodicDistance(lattice, x, y) < mergeTolerance) {
                        known = true;
                        break;
                    }
                }
                if (!known) {
                    images.add(x);
                }
            }
            for (double[] x : images) {
                sites.add(atom.withFrac(x));
            }
        }
        return sites;
    }

    /** Shortest Cartesian distance (Å) between two fractional positions over neighbouring cells. */
    static double periodicDistance(Lattice lattice, double[] x, double[] y) {
        double[] d = new double[3];
        for (int i = 0; i < 3; i++) {
            d[i] = x[i] - y[i] - Math.rint(x[i] - y[i]);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = -1; i <= 1; i++) {
            for (int j = -1; j <= 1; j++) {
                for (int k = -1; k <= 1; k++) {
                    double[] r = lattice.toCartesian(new double[] {d[0] + i, d[1] + j, d[2] + k});
                    best = Math.min(best, Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]));
                }
            }
        }
        return best;
    }

    private double number(CifValue v, String what) throws StructureFormatException {
        try {
            return v.number();
        } catch (NumberFormatException e) {
            throw error(v.line(), what + " " + e.getMessage());
        }
    }

    private StructureFormatException error(int line, String problem) {
        return new StructureFormatException(source, line, problem);
    }
}
