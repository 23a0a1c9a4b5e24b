package org.pxrd.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;
import org.pxrd.model.Structure;

/**
 * The primitive cell of a structure found by a search over pure translations, with the semantics of pymatgen's
 * {@code Structure.get_primitive_structure(tolerance)} (the cell StructureMatcher compares).
 *
 * <p>Algorithm (tolerance t in Å):
 * <ol>
 * <li>Group the sites by species label, groups in label order, sites in their order.</li>
 * <li>Candidate translations: the differences f_j − f_0 within the smallest group; keep those that map the first
 * site of every group onto some site of the group within 2t/|aᵢ| per fractional component.</li>
 * <li>n = the greatest common divisor of the group sizes: the largest possible number of primitive cells in the
 * cell.</li>
 * <li>For every divisor d &gt; 1 of n in increasing order, and every upper-triangular Hermite normal form
 * m = [[a, b, c], [0, e, f], [0, 0, g]] with aeg = d, 0 ≤ b, c &lt; a, 0 ≤ f &lt; e: the candidate cell has rows
 * m⁻¹·L. It is accepted when every row of m⁻¹ is within t/|aᵢ| of a candidate translation and, in every group,
 * the sites f·m fall into cliques of exactly d sites that coincide within t/|a'ᵢ| in the new cell (sites that
 * were neighbours within 2t/|aᵢ| in the old cell never merge).</li>
 * <li>The first accepted cell gets one site per clique at the running mean of its members (periodic
 * differences to the first member), and the search repeats on it; the result is Niggli reduced. Without an
 * accepted cell the structure is returned unchanged.</li>
 * </ol>
 */
public final class PrimitiveCellFinder {

    /** pymatgen's default tolerance (Å) for sites to coincide after a candidate translation. */
    public static final double DEFAULT_TOLERANCE = 0.25;

    private PrimitiveCellFinder() {
    }

