package org.pxrd.matching;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tolerances and options of {@link StructureMatcher}, with pymatgen's meanings and names.
 *
 * @param ltol fractional length tolerance: a lattice vector matches a target length l when
 *        1/(1 + ltol) &lt; |v|/l &lt; 1 + ltol
 * @param stol site tolerance: the largest distance between matched sites, in units of (V/n)^(1/3) (V the cell
 *        volume in Å³, n its number of sites)
 * @param angleTol angle tolerance in degrees for the lattice angles
 * @param primitiveCell compare the primitive cells (pymatgen's {@code primitive_cell})
 * @param scale scale both cells to the same volume first (pymatgen's {@code scale})
 * @param attemptSupercell allow one structure to match a supercell of the other (pymatgen's
 *        {@code attempt_supercell}, supercell size from the numbers of sites)
 * @param allowSubset allow the sites of one structure to match a subset of the other's; the compositions
 *        are then not compared (pymatgen's {@code allow_subset})
 */
public record MatchOptions(double ltol, double stol, double angleTol, boolean primitiveCell, boolean scale,
        boolean attemptSupercell, boolean allowSubset) {

    /** The study's length tolerance (Segal et al. 2026, as pymatgen's {@code ltol}). */
    public static final double STUDY_LTOL = 0.1;
    /** The study's site tolerance (normalised by (V/n)^(1/3)). */
    public static final double STUDY_STOL = 0.2;
    /** The study's angle tolerance in degrees. */
    public static final double STUDY_ANGLE_TOL = 5;
    /** pymatgen's default length tolerance (tolerances change published match rates: pymatgen issue #3796). */
    public static final double PYMATGEN_LTOL = 0.2;
    /** pymatgen's default site tolerance. */
    public static final double PYMATGEN_STOL = 0.3;

    /** The study's settings: ltol 0.1, stol 0.2, angle_tol 5°, primitive cells, scaling, no supercell, no subset. */
    public static final MatchOptions STUDY = new MatchOptions(STUDY_LTOL, STUDY_STOL, STUDY_ANGLE_TOL, true, true,
            false, false);

    /** pymatgen's defaults: ltol 0.2, stol 0.3, angle_tol 5°, primitive cells, scaling. */
    public static final MatchOptions PYMATGEN_DEFAULTS = new MatchOptions(PYMATGEN_LTOL, PYMATGEN_STOL,
            STUDY_ANGLE_TOL, true, true, false, false);

    /**
     * @throws IllegalArgumentException naming a tolerance that is not positive and finite, or an angle tolerance
     *         of 180° or more
     */
    public MatchOptions {
        check("ltol", ltol, Double.MAX_VALUE);
        check("stol", stol, Double.MAX_VALUE);
        check("angle_tol", angleTol, 180);
    }

    private static void check(String name, double value, double max) {
        if (!(value > 0 && value < max) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " must be positive and finite"
                    + (max < Double.MAX_VALUE ? " and below " + max : ""));
        }
    }

    public MatchOptions withLtol(double value) {
        return new MatchOptions(value, stol, angleTol, primitiveCell, scale, attemptSupercell, allowSubset);
    }

    public MatchOptions withStol(double value) {
        return new MatchOptions(ltol, value, angleTol, primitiveCell, scale, attemptSupercell, allowSubset);
    }

    public MatchOptions withAngleTol(double value) {
        return new MatchOptions(ltol, stol, value, primitiveCell, scale, attemptSupercell, allowSubset);
    }

    public MatchOptions withPrimitiveCell(boolean value) {
        return new MatchOptions(ltol, stol, angleTol, value, scale, attemptSupercell, allowSubset);
    }

    public MatchOptions withScale(boolean value) {
        return new MatchOptions(ltol, stol, angleTol, primitiveCell, value, attemptSupercell, allowSubset);
    }

    public MatchOptions withAttemptSupercell(boolean value) {
        return new MatchOptions(ltol, stol, angleTol, primitiveCell, scale, value, allowSubset);
    }

    public MatchOptions withAllowSubset(boolean value) {
        return new MatchOptions(ltol, stol, angleTol, primitiveCell, scale, attemptSupercell, value);
    }

    /** The options under pymatgen's keyword names, in order, for outputs that must state them. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ltol", ltol);
        m.put("stol", stol);
        m.put("angle_tol", angleTol);
        m.put("primitive_cell", primitiveCell);
        m.put("scale", scale);
        m.put("attempt_supercell", attemptSupercell);
        m.put("allow_subset", allowSubset);
        return m;
    }
}
