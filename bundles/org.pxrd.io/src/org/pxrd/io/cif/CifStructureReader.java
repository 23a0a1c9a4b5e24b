package org.pxrd.io.cif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pxrd.io.StructureFormatException;
import org.pxrd.io.TextNumbers;
import org.pxrd.model.CrystalSymmetry;
import org.pxrd.model.Element;
import org.pxrd.model.InvalidModelException;
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
 * <li>Symmetry operations from {@code _symmetry_equiv_pos_as_xyz} or {@code _space_group_symop_operation_xyz}
 * (a loop, or a single item); each must be a crystallographic operation (integer rotation part of determinant ±1
 * and finite order: W^n = 1 for some n in 1, 2, 3, 4, 6). Without them, a block naming P1 (symbol {@code P 1} or
 * number 1) has the identity alone; a block naming another space group (H-M symbol, Hall symbol or number) gets
 * its operations from a {@link SpaceGroupResolver}; a block naming none is P1.</li>
 * <li>Atoms from the {@code _atom_site_fract_x/y/z} loop (or single items for one atom): species from
 * {@code _atom_site_type_symbol}, else from the label ({@code Fe1} is Fe, {@code O2-} is O with charge −2);
 * occupancy {@code _atom_site_occupancy} (default 1); isotropic displacement from
 * {@code _atom_site_B_iso_or_equiv} or {@code _atom_site_U_iso_or_equiv} (B = 8π²U, Å²). Dummy atoms
 * ({@code _atom_site_calc_flag dum}) are skipped.</li>
 * <li>Every operation is applied to every atom; images of one atom that fall within the merge tolerance (Å,
 * periodic distance) of each other are merged, so special positions keep their multiplicity (see
 * {@link SymmetryOrbits}). Atoms of different species at one position (substitutional disorder) stay separate
 * sites. Sites come out atom by atom of the file, each atom's images in the order of the operations.</li>
 * <li>The structure keeps the symmetry (symbol, number, operations) whenever the block states operations or
 * names a space group, P1 included.</li>
 * <li>When the block gives {@code _chemical_formula_sum}, the atoms must agree with it (within
 * {@link #FORMULA_TOLERANCE}, see the method {@code checkFormula}): a file cut off at the end of an atom row
 * parses, and only this check notices.</li>
 * </ol>
 * Any value that cannot describe a crystal (an impossible cell, a coordinate that is not a finite number, an
 * occupancy outside (0, 1], a negative displacement) is an error naming its line; no partial structure results.
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
    private static final String[] CELL_TAGS = {"_cell_length_a", "_cell_length_b", "_cell_length_c",
        "_cell_angle_alpha", "_cell_angle_beta", "_cell_angle_gamma"};
    private static final String ATOM_SITE_PREFIX = "_atom_site_";

    /**
     * Relative agreement required between the atom sites and {@code _chemical_formula_sum}: formulas of disordered
     * structures are rounded (O39.99984 for 48 × 0.83333).
     */
    public static final double FORMULA_TOLERANCE = 0.01;
    /** One term of {@code _chemical_formula_sum}: an element symbol and an optional amount. */
    private static final java.util.regex.Pattern FORMULA_TERM = java.util.regex.Pattern.compile(
            "([A-Z][a-z]?)([0-9.]*)");

    /** Orders a crystallographic rotation can have (crystallographic restriction). */
    private static final int[] CRYSTALLOGRAPHIC_ORDERS = {1, 2, 3, 4, 6};

    /** The element symbol at the start of an atom label (first letter in either case). */
    private static final java.util.regex.Pattern LABEL_ELEMENT = java.util.regex.Pattern.compile("([A-Za-z][a-z]?)");

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
        List<SymmetryOperation> operations = symmetry == null ? List.of(SymmetryOperation.identity())
                : symmetry.operations();
        List<Site> asymmetric = atoms(block);
        try {
            List<Site> sites = new ArrayList<>();
            for (Site atom : asymmetric) {
                for (double[] x : SymmetryOrbits.images(atom.frac(), operations, lattice, mergeTolerance)) {
                    sites.add(atom.withFrac(x));
                }
            }
            Structure structure = new Structure(block.name(), lattice, sites, symmetry);
            checkFormula(block, structure);
            return structure;
        } catch (InvalidModelException e) {
            throw error(block.line(), e.getMessage());
        }
    }

    /**
     * The cross-check against the block's {@code _chemical_formula_sum} that catches a truncated or partly lost
     * atom list. Hydrogen is left out (X-ray structures often list no H atoms). The cell content C from the atom
     * sites must equal the formula F (as pymatgen writes it), or Z·F with Z = {@code _cell_formula_units_Z} (as
     * the CIF dictionary defines it), or, without Z, be proportional to F; each amount within
     * {@link #FORMULA_TOLERANCE} (relative) + 0.01. A formula that is not a list of element symbols with amounts
     * is not checked.
     */
    private void checkFormula(CifBlock block, Structure structure) throws StructureFormatException {
        Optional<CifValue> formulaValue = block.firstValue("_chemical_formula_sum");
        if (formulaValue.isEmpty()) {
            return;
        }
        Map<Element, Double> formula = parseFormula(formulaValue.get().text());
        Map<Element, Double> cell = new LinkedHashMap<>(structure.composition());
        cell.remove(Element.H);
        if (formula == null || formula.isEmpty()) {
            return;
        }
        double z = 0;
        Optional<CifValue> zValue = block.firstValue("_cell_formula_units_z");
        if (zValue.isPresent()) {
            try {
                z = zValue.get().number();
            } catch (NumberFormatException e) {
                z = 0;
            }
        }
        double cellTotal = cell.values().stream().mapToDouble(Double::doubleValue).sum();
        double formulaTotal = formula.values().stream().mapToDouble(Double::doubleValue).sum();
        if (amountsMatch(cell, formula, 1) || (z > 0 && amountsMatch(cell, formula, z))
                || (!(z > 0) && amountsMatch(cell, formula, cellTotal / formulaTotal))) {
            return;
        }
        throw error(formulaValue.get().line(), "the atom sites give " + structure.formula() + " per cell, but "
                + "_chemical_formula_sum is '" + TextNumbers.abbreviate(formulaValue.get().text()) + "'"
                + (z > 0 ? " with Z = " + zValue.get().text() : "") + ": the atom list is incomplete (truncated file?)"
                + " or the formula is wrong");
    }

    /** Element amounts of a formula such as {@code Al2 O3} or {@code Rb8 Nb16 O39.99984}, without H; null if odd. */
    private static Map<Element, Double> parseFormula(String text) {
        Map<Element, Double> amounts = new LinkedHashMap<>();
        for (String token : text.strip().split("\\s+")) {
            java.util.regex.Matcher m = FORMULA_TERM.matcher(token);
            if (!m.matches() || !Element.isSymbol(m.group(1))) {
                return null;
            }
            double amount;
            try {
                amount = m.group(2).isEmpty() ? 1 : TextNumbers.parse(m.group(2));
            } catch (NumberFormatException e) {
                return null;
            }
            amounts.merge(Element.of(m.group(1)), amount, Double::sum);
        }
        amounts.remove(Element.H);
        return amounts;
    }

    private static boolean amountsMatch(Map<Element, Double> cell, Map<Element, Double> formula, double factor) {
        if (!cell.keySet().equals(formula.keySet())) {
            return false;
        }
        for (Map.Entry<Element, Double> e : formula.entrySet()) {
            double expected = factor * e.getValue();
            if (Math.abs(cell.get(e.getKey()) - expected) > 0.01 + FORMULA_TOLERANCE * expected) {
                return false;
            }
        }
        return true;
    }

    private Lattice lattice(CifBlock block) throws StructureFormatException {
        double[] p = new double[6];
        CifValue[] values = new CifValue[6];
        for (int i = 0; i < 6; i++) {
            values[i] = block.value(CELL_TAGS[i]).orElse(null);
            if (values[i] == null || values[i].isNull()) {
                throw error(block.line(), "data_" + block.name() + " has no " + CELL_TAGS[i]);
            }
            p[i] = number(values[i], CELL_TAGS[i]);
        }
        try {
            return Lattice.fromParameters(p);
        } catch (IllegalArgumentException e) {
            // the line of the first parameter that is impossible alone, else of the angles that cannot close a cell
            int culprit = 3;
            for (int i = 5; i >= 0; i--) {
                if (i < 3 ? !(p[i] > 0) : !(p[i] > 0 && p[i] < 180)) {
                    culprit = i;
                }
            }
            throw error(values[culprit].line(), "impossible cell: " + e.getMessage());
        }
    }

    /** The symmetry the block states, or null when it states none. */
    private CrystalSymmetry symmetry(CifBlock block) throws StructureFormatException {
        String hm = block.firstValue(HM_TAGS).map(CifValue::text).map(String::strip).orElse(null);
        String hall = block.firstValue(HALL_TAGS).map(CifValue::text).map(String::strip).orElse(null);
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
        List<CifValue> listed = listedOperations(block);
        if (!listed.isEmpty()) {
            List<SymmetryOperation> ops = new ArrayList<>();
            for (CifValue v : listed) {
                ops.add(operation(v));
            }
            return new CrystalSymmetry(hm == null ? "" : hm, number, ops);
        }
        if (hm == null && hall == null && number == 0) {
            return null;
        }
        if (namesP1(hm, hall, number)) {
            return new CrystalSymmetry(hm == null ? "P 1" : hm, 1, List.of(SymmetryOperation.identity()));
        }
        Optional<CrystalSymmetry> resolved = resolver.resolve(hm, hall, number);
        if (resolved.isEmpty() || resolved.get().operations().isEmpty()) {
            String named = hm != null ? "'" + hm + "'" : hall != null ? "Hall '" + hall + "'" : "number " + number;
            throw error(block.line(), "lists no symmetry operations and the operations of space group " + named
                    + " are not available");
        }
        return resolved.get();
    }

    /** The operation values of the first operation tag present, as a loop column or a single item. */
    private List<CifValue> listedOperations(CifBlock block) throws StructureFormatException {
        for (String tag : OPERATION_TAGS) {
            Optional<CifLoop> loop = block.loop(tag);
            if (loop.isPresent()) {
                int col = loop.get().column(tag);
                List<CifValue> values = loop.get().rows().stream().map(row -> row.get(col)).toList();
                if (values.isEmpty()) {
                    throw error(loop.get().line(), "the symmetry operation loop is empty");
                }
                return values;
            }
            Optional<CifValue> single = block.value(tag);
            if (single.isPresent()) {
                return List.of(single.get());
            }
        }
        return List.of();
    }

    private SymmetryOperation operation(CifValue v) throws StructureFormatException {
        if (v.isNull()) {
            throw error(v.line(), "symmetry operation '" + v.text() + "' is missing");
        }
        SymmetryOperation op;
        try {
            op = SymmetryOperation.parse(v.text());
        } catch (IllegalArgumentException e) {
            throw error(v.line(), e.getMessage());
        }
        int[][] w = op.rotation();
        for (double t : op.translation()) {
            if (!Double.isFinite(t) || Math.abs(t) > 1e6) {
                throw error(v.line(), "symmetry operation '" + v.text() + "' has an impossible translation");
            }
        }
        for (int order : CRYSTALLOGRAPHIC_ORDERS) {
            if (isIdentity(power(w, order))) {
                return op;
            }
        }
        throw error(v.line(), "symmetry operation '" + v.text() + "' is not a crystallographic operation (its "
                + "rotation part has no finite order 1, 2, 3, 4 or 6)");
    }

    private static int[][] power(int[][] w, int n) {
        long[][] p = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int k = 0; k < n; k++) {
            long[][] q = new long[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    for (int m = 0; m < 3; m++) {
                        q[i][j] += p[i][m] * w[m][j];
                    }
                    // entries of a finite-order integer matrix stay small; clamp runaway ones
                    q[i][j] = Math.max(-1_000_000, Math.min(1_000_000, q[i][j]));
                }
            }
            p = q;
        }
        int[][] r = new int[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = (int) p[i][j];
            }
        }
        return r;
    }

    private static boolean isIdentity(int[][] m) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (m[i][j] != (i == j ? 1 : 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean namesP1(String hm, String hall, int number) {
        if (number > 1) {
            return false;
        }
        boolean hmP1 = hm == null || hm.replace(" ", "").replace("_", "").equalsIgnoreCase("P1");
        boolean hallP1 = hall == null || hall.replace(" ", "").equalsIgnoreCase("P1");
        return number == 1 ? hmP1 && hallP1 : hmP1 && hallP1 && (hm != null || hall != null);
    }

    private List<Site> atoms(CifBlock block) throws StructureFormatException {
        CifLoop loop = block.loop("_atom_site_fract_x").orElse(null);
        if (loop == null) {
            loop = singleAtom(block);
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
        int calcFlag = loop.column("_atom_site_calc_flag");
        List<Site> sites = new ArrayList<>();
        for (List<CifValue> row : loop.rows()) {
            if (calcFlag >= 0 && row.get(calcFlag).text().equalsIgnoreCase("dum")) {
                continue;
            }
            String labelText = label >= 0 && !row.get(label).isNull() ? row.get(label).text() : null;
            CifValue speciesValue = type >= 0 && !row.get(type).isNull() ? row.get(type)
                    : label >= 0 ? row.get(label) : row.get(type);
            Species species = species(speciesValue);
            String name = labelText == null ? species.toString() : labelText;
            double[] frac = new double[3];
            for (int i = 0; i < 3; i++) {
                CifValue v = row.get(xyz[i]);
                if (v.isNull()) {
                    throw error(v.line(), "atom " + name + " has no " + "xyz".charAt(i) + " coordinate ('" + v.text()
                            + "')");
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
                    throw error(v.line(), "occupancy " + v.text() + " of atom " + name + " is outside (0, 1]");
                }
            }
            double bIso = Double.NaN;
            if (b >= 0 && !row.get(b).isNull()) {
                bIso = number(row.get(b), "B_iso");
            } else if (u >= 0 && !row.get(u).isNull()) {
                bIso = Site.B_PER_U * number(row.get(u), "U_iso");
            }
            if (!Double.isNaN(bIso) && !(bIso >= 0 && Double.isFinite(bIso))) {
                throw error(row.get(xyz[0]).line(), "atom " + name + " has a negative displacement parameter");
            }
            try {
                sites.add(new Site(species, frac, occ, bIso, labelText));
            } catch (InvalidModelException e) {
                throw error(row.get(xyz[0]).line(), e.getMessage());
            }
        }
        if (sites.isEmpty()) {
            throw error(loop.line(), "the atom site loop has no atoms");
        }
        return sites;
    }

    /** The {@code _atom_site_*} single items of a block that describes one atom without a loop, as a loop. */
    private CifLoop singleAtom(CifBlock block) throws StructureFormatException {
        List<String> tags = new ArrayList<>();
        List<CifValue> values = new ArrayList<>();
        block.items().forEach((tag, value) -> {
            if (tag.startsWith(ATOM_SITE_PREFIX)) {
                tags.add(tag);
                values.add(value);
            }
        });
        if (!tags.contains("_atom_site_fract_x")) {
            throw error(block.line(), "data_" + block.name() + " has no atom sites (_atom_site_fract_x/y/z)");
        }
        int line = values.get(tags.indexOf("_atom_site_fract_x")).line();
        return new CifLoop(tags, List.of(values), line);
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
                String symbol = Character.toUpperCase(m.group(1).charAt(0)) + m.group(1).substring(1);
                if (Element.isSymbol(symbol)) {
                    return Species.of(Element.of(symbol));
                }
                if (Element.isSymbol(symbol.substring(0, 1))) {
                    return Species.of(Element.of(symbol.substring(0, 1)));
                }
            }
            throw error(value.line(), "unknown element '" + TextNumbers.abbreviate(text) + "'");
        }
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
