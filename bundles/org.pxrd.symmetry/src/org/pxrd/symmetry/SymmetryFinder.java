package org.pxrd.symmetry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pxrd.model.Matrix3;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;

/**
 * Finds the space group of a crystal structure, following the approach of spglib (A. Togo and I. Tanaka,
 * "Spglib: a software library for crystal symmetry search", arXiv:1808.01590, and the spglib documentation):
 *
 * <ol>
 * <li><b>Reduced input.</b> The input basis is Delaunay-reduced so that periodic distances are found among the
 * nearest images. Atoms are typed by species (with oxidation state) and occupancy.</li>
 * <li><b>Primitive cell by translational search.</b> The candidate pure translations are the vectors from one
 * atom of the least frequent type to every atom of that type; a candidate is kept when it maps every atom onto
 * an atom of the same type within {@code symprec} (Cartesian Å). With n translations, a primitive basis is three
 * of them (or of the input vectors) spanning 1/n of the volume, Delaunay-reduced; atoms that coincide in it are
 * merged into one at their average position.</li>
 * <li><b>Lattice point group.</b> Every integer matrix W with entries in {−1, 0, 1} and det W = ±1 is kept when
 * it preserves the metric G of the reduced primitive basis: each transformed basis vector keeps its length
 * within {@code symprec} and each angle between basis vectors within {@code angleTolerance} degrees (with a
 * negative angle tolerance, within the angle whose arc over the shorter vector is {@code symprec}).</li>
 * <li><b>Space-group operations.</b> For each lattice rotation W the translation t = x_j − W·x_0 from a reference
 * atom to each atom of its type is tried; (W, t) is kept when it maps every atom onto an atom of the same type
 * within {@code symprec}.</li>
 * <li><b>Identification.</b> The point group follows from counting rotation types ({@link PointGroups}). A
 * conventional basis is built from the rotation axes: the shortest lattice vectors along the 2-fold axes
 * (orthorhombic), along the 4- or 2-fold axes (cubic), along the principal axis with the shortest
 * perpendicular vector a and b = R·a (tetragonal, trigonal, hexagonal), along the 2-fold axis with a reduced
 * basis of the perpendicular plane (monoclinic), or the reduced primitive basis (triclinic). The operations
 * expressed in each candidate basis are compared with the standard setting of every space-group type of that
 * point group and centring: the rotations must agree and an origin shift p must solve
 * (I − W)·p ≡ t_table − t (modulo the lattice) for every operation. The congruences are solved exactly by
 * integer row reduction; the result must agree with every operation within {@code symprec}. When the
 * operations form no group or match no setting, the subset that still holds at a 5% tighter tolerance is tried,
 * repeatedly (at most 20 times); when that fails too, the whole search is repeated at a 5% smaller
 * {@code symprec} (at most 20 times), as spglib does.</li>
 * <li><b>Refinement.</b> The conventional lattice is idealized (cubic: a = b = c = mean of the three lengths, all
 * angles 90°; tetragonal and hexagonal: a = b = mean of the two, c kept, angles 90° and 90°/120°;
 * orthorhombic: lengths kept, angles 90°; monoclinic: lengths and β kept, α = γ = 90°; triclinic: the
 * Niggli-reduced primitive cell), positions are moved onto their site-symmetry subspaces (the average of
 * g·x over the operations g that fix x) and symmetry-equivalent atoms are placed exactly as images of one
 * representative. Each orbit gets the Wyckoff letter of the tabulated position whose representative subspace
 * contains an image of it and whose multiplicity equals |G| / |site symmetry|.</li>
 * </ol>
 */
public final class SymmetryFinder {