    /**
     * The primitive cell of a structure, Niggli reduced, or the structure itself when it has no smaller cell
     * within the tolerance. The sites of a new cell carry species and occupancy (labels and B factors are dropped).
     *
     * @param tolerance how far (Å) sites may be from their images under a lattice translation
     */
    public static Structure primitive(Structure structure, double tolerance) {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("primitive cell tolerance " + tolerance + " Å must be positive");
        }
        SpeciesTable table = new SpeciesTable();
        Cell cell = Cell.of(structure, table);
        Cell primitive = find(cell, tolerance, table);
        return primitive == cell ? structure : primitive.toStructure(structure.name(), table);
    }

    /** The primitive cell with the default tolerance. */
    public static Structure primitive(Structure structure) {
        return primitive(structure, DEFAULT_TOLERANCE);
    }

    /** The primitive Niggli-reduced cell, or {@code cell} itself when there is no smaller one. */
    static Cell find(Cell cell, double tolerance, SpeciesTable table) {
        int[][] groups = groups(cell, table);
        double[] abc = {cell.lattice.a(), cell.lattice.b(), cell.lattice.c()};
        double[] superTol = {tolerance / abc[0], tolerance / abc[1], tolerance / abc[2]};
        double[] superTol2 = {2 * superTol[0], 2 * superTol[1], 2 * superTol[2]};
        double[][] f = cell.frac;

        int[] smallest = groups[0];
        for (int[] g : groups) {
            if (g.length < smallest.length) {
                smallest = g;
            }
        }
        List<double[]> translations = new ArrayList<>();
        for (int j : smallest) {
            translations.add(difference(f[j], f[smallest[0]]));
        }
        for (int[] g : groups) {
            List<double[]> kept = new ArrayList<>();
            for (double[] v : translations) {
                for (int j : g) {
                    if (within(v, difference(f[j], f[g[0]]), superTol2)) {
                        kept.add(v);
                        break;
                    }
                }
            }
            translations = kept;
        }

        boolean[][][] nonNeighbours = new boolean[groups.length][][];
        int fu = 0;
        for (int gi = 0; gi < groups.length; gi++) {
            int[] g = groups[gi];
            boolean[][] nn = new boolean[g.length][g.length];
            for (int i = 0; i < g.length; i++) {
                for (int j = 0; j < g.length; j++) {
                    nn[i][j] = i == j || !within(f[g[i]], f[g[j]], superTol2);
                }
            }
            nonNeighbours[gi] = nn;
            fu = gcd(fu, g.length);
        }

        for (int det = 2; det <= fu; det++) {
            if (fu % det != 0) {
                continue;
            }
            for (int a = 1; a <= det; a++) {
                if (det % a != 0) {
                    continue;
                }
                for (int e = 1; e <= det / a; e++) {
                    if ((det / a) % e != 0) {
                        continue;
                    }
                    int g = det / a / e;
                    for (int b = 0; b < a; b++) {
                        for (int c = 0; c < a; c++) {
                            for (int ff = 0; ff < e; ff++) {
                                double[][] m = {{a, b, c}, {0, e, ff}, {0, 0, g}};
                                double[][] inv = Matrix3.inverse(m);
                                if (!rowsAreTranslations(inv, translations, superTol)) {
                                    continue;
                                }
                                Cell smaller = merge(cell, groups, nonNeighbours, m, inv, det, tolerance);
                                if (smaller != null) {
                                    return find(smaller, tolerance, table).niggliReduced();
                                }
                            }
                        }
                    }
                }
            }
        }
        return cell;
    }

    /** Site indices grouped by species label, groups sorted by label, indices ascending. */
    private static int[][] groups(Cell cell, SpeciesTable table) {
        Integer[] order = new Integer[cell.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> table.label(cell.species[i])));
        List<int[]> groups = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= order.length; i++) {
            if (i == order.length || cell.species[order[i]] != cell.species[order[start]]) {
                int[] g = new int[i - start];
                for (int k = start; k < i; k++) {
                    g[k - start] = order[k];
                }
                groups.add(g);
                start = i;
            }
        }
        return groups.toArray(new int[0][]);
    }

    private static boolean rowsAreTranslations(double[][] inv, List<double[]> translations, double[] tol) {
        for (double[] row : inv) {
            boolean found = false;
            for (double[] v : translations) {
                if (within(row, v, tol)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * The cell with rows m⁻¹·L and one site per clique of coinciding sites, or null when some group does not fall
     * into cliques of exactly {@code size} sites.
     */
    private static Cell merge(Cell cell, int[][] groups, boolean[][][] nonNeighbours, double[][] m, double[][] inv,
            int size, double tolerance) {
        Lattice lattice = Lattice.fromMatrix(Matrix3.multiply(inv, cell.lattice.matrix()));
        double[] ftol = {tolerance / lattice.a(), tolerance / lattice.b(), tolerance / lattice.c()};
        int n = cell.size() / size;
        double[][] frac = new double[n][];
        int[] species = new int[n];
        int next = 0;
        for (int gi = 0; gi < groups.length; gi++) {
            int[] g = groups[gi];
            double[][] inNew = new double[g.length][];
            for (int i = 0; i < g.length; i++) {
                inNew[i] = Cell.wrap(Matrix3.multiply(cell.frac[g[i]], m));
            }
            boolean[][] together = new boolean[g.length][g.length];
            for (int i = 0; i < g.length; i++) {
                int count = 0;
                for (int j = 0; j < g.length; j++) {
                    together[i][j] = nonNeighbours[gi][i][j] && within(inNew[i], inNew[j], ftol);
                    if (together[i][j]) {
                        count++;
                    }
                }
                if (count != size) {
                    return null;
                }
            }
            if (!cliques(together)) {
                return null;
            }
            boolean[] added = new boolean[g.length];
            for (int i = 0; i < g.length; i++) {
                if (added[i]) {
                    continue;
                }
                double[] mean = null;
                int members = 0;
                for (int j = 0; j < g.length; j++) {
                    if (!together[i][j]) {
                        continue;
                    }
                    added[j] = true;
                    if (mean == null) {
                        mean = inNew[j].clone();
                    } else {
                        for (int k = 0; k < 3; k++) {
                            mean[k] += Cell.periodic(inNew[j][k] - mean[k]) / (members + 1);
                        }
                    }
                    members++;
                }
                if (next == n) {
                    return null;
                }
                frac[next] = Cell.wrap(mean);
                species[next] = cell.species[g[i]];
                next++;
            }
        }
        return next == n ? new Cell(lattice, frac, species) : null;
    }

    private static boolean cliques(boolean[][] together) {
        int n = together.length;
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < n; p++) {
                if (!together[i][p]) {
                    continue;
                }
                for (int q = 0; q < n; q++) {
                    if (together[i][q] && !together[p][q]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static double[] difference(double[] u, double[] v) {
        return new double[] {u[0] - v[0], u[1] - v[1], u[2] - v[2]};
    }

    /** Whether u and v agree modulo 1 within tol[k] in every component (strictly). */
    static boolean within(double[] u, double[] v, double[] tol) {
        for (int k = 0; k < 3; k++) {
            if (!(Math.abs(Cell.periodic(u[k] - v[k])) < tol[k])) {
                return false;
            }
        }
        return true;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
