package org.pxrd.symmetry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;

/**
 * The standard conventional and primitive cells of pymatgen's {@code SpacegroupAnalyzer}
 * ({@code get_conventional_standard_structure} and {@code get_primitive_standard_structure}, with
 * {@code international_monoclinic=True}), which apply the conventions of W. Setyawan and S. Curtarolo,
 * "High-throughput electronic band structure calculations: challenges and tools", Comput. Mater. Sci. 49 (2010)
 * 299, to spglib's refined cell. Starting from the refined cell (lattice rows a, b, c):
 *
 * <ul>
 * <li>cubic and orthorhombic: a ≤ b ≤ c, except that a C-centred cell keeps c and sorts a ≤ b, and an
 * A-centred cell becomes C-centred (its a becomes c, the other two sorted); right angles;</li>
 * <li>tetragonal: the lengths sorted, then the unique one made c; a = b;</li>
 * <li>hexagonal and rhombohedral lattices: the hexagonal cell a = b, γ = 120° (a rhombohedral-axes cell is first
 * made hexagonal with the supercell (1 −1 0 / 0 1 −1 / 1 1 1));</li>
 * <li>monoclinic: b the unique axis and β the non-right angle, β ≥ 90°; a C-centred cell keeps a, b, c; a
 * primitive one makes a the shorter of the two non-unique axes;</li>
 * <li>triclinic: the LLL-reduced cell (δ = 3/4) with the signs of its vectors chosen so that the reciprocal
 * angles are all ≤ 90° or all &gt; 90° (of the four sign patterns (+,+,+), (−,+,−), (−,−,+), (+,−,−), the last
 * that qualifies).</li>
 * </ul>
 * Fractional coordinates follow the same permutations and sign changes and are wrapped to [0, 1); sites are
 * sorted by electronegativity. The primitive standard cell is the conventional one for P and hexagonal lattices,
 * else the conventional lattice times (−1 1 1 / 1 −1 1 / 1 1 −1)/2 for I, (0 1 1 / 1 0 1 / 1 1 0)/2 for F,
 * (1 1 0 / −1 1 0 / 0 0 2)/2 for monoclinic C, (1 −1 0 / 1 1 0 / 0 0 2)/2 for other C and A, and
 * (−1 1 1 / 2 1 1 / −1 −2 1)/3 for R (then written as the rhombohedral cell of a and α), with duplicate atoms
 * removed.
 */
final class StandardCells {

    /** pymatgen's tolerance (Å) for equal lengths in the tetragonal convention. */
    private static final double TETRAGONAL_TOLERANCE = 1e-5;
    /** pymatgen's tolerance (Å) for equal lengths in the hexagonal/rhombohedral convention. */
    private static final double HEXAGONAL_TOLERANCE = 1e-3;
    /** An angle within this of 90° (degrees) is a right angle (only rounding separates them). */
    private static final double RIGHT_ANGLE = 1e-8;
    /** Fractional distance under which two sites of the primitive cell are the same site. */
    private static final double SAME_SITE = 1e-5;

    private StandardCells() {
    }

