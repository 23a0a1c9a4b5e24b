package org.pxrd.symmetry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.pxrd.model.Matrix3;

/**
 * Candidate conventional bases of a lattice with a given point group, built from the rotation axes (step 5 of
 * {@link SymmetryFinder}). A basis is an integer matrix whose columns are the conventional vectors a, b, c in
 * coordinates of the reduced primitive cell, right-handed (det &gt; 0). Candidates come in order of preference;
 * the first one whose operations match a tabulated standard setting is used.
 */
final class ConventionalBases {

    /** Coefficient range of the lattice vectors searched in the reduced primitive basis. */
    private static final int RANGE = 3;

    private ConventionalBases() {
    }

    static List<int[][]> candidates(CrystalFamily family, double[][] lattice, List<int[][]> rotations) {
        List<int[]> vectors = shortVectors(lattice);
        return switch (family) {
            case TRICLINIC -> List.<int[][]>of(IntMatrix.transpose(LatticeReduction.niggli(lattice).transform()));
            case MONOCLINIC -> monoclinic(lattice, rotations, vectors);
            case ORTHORHOMBIC -> permutations(axes(rotations, 2, true));
            case TETRAGONAL -> principal(rotations, 4, vectors);
            case HEXAGONAL -> principal(rotations, 3, vectors);
            case CUBIC -> permutations(axes(rotations, hasType(rotations, 4) ? 4 : 2, false));
        };
    }

    /** Nonzero integer vectors with coefficients in [−RANGE, RANGE], shortest first. */
    private static List<int[]> shortVectors(double[][] lattice) {
        List<int[]> list = new ArrayList<>();
        for (int i = -RANGE; i <= RANGE; i++) {
            for (int j = -RANGE; j <= RANGE; j++) {
                for (int k = -RANGE; k <= RANGE; k++) {
                    if (i != 0 || j != 0 || k != 0) {
                        list.add(new int[] {i, j, k});
                    }
                }
            }
        }
        list.sort(Comparator.comparingDouble((int[] v) -> length(lattice, v)).thenComparing((int[] v) -> -v[0])
                .thenComparing((int[] v) -> -v[1]).thenComparing((int[] v) -> -v[2]));
        return list;
    }

    static double length(double[][] lattice, int[] v) {
        return Matrix3.norm(Matrix3.multiply(new double[] {v[0], v[1], v[2]}, lattice));
    }

    private static boolean hasType(List<int[][]> rotations, int type) {
        return rotations.stream().anyMatch(r -> PointGroups.type(r) == type);
    }

    /**
     * The distinct axes of the rotations of this order; with {@code improper}, also of the rotoinversions whose
     * proper part has this order (a mirror counts as a 2-fold axis along its normal).
     */
    private static List<int[]> axes(List<int[][]> rotations, int order, boolean improper) {
        List<int[]> axes = new ArrayList<>();
        for (int[][] r : rotations) {
            if (!improper && IntMatrix.det(r) != 1) {
                continue;
            }
            int[][] p = PointGroups.proper(r);
            if (PointGroups.type(p) != order) {
                continue;
            }
            int[] v = PointGroups.axis(p);
            boolean known = false;
            for (int[] a : axes) {
                known |= (a[0] == v[0] && a[1] == v[1] && a[2] == v[2]) || (a[0] == -v[0] && a[1] == -v[1] && a[2] == -v[2]);
            }
            if (!known) {
                axes.add(v);
            }
        }
        return axes;
    }

