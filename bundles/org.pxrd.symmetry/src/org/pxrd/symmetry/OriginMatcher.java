package org.pxrd.symmetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pxrd.model.Matrix3;
import org.pxrd.model.SymmetryOperation;

/**
 * Compares the operations found in a primitive cell, expressed in a candidate conventional basis P, with a
 * tabulated setting, and finds the origin shift that makes them equal.
 *
 * <p>In the basis P an operation (W, w) of the primitive cell becomes (P⁻¹WP, P⁻¹w), and the primitive lattice
 * points become the centring translations {u ∈ [0,1)³ : P·u ∈ ℤ³}. Both must agree with the table: the same
 * centring translations and, for every operation, a tabulated operation with the same rotation W'. Moving the
 * origin by p changes a translation w' to w' + (I − W')·p, so p must solve the congruences
 * P·(I − W')·p ≡ P·t_table − w (mod ℤ³, i.e. modulo the primitive lattice) for all operations. These are solved
 * exactly by integer row reduction to echelon form: a pivot h on unknown p_j gives h solutions
 * p_j = (r − Σ h_k p_k + n)/h, n = 0..h−1; unknowns without a pivot (polar directions) are set to 0. Each
 * solution is accepted when every operation then agrees with the table within the tolerance (Cartesian Å).
 */
final class OriginMatcher {

    /** The residual of a matched translation may reach this many times the symmetry tolerance. */
    static final double RESIDUAL_FACTOR = 3.0;

    private OriginMatcher() {
    }