    static Structure conventional(SymmetryDataset d) {
        Structure s = d.refinedStructure();
        Lattice latt = s.lattice();
        double[][] m = latt.matrix();
        double[] abc = {latt.a(), latt.b(), latt.c()};
        String type = d.latticeType();
        String symbol = d.symbol();
        double[][] transf;
        Lattice result;
        switch (type) {
            case "orthorhombic", "cubic" -> {
                transf = new double[3][3];
                double a;
                double b;
                double c;
                if (symbol.startsWith("C")) {
                    transf[2][2] = 1;
                    int[] o = sortedIndices(abc, 0, 1);
                    transf[0][o[0]] = 1;
                    transf[1][o[1]] = 1;
                    a = abc[o[0]];
                    b = abc[o[1]];
                    c = abc[2];
                } else if (symbol.startsWith("A")) {
                    transf[2][0] = 1;
                    int[] o = sortedIndices(abc, 1, 2);
                    transf[0][o[0]] = 1;
                    transf[1][o[1]] = 1;
                    a = abc[o[0]];
                    b = abc[o[1]];
                    c = abc[0];
                } else {
                    int[] o = sortedIndices(abc, 0, 1, 2);
                    for (int i = 0; i < 3; i++) {
                        transf[i][o[i]] = 1;
                    }
                    a = abc[o[0]];
                    b = abc[o[1]];
                    c = abc[o[2]];
                }
                result = Lattice.fromParameters(a, b, c, 90, 90, 90);
            }
            case "tetragonal" -> {
                transf = new double[3][3];
                int[] o = sortedIndices(abc, 0, 1, 2);
                for (int i = 0; i < 3; i++) {
                    transf[i][o[i]] = 1;
                }
                double a = abc[o[0]];
                double b = abc[o[1]];
                double c = abc[o[2]];
                if (Math.abs(b - c) < TETRAGONAL_TOLERANCE && Math.abs(a - c) > TETRAGONAL_TOLERANCE) {
                    double t = a;
                    a = c;
                    c = t;
                    transf = Matrix3.multiply(new double[][] {{0, 0, 1}, {0, 1, 0}, {1, 0, 0}}, transf);
                }
                result = Lattice.fromParameters(a, a, c, 90, 90, 90);
            }
            case "hexagonal", "rhombohedral" -> {
                double a = abc[0];
                double b = abc[1];
                double c = abc[2];
                if (Math.abs(a - b) < HEXAGONAL_TOLERANCE && Math.abs(c - b) < HEXAGONAL_TOLERANCE
                        && Math.abs(a - c) < HEXAGONAL_TOLERANCE) {
                    s = supercell(s, new double[][] {{1, -1, 0}, {0, 1, -1}, {1, 1, 1}});
                    double[] l = {s.lattice().a(), s.lattice().b(), s.lattice().c()};
                    java.util.Arrays.sort(l);
                    a = l[0];
                    b = l[1];
                    c = l[2];
                }
                if (Math.abs(b - c) < HEXAGONAL_TOLERANCE) {
                    double t = a;
                    a = c;
                    c = t;
                }
                result = Lattice.fromMatrix(new double[][] {{a / 2, -a * Math.sqrt(3) / 2, 0},
                    {a / 2, a * Math.sqrt(3) / 2, 0}, {0, 0, c}});
                transf = IntMatrix.toDouble(IntMatrix.identity());
            }
            case "monoclinic" -> {
                double[][][] chosen = monoclinic(m, abc, symbol.startsWith("C"));
                transf = chosen[0];
                result = Lattice.fromMatrix(chosen[1]);
            }
            default -> {
                double[][][] chosen = triclinic(s);
                s = new Structure(s.name(), Lattice.fromMatrix(chosen[2]), reducedSites(s, chosen[2]), null);
                transf = chosen[0];
                result = Lattice.fromMatrix(chosen[1]);
            }
        }
        List<Site> sites = new ArrayList<>();
        for (Site site : s.sites()) {
            sites.add(site.withFrac(Matrix3.multiply(transf, site.frac())));
        }
        return sorted(new Structure(s.name(), result, sites));
    }

    /** Sites of s expressed in another basis of the same lattice (Cartesian positions kept). */
    private static List<Site> reducedSites(Structure s, double[][] newRows) {
        Lattice l = Lattice.fromMatrix(newRows);
        List<Site> sites = new ArrayList<>();
        for (Site site : s.sites()) {
            sites.add(site.withFrac(l.toFractional(s.lattice().toCartesian(site.frac()))));
        }
        return sites;
    }