    /** The six orderings of three axes, each made right-handed by reversing the last axis when needed. */
    private static List<int[][]> permutations(List<int[]> axes) {
        List<int[][]> result = new ArrayList<>();
        if (axes.size() != 3) {
            return result;
        }
        int[][] orders = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}, {1, 0, 2}, {0, 2, 1}, {2, 1, 0}};
        for (int[] o : orders) {
            result.add(columns(axes.get(o[0]), axes.get(o[1]), axes.get(o[2])));
        }
        return result;
    }

    /** Tetragonal and hexagonal families: c along the principal axis, a the shortest perpendicular vector. */
    private static List<int[][]> principal(List<int[][]> rotations, int order, List<int[]> vectors) {
        int[][] rot = null;
        for (int[][] r : rotations) {
            int[][] p = PointGroups.proper(r);
            if (PointGroups.type(p) == order) {
                rot = p;
                break;
            }
        }
        List<int[][]> result = new ArrayList<>();
        if (rot == null) {
            return result;
        }
        int[] c = PointGroups.axis(rot);
        int[] a = null;
        for (int[] v : vectors) {
            if (perpendicular(rot, order, v)) {
                a = v;
                break;
            }
        }
        if (a == null) {
            return result;
        }
        int[] b = IntMatrix.multiply(rot, a);
        result.add(columns(a, b, c));
        int[] a2 = {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
        result.add(columns(a2, IntMatrix.multiply(rot, a2), c));
        return result;
    }

    /** Whether v is perpendicular to the axis of the n-fold rotation r: v + r·v + ... + r^(n−1)·v = 0. */
    private static boolean perpendicular(int[][] r, int n, int[] v) {
        int[] sum = v.clone();
        int[] w = v.clone();
        for (int k = 1; k < n; k++) {
            w = IntMatrix.multiply(r, w);
            for (int i = 0; i < 3; i++) {
                sum[i] += w[i];
            }
        }
        return sum[0] == 0 && sum[1] == 0 && sum[2] == 0;
    }

    /**
     * Monoclinic: b along the 2-fold axis (or mirror normal); a and c run over the bases of the perpendicular
     * lattice plane made of small combinations of its two shortest vectors, shortest |a| + |c| first.
     */
    private static List<int[][]> monoclinic(double[][] lattice, List<int[][]> rotations, List<int[]> vectors) {
        int[][] two = null;
        for (int[][] r : rotations) {
            int[][] p = PointGroups.proper(r);
            if (PointGroups.type(p) == 2) {
                two = p;
                break;
            }
        }
        List<int[][]> result = new ArrayList<>();
        if (two == null) {
            return result;
        }
        int[] b = PointGroups.axis(two);
        int[] a1 = null;
        int[] a2 = null;
        for (int[] v : vectors) {
            if (!perpendicular(two, 2, v)) {
                continue;
            }
            if (a1 == null) {
                a1 = v;
            } else if (!parallel(a1, v)) {
                a2 = v;
                break;
            }
        }
        if (a2 == null) {
            return result;
        }
        List<int[][]> pairs = new ArrayList<>();
        int m = 2;
        for (int i = -m; i <= m; i++) {
            for (int j = -m; j <= m; j++) {
                for (int k = -m; k <= m; k++) {
                    for (int l = -m; l <= m; l++) {
                        if (Math.abs(i * l - j * k) != 1) {
                            continue;
                        }
                        int[] a = combine(i, a1, j, a2);
                        int[] c = combine(k, a1, l, a2);
                        pairs.add(columns(a, b, c));
                    }
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((int[][] p) -> length(lattice, column(p, 0)) + length(lattice, column(p, 2))));
        return pairs;
    }

    private static int[] combine(int i, int[] u, int j, int[] v) {
        return new int[] {i * u[0] + j * v[0], i * u[1] + j * v[1], i * u[2] + j * v[2]};
    }

    private static boolean parallel(int[] u, int[] v) {
        return u[1] * v[2] - u[2] * v[1] == 0 && u[2] * v[0] - u[0] * v[2] == 0 && u[0] * v[1] - u[1] * v[0] == 0;
    }

    static int[] column(int[][] m, int j) {
        return new int[] {m[0][j], m[1][j], m[2][j]};
    }

    /** The matrix with columns a, b, c, with c reversed when that makes it right-handed. */
    static int[][] columns(int[] a, int[] b, int[] c) {
        int[][] m = {{a[0], b[0], c[0]}, {a[1], b[1], c[1]}, {a[2], b[2], c[2]}};
        if (IntMatrix.det(m) < 0) {
            for (int i = 0; i < 3; i++) {
                m[i][2] = -m[i][2];
            }
        }
        return m;
    }
}
