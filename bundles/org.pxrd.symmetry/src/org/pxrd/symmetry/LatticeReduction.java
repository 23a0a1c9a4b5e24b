package org.pxrd.symmetry;

import org.pxrd.model.Matrix3;

/**
 * Lattice basis reductions used by the symmetry finder. Lattices are 3x3 matrices whose rows are the basis
 * vectors in Cartesian Å; each reduction returns the integer matrix T (rows) with reduced = T·basis, so that
 * fractional coordinates transform as x' = x·T⁻¹.
 *
 * <ul>
 * <li>{@link #delaunay}: Delaunay (Selling) reduction. With b₄ = −(b₁+b₂+b₃), while some b_i·b_j &gt; ε
 * (i ≠ j), replace b_k by b_k + b_i for the two other k and b_i by −b_i. Every scalar product of the
 * superbase is then ≤ 0; the reduced basis is the three shortest linearly independent vectors of
 * {b₁, b₂, b₃, b₄, b₁+b₂, b₂+b₃, b₃+b₁} that span the same volume (B. N. Delaunay, Z. Kristallogr. 84 (1933) 109;
 * International Tables Vol. A, section 3.1.2.2).</li>
 * <li>{@link #niggli}: the Niggli-reduced cell by the algorithm of I. Křivý and B. Gruber, Acta Cryst. A32
 * (1976) 297, with the ε comparisons of R. W. Grosse-Kunstleve, N. K. Sauter and P. D. Adams, Acta Cryst. A60
 * (2004) 1.</li>
 * <li>{@link #lll}: Lenstra-Lenstra-Lovász reduction with δ = 3/4 (Math. Ann. 261 (1982) 515), the form
 * pymatgen's {@code Lattice.get_lll_reduced_lattice} applies to triclinic conventional cells.</li>
 * </ul>
 */
final class LatticeReduction {

    /** Relative tolerance on scalar products (Å² per Å² of the cell scale) for the reduction conditions. */
    static final double EPSILON = 1e-5;
    private static final int MAX_ITERATIONS = 1000;

    private LatticeReduction() {
    }

    /** A reduced basis and the integer matrix that makes it from the input basis: reduced = transform·input. */
    record Reduced(double[][] basis, int[][] transform) {
    }