    /** Returns {transf, new matrix}: see the class comment (the loop over axis orders keeps the last fit). */
    private static double[][][] monoclinic(double[][] m, double[] abc, boolean cCentred) {
        double[][] transf = null;
        double[][] matrix = null;
        if (cCentred) {
            int[][] perms = {{0, 1}, {1, 0}};
            for (int[] t : perms) {
                double alpha = angle(m[t[1]], m[2]);
                if (alpha > 90 + RIGHT_ANGLE) {
                    double[][] rows = {neg(m[t[0]]), neg(m[t[1]]), m[2]};
                    transf = new double[3][3];
                    transf[0][t[0]] = -1;
                    transf[1][t[1]] = -1;
                    transf[2][2] = 1;
                    matrix = alphaMatrix(rows);
                } else if (alpha < 90 - RIGHT_ANGLE) {
                    double[][] rows = {m[t[0]], m[t[1]], m[2]};
                    transf = new double[3][3];
                    transf[0][t[0]] = 1;
                    transf[1][t[1]] = 1;
                    transf[2][2] = 1;
                    matrix = alphaMatrix(rows);
                }
            }
            if (matrix == null) {
                int[] o = sortedIndices(abc, 0, 1);
                matrix = new double[][] {{abc[o[0]], 0, 0}, {0, abc[o[1]], 0}, {0, 0, abc[2]}};
                transf = new double[3][3];
                transf[2][2] = 1;
                transf[0][o[0]] = 1;
                transf[1][o[1]] = 1;
            }
        } else {
            int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
            for (int[] t : perms) {
                double[][] rows = {m[t[0]], m[t[1]], m[t[2]]};
                double b = Matrix3.norm(rows[1]);
                double c = Matrix3.norm(rows[2]);
                double alpha = angle(rows[1], rows[2]);
                if (alpha > 90 + RIGHT_ANGLE && b < c) {
                    transf = new double[3][3];
                    transf[0][t[0]] = -1;
                    transf[1][t[1]] = -1;
                    transf[2][t[2]] = 1;
                    matrix = alphaMatrix(new double[][] {neg(rows[0]), neg(rows[1]), rows[2]});
                } else if (alpha < 90 - RIGHT_ANGLE && b < c) {
                    transf = new double[3][3];
                    transf[0][t[0]] = 1;
                    transf[1][t[1]] = 1;
                    transf[2][t[2]] = 1;
                    matrix = alphaMatrix(rows);
                }
            }
            if (matrix == null) {
                int[] o = sortedIndices(abc, 0, 1, 2);
                matrix = new double[][] {{abc[o[0]], 0, 0}, {0, abc[o[1]], 0}, {0, 0, abc[o[2]]}};
                transf = new double[3][3];
                for (int i = 0; i < 3; i++) {
                    transf[i][o[i]] = 1;
                }
            }
        }
        // international convention: b unique, beta the non-right angle, beta >= 90
        double[][] op = {{0, 1, 0}, {1, 0, 0}, {0, 0, -1}};
        transf = Matrix3.multiply(op, transf);
        matrix = Matrix3.multiply(op, matrix);
        if (angle(matrix[0], matrix[2]) < 90) {
            double[][] flip = {{-1, 0, 0}, {0, -1, 0}, {0, 0, 1}};
            transf = Matrix3.multiply(flip, transf);
            matrix = Matrix3.multiply(flip, matrix);
        }
        return new double[][][] {transf, matrix};
    }

    /** The matrix (a,0,0 / 0,b,0 / 0, c cos α, c sin α) of three rows' lengths and their angle α(b, c). */
    private static double[][] alphaMatrix(double[][] rows) {
        double a = Matrix3.norm(rows[0]);
        double b = Matrix3.norm(rows[1]);
        double c = Matrix3.norm(rows[2]);
        double alpha = Math.toRadians(angle(rows[1], rows[2]));
        return new double[][] {{a, 0, 0}, {0, b, 0}, {0, c * Math.cos(alpha), c * Math.sin(alpha)}};
    }