    /** Default symmetry tolerance in Å (the distance within which an image of an atom is the same atom). */
    public static final double DEFAULT_SYMPREC = 0.01;
    /**
     * Default angle tolerance in degrees for the lattice point group: pymatgen's {@code SpacegroupAnalyzer}
     * default, the setting of the reference data.
     */
    public static final double DEFAULT_ANGLE_TOLERANCE = 5.0;
    /** Factor applied to the tolerance after a failed search (spglib's value). */
    static final double TOLERANCE_REDUCTION = 0.95;
    /** Failed searches before giving up on symmetry (the structure is then P1). */
    static final int MAX_ATTEMPTS = 20;
    /**
     * Fractional tolerance for comparing positions that have been symmetrized exactly (only rounding separates
     * them): site symmetries and Wyckoff subspaces in {@link Refinement}.
     */
    static final double EXACT = 1e-3;
    /** Axis lengths (Å) that differ by more than this are not related by a true symmetry of the lattice. */
    static final double PSEUDO_SYMMETRY = 1e-3;
    /** Alignment scores (sums of 1 − cos of axis angles) closer than this are ties. */
    static final double ALIGNMENT_TIE = 1e-6;

    private final double symprec;
    private final double angleTolerance;

    public SymmetryFinder() {
        this(DEFAULT_SYMPREC, DEFAULT_ANGLE_TOLERANCE);
    }

    /**
     * @param symprec distance tolerance in Å, positive
     * @param angleTolerance angle tolerance in degrees for the lattice, or negative to derive it from symprec
     */
    public SymmetryFinder(double symprec, double angleTolerance) {
        if (!(symprec > 0) || !Double.isFinite(symprec)) {
            throw new IllegalArgumentException("symprec " + symprec + " Å must be positive and finite");
        }
        if (Double.isNaN(angleTolerance) || angleTolerance == 0 || angleTolerance >= 90) {
            throw new IllegalArgumentException("angle tolerance " + angleTolerance
                    + " degrees must be positive and below 90, or negative for the symprec-based criterion");
        }
        this.symprec = symprec;
        this.angleTolerance = angleTolerance;
    }

    public double symprec() {
        return symprec;
    }

    public double angleTolerance() {
        return angleTolerance;
    }