    /**
     * Every origin shift (conventional fractional coordinates, components in (−½, ½]) that makes the operations,
     * expressed in the basis, equal to the table's; empty when the basis or the group does not fit.
     */
    static List<double[]> shifts(SpaceGroup group, int[][] basis, double[][] primLattice,
            List<SymmetryFinder.Op> ops, double tol) {
        int det = IntMatrix.det(basis);
        if (det <= 0 || ops.size() * det != group.order()) {
            return List.of();
        }
        double[][] p = IntMatrix.toDouble(basis);
        double[][] pInv = Matrix3.inverse(p);
        if (!centringMatches(group, basis, det)) {
            return List.of();
        }
        Map<String, double[]> table = new HashMap<>();
        for (SymmetryOperation op : group.operations()) {
            table.putIfAbsent(IntMatrix.key(op.rotation()), op.translation());
        }
        int k = ops.size();
        long[][] a = new long[3 * k][3];
        double[] rhs = new double[3 * k];
        for (int n = 0; n < k; n++) {
            SymmetryFinder.Op op = ops.get(n);
            int[][] w = IntMatrix.rounded(Matrix3.multiply(Matrix3.multiply(pInv, IntMatrix.toDouble(op.r())), p));
            if (w == null) {
                return List.of();
            }
            double[] tTable = table.get(IntMatrix.key(w));
            if (tTable == null) {
                return List.of();
            }
            int[][] iMinusW = new int[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    iMinusW[i][j] = (i == j ? 1 : 0) - w[i][j];
                }
            }
            int[][] pa = IntMatrix.multiply(basis, iMinusW);
            double[] pt = IntMatrix.multiply(basis, tTable);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    a[3 * n + i][j] = pa[i][j];
                }
                rhs[3 * n + i] = pt[i] - op.t()[i];
            }
        }
        List<double[]> valid = new ArrayList<>();
        for (double[] shift : solutions(a, rhs)) {
            if (agrees(a, rhs, shift, primLattice, tol * RESIDUAL_FACTOR)) {
                valid.add(new double[] {SymmetryFinder.centred(shift[0]), SymmetryFinder.centred(shift[1]),
                    SymmetryFinder.centred(shift[2])});
            }
        }
        return valid;
    }

    /** Whether the lattice points of the primitive cell, in basis P, are the table's centring translations. */
    private static boolean centringMatches(SpaceGroup group, int[][] basis, int det) {
        Set<String> found = new HashSet<>();
        for (int i = 0; i < det; i++) {
            for (int j = 0; j < det; j++) {
                for (int l = 0; l < det; l++) {
                    int[] y = IntMatrix.multiply(basis, new int[] {i, j, l});
                    if (y[0] % det == 0 && y[1] % det == 0 && y[2] % det == 0) {
                        found.add(key(new double[] {i / (double) det, j / (double) det, l / (double) det}));
                    }
                }
            }
        }
        Set<String> expected = new HashSet<>();
        for (SymmetryOperation op : group.operations()) {
            if (IntMatrix.equal(op.rotation(), IntMatrix.identity())) {
                expected.add(key(op.translation()));
            }
        }
        return found.equals(expected);
    }

    private static String key(double[] t) {
        StringBuilder sb = new StringBuilder();
        for (double x : t) {
            sb.append(Math.floorMod(Math.round(x * 12), 12)).append(',');
        }
        return sb.toString();
    }

    /** Every solution of A·p ≡ b (mod ℤ) modulo the lattice, by integer row reduction (see the class comment). */
    static List<double[]> solutions(long[][] aIn, double[] bIn) {
        int rows = aIn.length;
        long[][] a = new long[rows][];
        double[] b = bIn.clone();
        for (int i = 0; i < rows; i++) {
            a[i] = aIn[i].clone();
        }
        int[] pivotRowOfColumn = {-1, -1, -1};
        int row = 0;
        for (int col = 0; col < 3 && row < rows; col++) {
            while (true) {
                int best = -1;
                for (int r = row; r < rows; r++) {
                    if (a[r][col] != 0 && (best < 0 || Math.abs(a[r][col]) < Math.abs(a[best][col]))) {
                        best = r;
                    }
                }
                if (best < 0) {
                    break;
                }
                swap(a, b, row, best);
                boolean cleared = true;
                for (int r = row + 1; r < rows; r++) {
                    if (a[r][col] != 0) {
                        long f = Math.floorDiv(a[r][col], a[row][col]);
                        for (int j = 0; j < 3; j++) {
                            a[r][j] -= f * a[row][j];
                        }
                        b[r] -= f * b[row];
                        if (a[r][col] != 0) {
                            cleared = false;
                        }
                    }
                }
                if (cleared) {
                    if (a[row][col] < 0) {
                        for (int j = 0; j < 3; j++) {
                            a[row][j] = -a[row][j];
                        }
                        b[row] = -b[row];
                    }
                    pivotRowOfColumn[col] = row;
                    row++;
                    break;
                }
            }
        }
        List<double[]> result = new ArrayList<>();
        backSubstitute(a, b, pivotRowOfColumn, 2, new double[3], result);
        return result;
    }

    private static void backSubstitute(long[][] a, double[] b, int[] pivotRow, int col, double[] p,
            List<double[]> out) {
        if (col < 0) {
            out.add(p.clone());
            return;
        }
        int r = pivotRow[col];
        if (r < 0) {
            p[col] = 0;
            backSubstitute(a, b, pivotRow, col - 1, p, out);
            return;
        }
        double rest = b[r];
        for (int j = col + 1; j < 3; j++) {
            rest -= a[r][j] * p[j];
        }
        long h = a[r][col];
        for (long n = 0; n < h; n++) {
            p[col] = (rest + n) / h;
            backSubstitute(a, b, pivotRow, col - 1, p, out);
        }
    }

    private static void swap(long[][] a, double[] b, int i, int j) {
        long[] t = a[i];
        a[i] = a[j];
        a[j] = t;
        double s = b[i];
        b[i] = b[j];
        b[j] = s;
    }

    /** Whether every congruence holds within the distance tolerance (Å) in the primitive lattice. */
    private static boolean agrees(long[][] a, double[] b, double[] p, double[][] primLattice, double tolerance) {
        for (int n = 0; n < a.length / 3; n++) {
            double[] residual = new double[3];
            for (int i = 0; i < 3; i++) {
                double v = -b[3 * n + i];
                for (int j = 0; j < 3; j++) {
                    v += a[3 * n + i][j] * p[j];
                }
                residual[i] = SymmetryFinder.centred(v);
            }
            if (SymmetryFinder.distance(primLattice, residual, new double[3]) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