    /** Returns {transf, new matrix, LLL basis}. */
    private static double[][][] triclinic(Structure s) {
        double[][] basis = LatticeReduction.lll(s.lattice().matrix()).basis();
        Lattice l = Lattice.fromMatrix(basis);
        double a = l.a();
        double b = l.b();
        double c = l.c();
        double alpha = Math.toRadians(l.alpha());
        double beta = Math.toRadians(l.beta());
        double gamma = Math.toRadians(l.gamma());
        double cz = c * Math.sqrt(Math.sin(gamma) * Math.sin(gamma) - Math.cos(alpha) * Math.cos(alpha)
                - Math.cos(beta) * Math.cos(beta) + 2 * Math.cos(alpha) * Math.cos(beta) * Math.cos(gamma))
                / Math.sin(gamma);
        double cy = c * (Math.cos(alpha) - Math.cos(beta) * Math.cos(gamma)) / Math.sin(gamma);
        double cx = c * Math.cos(beta);
        double bx = b * Math.cos(gamma);
        double by = b * Math.sin(gamma);
        double[][][] variants = {
            {{a, 0, 0}, {bx, by, 0}, {cx, cy, cz}},
            {{-a, 0, 0}, {bx, by, 0}, {-cx, -cy, -cz}},
            {{-a, 0, 0}, {-bx, -by, 0}, {cx, cy, cz}},
            {{a, 0, 0}, {-bx, -by, 0}, {-cx, -cy, -cz}}};
        double[][][] transforms = {
            {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
            {{-1, 0, 0}, {0, 1, 0}, {0, 0, -1}},
            {{-1, 0, 0}, {0, -1, 0}, {0, 0, 1}},
            {{1, 0, 0}, {0, -1, 0}, {0, 0, -1}}};
        double[][] matrix = variants[0];
        double[][] transf = transforms[0];
        for (int i = 0; i < 4; i++) {
            Lattice r = Lattice.fromMatrix(variants[i]).reciprocalCrystallographic();
            boolean acute = r.alpha() <= 90 && r.beta() <= 90 && r.gamma() <= 90;
            boolean obtuse = r.alpha() > 90 && r.beta() > 90 && r.gamma() > 90;
            if (acute || obtuse) {
                matrix = variants[i];
                transf = transforms[i];
            }
        }
        return new double[][][] {transf, matrix, basis};
    }

    static Structure primitive(SymmetryDataset d) {
        Structure conv = conventional(d);
        String type = d.latticeType();
        String symbol = d.symbol();
        if (symbol.contains("P") || type.equals("hexagonal")) {
            return conv;
        }
        double[][] transf;
        if (type.equals("rhombohedral")) {
            if (Math.abs(conv.lattice().a() - conv.lattice().c()) < 1e-4) {
                transf = IntMatrix.toDouble(IntMatrix.identity());
            } else {
                transf = scaled(new double[][] {{-1, 1, 1}, {2, 1, 1}, {-1, -2, 1}}, 3);
            }
        } else if (symbol.contains("I")) {
            transf = scaled(new double[][] {{-1, 1, 1}, {1, -1, 1}, {1, 1, -1}}, 2);
        } else if (symbol.contains("F")) {
            transf = scaled(new double[][] {{0, 1, 1}, {1, 0, 1}, {1, 1, 0}}, 2);
        } else if (symbol.contains("C") || symbol.contains("A")) {
            transf = d.crystalSystem() == CrystalSystem.MONOCLINIC
                    ? scaled(new double[][] {{1, 1, 0}, {-1, 1, 0}, {0, 0, 2}}, 2)
                    : scaled(new double[][] {{1, -1, 0}, {1, 1, 0}, {0, 0, 2}}, 2);
        } else {
            transf = IntMatrix.toDouble(IntMatrix.identity());
        }
        Lattice primLattice = Lattice.fromMatrix(Matrix3.multiply(transf, conv.lattice().matrix()));
        List<Site> sites = uniqueSites(conv, primLattice);
        if (type.equals("rhombohedral")) {
            double a = primLattice.a();
            double alpha = Math.toRadians(primLattice.alpha());
            double[][] m = {{a * Math.cos(alpha / 2), -a * Math.sin(alpha / 2), 0},
                {a * Math.cos(alpha / 2), a * Math.sin(alpha / 2), 0},
                {a * Math.cos(alpha) / Math.cos(alpha / 2), 0,
                    a * Math.sqrt(1 - Math.cos(alpha) * Math.cos(alpha) / (Math.cos(alpha / 2) * Math.cos(alpha / 2)))}};
            Lattice rhombohedral = Lattice.fromMatrix(m);
            List<Site> kept = new ArrayList<>();
            for (Site s : sites) {
                addUnique(kept, s.withFrac(s.frac()));
            }
            return new Structure(conv.name(), rhombohedral, kept);
        }
        return new Structure(conv.name(), primLattice, sites);
    }

    private static List<Site> uniqueSites(Structure conv, Lattice target) {
        List<Site> sites = new ArrayList<>();
        for (Site s : conv.sites()) {
            double[] f = target.toFractional(conv.lattice().toCartesian(s.frac()));
            addUnique(sites, s.withFrac(f));
        }
        return sites;
    }

    private static void addUnique(List<Site> sites, Site candidate) {
        for (Site s : sites) {
            boolean same = s.species().equals(candidate.species());
            for (int k = 0; k < 3 && same; k++) {
                same = Math.abs(SymmetryFinder.centred(s.frac(k) - candidate.frac(k))) < SAME_SITE;
            }
            if (same) {
                return;
            }
        }
        sites.add(candidate);
    }

    private static Structure supercell(Structure s, double[][] scaling) {
        double[][] newRows = Matrix3.multiply(scaling, s.lattice().matrix());
        Lattice l = Lattice.fromMatrix(newRows);
        int det = (int) Math.round(Math.abs(Matrix3.det(scaling)));
        List<Site> sites = new ArrayList<>();
        int range = det;
        for (Site site : s.sites()) {
            for (int i = -range; i <= range; i++) {
                for (int j = -range; j <= range; j++) {
                    for (int k = -range; k <= range; k++) {
                        double[] f = {site.frac(0) + i, site.frac(1) + j, site.frac(2) + k};
                        double[] g = l.toFractional(s.lattice().toCartesian(f));
                        if (inCell(g)) {
                            addUnique(sites, site.withFrac(g));
                        }
                    }
                }
            }
        }
        return new Structure(s.name(), l, sites);
    }

    private static boolean inCell(double[] g) {
        for (double x : g) {
            if (x < -SAME_SITE || x >= 1 - SAME_SITE) {
                return false;
            }
        }
        return true;
    }

    private static Structure sorted(Structure s) {
        List<Site> sites = new ArrayList<>(s.sites());
        sites.sort(Comparator.comparingDouble((Site x) -> electronegativity(x.element())));
        return new Structure(s.name(), s.lattice(), sites);
    }

    private static double electronegativity(Element e) {
        return Double.isNaN(e.electronegativity()) ? Double.POSITIVE_INFINITY : e.electronegativity();
    }

    private static double[][] scaled(double[][] m, double divisor) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = m[i][j] / divisor;
            }
        }
        return r;
    }

    /** Indices sorted by length, stable for equal lengths. */
    private static int[] sortedIndices(double[] abc, int... indices) {
        Integer[] boxed = new Integer[indices.length];
        for (int i = 0; i < indices.length; i++) {
            boxed[i] = indices[i];
        }
        java.util.Arrays.sort(boxed, Comparator.comparingDouble(i -> abc[i]));
        int[] r = new int[boxed.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = boxed[i];
        }
        return r;
    }

    private static double angle(double[] u, double[] v) {
        double c = Matrix3.dot(u, v) / (Matrix3.norm(u) * Matrix3.norm(v));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
    }

    private static double[] neg(double[] v) {
        return new double[] {-v[0], -v[1], -v[2]};
    }
}