    static Reduced delaunay(double[][] basis) {
        double scale = Math.cbrt(Math.abs(Matrix3.det(basis)));
        double eps = EPSILON * scale * scale;
        double[][] b = new double[4][];
        int[][] t = new int[4][];
        for (int i = 0; i < 3; i++) {
            b[i] = basis[i].clone();
            t[i] = new int[3];
            t[i][i] = 1;
        }
        b[3] = new double[3];
        t[3] = new int[3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                b[3][k] -= b[i][k];
                t[3][k] -= t[i][k];
            }
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = false;
            outer:
            for (int i = 0; i < 4; i++) {
                for (int j = i + 1; j < 4; j++) {
                    if (Matrix3.dot(b[i], b[j]) > eps) {
                        for (int k = 0; k < 4; k++) {
                            if (k != i && k != j) {
                                for (int m = 0; m < 3; m++) {
                                    b[k][m] += b[i][m];
                                    t[k][m] += t[i][m];
                                }
                            }
                        }
                        for (int m = 0; m < 3; m++) {
                            b[i][m] = -b[i][m];
                            t[i][m] = -t[i][m];
                        }
                        changed = true;
                        break outer;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        double[][] candidates = new double[7][];
        int[][] coefficients = new int[7][];
        for (int i = 0; i < 4; i++) {
            candidates[i] = b[i];
            coefficients[i] = t[i];
        }
        int[][] pairs = {{0, 1}, {1, 2}, {2, 0}};
        for (int p = 0; p < 3; p++) {
            candidates[4 + p] = new double[3];
            coefficients[4 + p] = new int[3];
            for (int m = 0; m < 3; m++) {
                candidates[4 + p][m] = b[pairs[p][0]][m] + b[pairs[p][1]][m];
                coefficients[4 + p][m] = t[pairs[p][0]][m] + t[pairs[p][1]][m];
            }
        }
        Integer[] order = {0, 1, 2, 3, 4, 5, 6};
        java.util.Arrays.sort(order, (x, y) -> Double.compare(Matrix3.norm(candidates[x]), Matrix3.norm(candidates[y])));
        double volume = Math.abs(Matrix3.det(basis));
        for (int i = 0; i < 7; i++) {
            for (int j = i + 1; j < 7; j++) {
                for (int k = j + 1; k < 7; k++) {
                    double[][] m = {candidates[order[i]], candidates[order[j]], candidates[order[k]]};
                    if (Math.abs(Math.abs(Matrix3.det(m)) - volume) < 1e-6 * volume) {
                        int[][] tr = {coefficients[order[i]].clone(), coefficients[order[j]].clone(),
                            coefficients[order[k]].clone()};
                        if (IntMatrix.det(tr) < 0) {
                            for (int q = 0; q < 3; q++) {
                                m[2] = m[2].clone();
                                m[2][q] = -m[2][q];
                                tr[2][q] = -tr[2][q];
                            }
                        }
                        return new Reduced(Matrix3.copy(m), tr);
                    }
                }
            }
        }
        return new Reduced(Matrix3.copy(basis), IntMatrix.identity());
    }

    /**
     * The Niggli-reduced basis (Křivý-Gruber steps A1-A8): a ≤ b ≤ c, |2 b·c| ≤ b², |2 a·c| ≤ a², |2 a·b| ≤ a²,
     * the three angles all acute or all non-acute, plus the special conditions on the boundary.
     */
    static Reduced niggli(double[][] basis) {
        double[][] b = Matrix3.copy(basis);
        int[][] t = IntMatrix.identity();
        double scale = Math.cbrt(Math.abs(Matrix3.det(basis)));
        double eps = EPSILON * scale * scale;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double a2 = Matrix3.dot(b[0], b[0]);
            double b2 = Matrix3.dot(b[1], b[1]);
            double c2 = Matrix3.dot(b[2], b[2]);
            double xi = 2 * Matrix3.dot(b[1], b[2]);
            double eta = 2 * Matrix3.dot(b[0], b[2]);
            double zeta = 2 * Matrix3.dot(b[0], b[1]);
            // A1
            if (a2 > b2 + eps || (Math.abs(a2 - b2) <= eps && Math.abs(xi) > Math.abs(eta) + eps)) {
                apply(b, t, new int[][] {{0, -1, 0}, {-1, 0, 0}, {0, 0, -1}});
                continue;
            }
            // A2
            if (b2 > c2 + eps || (Math.abs(b2 - c2) <= eps && Math.abs(eta) > Math.abs(zeta) + eps)) {
                apply(b, t, new int[][] {{-1, 0, 0}, {0, 0, -1}, {0, -1, 0}});
                continue;
            }
            // A3 / A4: make all three products positive or all non-positive
            int sx = sign(xi, eps);
            int sy = sign(eta, eps);
            int sz = sign(zeta, eps);
            if (sx * sy * sz > 0) {
                apply(b, t, new int[][] {{sx < 0 ? -1 : 1, 0, 0}, {0, sy < 0 ? -1 : 1, 0}, {0, 0, sz < 0 ? -1 : 1}});
            } else if (!(sx > 0 && sy > 0 && sz > 0)) {
                int[] f = {1, 1, 1};
                int zeroIndex = -1;
                if (sx > 0) {
                    f[0] = -1;
                } else if (sx == 0) {
                    zeroIndex = 0;
                }
                if (sy > 0) {
                    f[1] = -1;
                } else if (sy == 0) {
                    zeroIndex = 1;
                }
                if (sz > 0) {
                    f[2] = -1;
                } else if (sz == 0) {
                    zeroIndex = 2;
                }
                if (f[0] * f[1] * f[2] < 0 && zeroIndex >= 0) {
                    f[zeroIndex] = -1;
                }
                if (f[0] * f[1] * f[2] > 0) {
                    apply(b, t, new int[][] {{f[0], 0, 0}, {0, f[1], 0}, {0, 0, f[2]}});
                }
            }
            a2 = Matrix3.dot(b[0], b[0]);
            b2 = Matrix3.dot(b[1], b[1]);
            xi = 2 * Matrix3.dot(b[1], b[2]);
            eta = 2 * Matrix3.dot(b[0], b[2]);
            zeta = 2 * Matrix3.dot(b[0], b[1]);
            // A5
            if (Math.abs(xi) > b2 + eps || (Math.abs(xi - b2) <= eps && 2 * eta < zeta - eps)
                    || (Math.abs(xi + b2) <= eps && zeta < -eps)) {
                apply(b, t, new int[][] {{1, 0, 0}, {0, 1, 0}, {0, -(int) Math.signum(xi), 1}});
                continue;
            }
            // A6
            if (Math.abs(eta) > a2 + eps || (Math.abs(eta - a2) <= eps && 2 * xi < zeta - eps)
                    || (Math.abs(eta + a2) <= eps && zeta < -eps)) {
                apply(b, t, new int[][] {{1, 0, 0}, {0, 1, 0}, {-(int) Math.signum(eta), 0, 1}});
                continue;
            }
            // A7
            if (Math.abs(zeta) > a2 + eps || (Math.abs(zeta - a2) <= eps && 2 * xi < eta - eps)
                    || (Math.abs(zeta + a2) <= eps && eta < -eps)) {
                apply(b, t, new int[][] {{1, 0, 0}, {-(int) Math.signum(zeta), 1, 0}, {0, 0, 1}});
                continue;
            }
            // A8
            if (xi + eta + zeta + a2 + b2 < -eps || (Math.abs(xi + eta + zeta + a2 + b2) <= eps
                    && 2 * (a2 + eta) + zeta > eps)) {
                apply(b, t, new int[][] {{1, 0, 0}, {0, 1, 0}, {1, 1, 1}});
                continue;
            }
            break;
        }
        return new Reduced(b, t);
    }

    private static int sign(double x, double eps) {
        return x > eps ? 1 : x < -eps ? -1 : 0;
    }

    /** basis ← m·basis and transform ← m·transform. */
    private static void apply(double[][] basis, int[][] transform, int[][] m) {
        double[][] nb = new double[3][3];
        int[][] nt = new int[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    nb[i][j] += m[i][k] * basis[k][j];
                    nt[i][j] += m[i][k] * transform[k][j];
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            basis[i] = nb[i];
            transform[i] = nt[i];
        }
    }

    /** LLL reduction (δ = 3/4) of the rows, with size reduction |μ_ij| ≤ ½ (the textbook algorithm). */
    static Reduced lll(double[][] basis) {
        double delta = 0.75;
        double[][] b = Matrix3.copy(basis);
        int[][] t = IntMatrix.identity();
        int k = 1;
        int guard = 0;
        while (k < 3 && guard++ < MAX_ITERATIONS) {
            double[][] bStar = new double[3][];
            double[][] mu = new double[3][3];
            gramSchmidt(b, bStar, mu);
            for (int j = k - 1; j >= 0; j--) {
                long q = Math.round(mu[k][j]);
                if (q != 0) {
                    for (int m = 0; m < 3; m++) {
                        b[k][m] -= q * b[j][m];
                        t[k][m] -= (int) q * t[j][m];
                    }
                    gramSchmidt(b, bStar, mu);
                }
            }
            if (Matrix3.dot(bStar[k], bStar[k]) >= (delta - mu[k][k - 1] * mu[k][k - 1])
                    * Matrix3.dot(bStar[k - 1], bStar[k - 1])) {
                k++;
            } else {
                double[] tmp = b[k];
                b[k] = b[k - 1];
                b[k - 1] = tmp;
                int[] ti = t[k];
                t[k] = t[k - 1];
                t[k - 1] = ti;
                k = Math.max(k - 1, 1);
            }
        }
        return new Reduced(b, t);
    }

    private static void gramSchmidt(double[][] b, double[][] bStar, double[][] mu) {
        for (int i = 0; i < 3; i++) {
            bStar[i] = b[i].clone();
            for (int j = 0; j < i; j++) {
                mu[i][j] = Matrix3.dot(b[i], bStar[j]) / Matrix3.dot(bStar[j], bStar[j]);
                for (int m = 0; m < 3; m++) {
                    bStar[i][m] -= mu[i][j] * bStar[j][m];
                }
            }
        }
    }
}