    /** The symmetry of a structure; never fails (a structure without symmetry is P1). */
    public SymmetryDataset analyze(Structure structure) {
        Cell input = Cell.of(structure);
        double tolerance = symprec;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            SymmetryDataset d = attempt(structure, input, tolerance);
            if (d != null) {
                return d;
            }
            tolerance *= TOLERANCE_REDUCTION;
        }
        return attemptTriclinicFallback(structure, input);
    }

    private SymmetryDataset attemptTriclinicFallback(Structure structure, Cell input) {
        // identity only: every atom its own orbit, in P1
        Search s = new Search(structure, input, symprec, angleTolerance);
        SymmetryDataset d = s.runP1();
        if (d == null) {
            throw new IllegalStateException("no symmetry could be assigned to " + structure.name());
        }
        return d;
    }

    private SymmetryDataset attempt(Structure structure, Cell input, double tolerance) {
        return new Search(structure, input, tolerance, angleTolerance).run();
    }

    /** Lattice (rows, Å), fractional coordinates and integer atom types. */
    record Cell(double[][] lattice, double[][] frac, int[] types) {

        static Cell of(Structure s) {
            Map<String, Integer> typeIds = new LinkedHashMap<>();
            int[] types = new int[s.size()];
            double[][] frac = new double[s.size()][];
            for (int i = 0; i < s.size(); i++) {
                Site site = s.site(i);
                String key = site.species() + "|" + site.occupancy();
                types[i] = typeIds.computeIfAbsent(key, k -> typeIds.size());
                frac[i] = site.frac();
            }
            return new Cell(s.lattice().matrix(), frac, types);
        }
    }

    /** One search at one tolerance. */
    private static final class Search {

        final Structure structure;
        final Cell input;
        final double tol;
        final double angleTolerance;

        Search(Structure structure, Cell input, double tol, double angleTolerance) {
            this.structure = structure;
            this.input = input;
            this.tol = tol;
            this.angleTolerance = angleTolerance;
        }

        SymmetryDataset run() {
            Primitive prim = primitive();
            if (prim == null) {
                return null;
            }
            List<int[][]> lattice = latticeRotations(prim.lattice);
            List<Op> ops = operations(prim, lattice);
            if (ops.isEmpty()) {
                return null;
            }
            // as spglib: when the operations found do not identify a group, keep the subset that still holds at
            // a tightened tolerance (5% less each time) and try again, matching at the full tolerance
            double tightened = tol;
            for (int attempt = 0; attempt <= MAX_ATTEMPTS; attempt++) {
                if (attempt > 0) {
                    tightened *= TOLERANCE_REDUCTION;
                    List<Op> kept = new ArrayList<>();
                    for (Op op : ops) {
                        if (mapsOnto(prim.lattice, prim.frac, prim.types, op.r, op.t, tightened)) {
                            kept.add(op);
                        }
                    }
                    if (kept.size() == ops.size()) {
                        continue;
                    }
                    ops = kept;
                }
                if (!ops.isEmpty() && closed(ops)) {
                    List<Match> matches = identify(prim, ops);
                    if (!matches.isEmpty()) {
                        return Refinement.build(structure, input, prim, ops, matches, tol);
                    }
                }
            }
            return null;
        }

        SymmetryDataset runP1() {
            Primitive prim = primitive();
            if (prim == null) {
                prim = identityPrimitive();
            }
            List<Op> ops = List.of(new Op(IntMatrix.identity(), new double[3]));
            List<Match> matches = identify(prim, ops);
            return matches.isEmpty() ? null : Refinement.build(structure, input, prim, ops, matches, tol);
        }

        // ---- step 2: primitive cell ----

        private Primitive identityPrimitive() {
            LatticeReduction.Reduced red = LatticeReduction.delaunay(input.lattice);
            int[][] toReduced = IntMatrix.transpose(red.transform());
            double[][] inv = Matrix3.inverse(IntMatrix.toDouble(toReduced));
            double[][] frac = new double[input.frac.length][];
            int[] mapping = new int[input.frac.length];
            for (int i = 0; i < frac.length; i++) {
                frac[i] = wrap(Matrix3.multiply(inv, input.frac[i]));
                mapping[i] = i;
            }
            return new Primitive(red.basis(), inv, frac, input.types.clone(), mapping, 1);
        }

        private Primitive primitive() {
            Primitive reduced = identityPrimitive();
            double[][] lat = reduced.lattice;
            double[][] x = reduced.frac;
            int[] types = reduced.types;
            int n = x.length;
            int refType = leastFrequentType(types);
            int ref = -1;
            for (int i = 0; i < n && ref < 0; i++) {
                if (types[i] == refType) {
                    ref = i;
                }
            }
            List<double[]> translations = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (types[j] != refType) {
                    continue;
                }
                double[] t = new double[3];
                for (int k = 0; k < 3; k++) {
                    t[k] = centred(x[j][k] - x[ref][k]);
                }
                if (j == ref || mapsOnto(lat, x, types, IntMatrix.identity(), t)) {
                    translations.add(t);
                }
            }
            int count = translations.size();
            int[] perType = new int[n];
            for (int t : types) {
                perType[t]++;
            }
            for (int c : perType) {
                if (c % count != 0) {
                    return null;
                }
            }
            if (count == 1) {
                return reduced;
            }
            // n pure translations form a group of order n, so n·t is a lattice vector: t is a multiple of 1/n
            for (double[] t : translations) {
                for (int k = 0; k < 3; k++) {
                    t[k] = Math.rint(t[k] * count) / count;
                }
            }
            double[][] basis = primitiveBasis(lat, translations, count);
            if (basis == null) {
                return null;
            }
            // basis: columns are primitive vectors in coordinates of the reduced input cell
            double[][] primRows = Matrix3.multiply(Matrix3.transpose(basis), lat);
            LatticeReduction.Reduced red = LatticeReduction.delaunay(primRows);
            double[][] toPrim = Matrix3.multiply(basis, Matrix3.transpose(IntMatrix.toDouble(red.transform())));
            double[][] inv = Matrix3.inverse(toPrim);
            double[][] primLattice = red.basis();
            List<double[]> merged = new ArrayList<>();
            Map<Integer, double[]> sums = new HashMap<>();
            List<Integer> mergedTypes = new ArrayList<>();
            List<Integer> members = new ArrayList<>();
            int[] mapping = new int[n];
            for (int i = 0; i < n; i++) {
                double[] y = wrap(Matrix3.multiply(inv, x[i]));
                int found = -1;
                for (int m = 0; m < merged.size() && found < 0; m++) {
                    if (mergedTypes.get(m) == types[i] && distance(primLattice, y, merged.get(m)) < tol) {
                        found = m;
                    }
                }
                if (found < 0) {
                    merged.add(y);
                    mergedTypes.add(types[i]);
                    members.add(0);
                    found = merged.size() - 1;
                    sums.put(found, new double[3]);
                } else {
                    double[] s = sums.get(found);
                    double[] first = merged.get(found);
                    for (int k = 0; k < 3; k++) {
                        s[k] += centred(y[k] - first[k]);
                    }
                }
                members.set(found, members.get(found) + 1);
                mapping[reduced.mapping[i]] = found;
            }
            for (int m = 0; m < merged.size(); m++) {
                if (members.get(m) != count) {
                    return null;
                }
                double[] first = merged.get(m);
                double[] s = sums.get(m);
                for (int k = 0; k < 3; k++) {
                    first[k] = Site.wrap(first[k] + s[k] / count);
                }
            }
            double[][] frac = merged.toArray(new double[0][]);
            int[] primTypes = mergedTypes.stream().mapToInt(Integer::intValue).toArray();
            // input coordinates -> primitive coordinates: through the reduced input cell
            double[][] inputToPrim = Matrix3.multiply(inv, reduced.inputToCell);
            return new Primitive(primLattice, inputToPrim, frac, primTypes, mapping, count);
        }

        /** Three translation or cell vectors (as columns, fractional) spanning 1/count of the cell volume. */
        private static double[][] primitiveBasis(double[][] lat, List<double[]> translations, int count) {
            List<double[]> candidates = new ArrayList<>();
            for (double[] t : translations) {
                if (Math.abs(t[0]) + Math.abs(t[1]) + Math.abs(t[2]) > 1e-12) {
                    candidates.add(t);
                }
            }
            candidates.add(new double[] {1, 0, 0});
            candidates.add(new double[] {0, 1, 0});
            candidates.add(new double[] {0, 0, 1});
            candidates.sort(Comparator.comparingDouble(v -> Matrix3.norm(Matrix3.multiply(v, lat))));
            double target = 1.0 / count;
            for (int i = 0; i < candidates.size(); i++) {
                for (int j = i + 1; j < candidates.size(); j++) {
                    for (int k = j + 1; k < candidates.size(); k++) {
                        double[][] rows = {candidates.get(i), candidates.get(j), candidates.get(k)};
                        double d = Matrix3.det(rows);
                        if (Math.abs(Math.abs(d) - target) < 1e-4 * target) {
                            if (d < 0) {
                                rows[2] = new double[] {-rows[2][0], -rows[2][1], -rows[2][2]};
                            }
                            return Matrix3.transpose(rows);
                        }
                    }
                }
            }
            return null;
        }

        private static int leastFrequentType(int[] types) {
            Map<Integer, Integer> counts = new LinkedHashMap<>();
            for (int t : types) {
                counts.merge(t, 1, Integer::sum);
            }
            int best = types[0];
            for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
                if (e.getValue() < counts.get(best)) {
                    best = e.getKey();
                }
            }
            return best;
        }

        /** Whether x ↦ R·x + t maps every atom onto an atom of its type within the tolerance. */
        private boolean mapsOnto(double[][] lat, double[][] x, int[] types, int[][] r, double[] t) {
            return mapsOnto(lat, x, types, r, t, tol);
        }

        private static boolean mapsOnto(double[][] lat, double[][] x, int[] types, int[][] r, double[] t,
                double tolerance) {
            for (int i = 0; i < x.length; i++) {
                double[] y = IntMatrix.multiply(r, x[i]);
                for (int k = 0; k < 3; k++) {
                    y[k] += t[k];
                }
                boolean found = false;
                for (int j = 0; j < x.length && !found; j++) {
                    found = types[j] == types[i] && distance(lat, y, x[j]) < tolerance;
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }

        // ---- step 3: lattice point group ----

        private List<int[][]> latticeRotations(double[][] lat) {
            double[][] g = metric(lat);
            List<int[][]> result = new ArrayList<>();
            int[] e = new int[9];
            for (int code = 0; code < 19683; code++) {
                int c = code;
                for (int k = 0; k < 9; k++) {
                    e[k] = c % 3 - 1;
                    c /= 3;
                }
                int[][] r = {{e[0], e[1], e[2]}, {e[3], e[4], e[5]}, {e[6], e[7], e[8]}};
                int det = IntMatrix.det(r);
                if (det != 1 && det != -1) {
                    continue;
                }
                if (preservesMetric(g, r)) {
                    result.add(r);
                }
            }
            return result;
        }

        private boolean preservesMetric(double[][] g, int[][] r) {
            // G' = Rᵀ G R: the metric of the basis vectors A·R e_i
            double[][] gr = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double s = 0;
                    for (int k = 0; k < 3; k++) {
                        for (int l = 0; l < 3; l++) {
                            s += r[k][i] * g[k][l] * r[l][j];
                        }
                    }
                    gr[i][j] = s;
                }
            }
            for (int i = 0; i < 3; i++) {
                if (Math.abs(Math.sqrt(gr[i][i]) - Math.sqrt(g[i][i])) > tol) {
                    return false;
                }
            }
            int[][] pairs = {{1, 2}, {0, 2}, {0, 1}};
            for (int[] p : pairs) {
                double cos1 = g[p[0]][p[1]] / Math.sqrt(g[p[0]][p[0]] * g[p[1]][p[1]]);
                double cos2 = gr[p[0]][p[1]] / Math.sqrt(gr[p[0]][p[0]] * gr[p[1]][p[1]]);
                double a1 = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos1))));
                double a2 = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos2))));
                if (angleTolerance > 0) {
                    if (Math.abs(a1 - a2) > angleTolerance) {
                        return false;
                    }
                } else {
                    double shorter = Math.sqrt(Math.min(g[p[0]][p[0]], g[p[1]][p[1]]));
                    if (Math.abs(Math.sin(Math.toRadians(a1 - a2))) * shorter > tol) {
                        return false;
                    }
                }
            }
            return true;
        }

        // ---- step 4: operations ----

        private List<Op> operations(Primitive prim, List<int[][]> rotations) {
            double[][] x = prim.frac;
            int[] types = prim.types;
            int refType = leastFrequentType(types);
            int ref = -1;
            for (int i = 0; i < x.length && ref < 0; i++) {
                if (types[i] == refType) {
                    ref = i;
                }
            }
            List<Op> ops = new ArrayList<>();
            for (int[][] r : rotations) {
                double[] rx = IntMatrix.multiply(r, x[ref]);
                for (int j = 0; j < x.length; j++) {
                    if (types[j] != refType) {
                        continue;
                    }
                    double[] t = new double[3];
                    for (int k = 0; k < 3; k++) {
                        t[k] = Site.wrap(x[j][k] - rx[k]);
                    }
                    if (mapsOnto(prim.lattice, x, types, r, t)) {
                        ops.add(new Op(r, t));
                        break;
                    }
                }
            }
            ops.sort(Comparator.comparing((Op o) -> !IntMatrix.equal(o.r, IntMatrix.identity())));
            return ops;
        }

        private static boolean closed(List<Op> ops) {
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (Op o : ops) {
                keys.add(IntMatrix.key(o.r));
            }
            if (keys.size() != ops.size() || !keys.contains(IntMatrix.key(IntMatrix.identity()))) {
                return false;
            }
            for (Op a : ops) {
                for (Op b : ops) {
                    if (!keys.contains(IntMatrix.key(IntMatrix.multiply(a.r, b.r)))) {
                        return false;
                    }
                }
            }
            return PointGroups.symbol(ops.stream().map(o -> o.r).toList()) != null;
        }

        // ---- step 5: identification ----

        private List<Match> identify(Primitive prim, List<Op> ops) {
            List<int[][]> rotations = ops.stream().map(o -> o.r).toList();
            String pointGroup = PointGroups.symbol(rotations);
            if (pointGroup == null) {
                return List.of();
            }
            CrystalFamily family = PointGroups.family(pointGroup);
            List<int[][]> bases = ConventionalBases.candidates(family, prim.lattice, rotations);
            SpaceGroups table = SpaceGroups.table();
            for (int[][] basis : bases) {
                for (SpaceGroup g : table.settings()) {
                    if (g.standard() && g.pointGroup().equals(pointGroup)
                            && !OriginMatcher.shifts(g, basis, prim.lattice, ops, tol).isEmpty()) {
                        return descriptions(g, family, family == CrystalFamily.ORTHORHOMBIC ? bases : List.<int[][]>of(basis), prim, ops);
                    }
                }
            }
            return List.of();
        }

        /**
         * Every equivalent description of the structure in the standard setting of its group, best first: the
         * candidate bases that fit (for orthorhombic groups, the axis orders the symbol allows), each turned by
         * the proper rotations of the crystal's point group and by those of the lattice that keep the axis
         * lengths (not mere pseudo-symmetries of a distorted lattice), with every fitting origin shift. Preference, as far as spglib's
         * choices can be read from its results: orthorhombic axes in increasing length where the symbol allows
         * it; then the axes closest to those of the input cell (a structure given in its standard cell keeps its
         * axes, and so its Wyckoff letters); then the smallest origin shift.
         */
        private List<Match> descriptions(SpaceGroup g, CrystalFamily family, List<int[][]> bases, Primitive prim,
                List<Op> ops) {
            List<Match> found = new ArrayList<>();
            List<double[]> scores = new ArrayList<>();
            List<int[][]> rotations = new ArrayList<>();
            for (int[][] w : latticeRotations(prim.lattice)) {
                if (IntMatrix.det(w) == 1) {
                    rotations.add(w);
                }
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            java.util.Set<String> pointGroupKeys = new java.util.HashSet<>();
            for (Op op : ops) {
                pointGroupKeys.add(IntMatrix.key(op.r));
            }
            for (int[][] basis : bases) {
                for (int[][] w : rotations) {
                    int[][] turned = IntMatrix.multiply(w, basis);
                    boolean crystalRotation = pointGroupKeys.contains(IntMatrix.key(w));
                    if ((!crystalRotation && !sameLengths(prim.lattice, basis, turned))
                            || !seen.add(IntMatrix.key(turned))) {
                        continue;
                    }
                    List<double[]> shifts = OriginMatcher.shifts(g, turned, prim.lattice, ops, tol);
                    if (shifts.isEmpty()) {
                        continue;
                    }
                    double disorder = 0;
                    double alignment = 0;
                    double[] lengths = new double[3];
                    for (int j = 0; j < 3; j++) {
                        double[] v = new double[3];
                        for (int k = 0; k < 3; k++) {
                            for (int m = 0; m < 3; m++) {
                                v[m] += turned[k][j] * prim.lattice[k][m];
                            }
                        }
                        lengths[j] = Matrix3.norm(v);
                        double[] in = input.lattice[j];
                        alignment += 1 - Matrix3.dot(v, in) / (lengths[j] * Matrix3.norm(in));
                    }
                    if (family == CrystalFamily.ORTHORHOMBIC) {
                        disorder = (lengths[0] > lengths[1] + PSEUDO_SYMMETRY ? 1 : 0)
                                + (lengths[1] > lengths[2] + PSEUDO_SYMMETRY ? 1 : 0)
                                + (lengths[0] > lengths[2] + PSEUDO_SYMMETRY ? 1 : 0);
                    }
                    for (double[] shift : shifts) {
                        found.add(new Match(g, turned, wrap(shift)));
                        scores.add(new double[] {disorder, Math.round(alignment / ALIGNMENT_TIE),
                            Math.abs(shift[0]) + Math.abs(shift[1]) + Math.abs(shift[2])});
                    }
                }
            }
            Integer[] order = new Integer[found.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (x, y) -> java.util.Arrays.compare(scores.get(x), scores.get(y)));
            List<Match> sorted = new ArrayList<>();
            for (Integer i : order) {
                sorted.add(found.get(i));
            }
            return sorted;
        }

        /**
         * Whether two bases have the same axis lengths within {@link #PSEUDO_SYMMETRY} Å: turning the basis by a
         * rotation that only approximately preserves the lattice (pseudo-symmetry allowed by the tolerances) would
         * not give an equivalent description.
         */
        private static boolean sameLengths(double[][] lattice, int[][] a, int[][] b) {
            for (int j = 0; j < 3; j++) {
                double la = ConventionalBases.length(lattice, ConventionalBases.column(a, j));
                double lb = ConventionalBases.length(lattice, ConventionalBases.column(b, j));
                if (Math.abs(la - lb) > PSEUDO_SYMMETRY) {
                    return false;
                }
            }
            return true;
        }

        private static double[][] metric(double[][] lat) {
            double[][] g = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    g[i][j] = Matrix3.dot(lat[i], lat[j]);
                }
            }
            return g;
        }
    }

    /** A symmetry operation in primitive fractional coordinates: x ↦ r·x + t. */
    record Op(int[][] r, double[] t) {

    }

    /**
     * The reduced primitive cell: lattice rows (Å), the matrix taking fractional coordinates of the input cell
     * to this cell (y = inputToCell·x, modulo 1), positions, types, the primitive atom of every input atom and
     * the number of lattice points of the input cell.
     */
    record Primitive(double[][] lattice, double[][] inputToCell, double[][] frac, int[] types, int[] mapping,
            int inputPoints) {
    }

    /**
     * The result of matching: the standard setting, the conventional basis (columns: conventional vectors in
     * primitive coordinates) and the origin shift p (conventional fractional coordinates): a primitive point y
     * has standard coordinates basis⁻¹·y + p.
     */
    record Match(SpaceGroup group, int[][] basis, double[] originShift) {
    }

    static double centred(double x) {
        return x - Math.rint(x);
    }

    static double[] wrap(double[] x) {
        return new double[] {Site.wrap(x[0]), Site.wrap(x[1]), Site.wrap(x[2])};
    }

    /** Shortest Cartesian distance (Å) between two fractional points, over the 27 nearest images. */
    static double distance(double[][] lat, double[] x, double[] y) {
        double[] d = {centred(x[0] - y[0]), centred(x[1] - y[1]), centred(x[2] - y[2])};
        double best = Double.POSITIVE_INFINITY;
        for (int i = -1; i <= 1; i++) {
            for (int j = -1; j <= 1; j++) {
                for (int k = -1; k <= 1; k++) {
                    double a = d[0] + i;
                    double b = d[1] + j;
                    double c = d[2] + k;
                    double rx = a * lat[0][0] + b * lat[1][0] + c * lat[2][0];
                    double ry = a * lat[0][1] + b * lat[1][1] + c * lat[2][1];
                    double rz = a * lat[0][2] + b * lat[1][2] + c * lat[2][2];
                    best = Math.min(best, rx * rx + ry * ry + rz * rz);
                }
            }
        }
        return Math.sqrt(best);
    }
}
