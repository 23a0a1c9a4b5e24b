package org.pxrd.model;

/**
 * Lenstra-Lenstra-Lovász (LLL) reduction of a lattice basis: a basis of the same lattice whose vectors are short
 * and nearly orthogonal (A. K. Lenstra, H. W. Lenstra, L. Lovász, Math. Ann. 261 (1982) 515; the textbook form of
 * H. Cohen, "A Course in Computational Algebraic Number Theory", Algorithm 2.6.3).
 *
 * <p>Algorithm, on the rows b₀, b₁, b₂ (Å) with Gram-Schmidt vectors b*ᵢ and coefficients
 * μ_kj = b_k·b*_j / |b*_j|²:
 * <ol>
 * <li>k = 1.</li>
 * <li>Size reduction: for j = k−1 down to 0, b_k ← b_k − round(μ_kj)·b_j (round half to even).</li>
 * <li>Lovász condition: if |b*_k|² ≥ (δ − μ²_k,k−1)·|b*_{k−1}|² then k ← k + 1, else swap b_k and b_{k−1} and
 * k ← max(k − 1, 1).</li>
 * <li>Repeat 2-3 while k &lt; 3.</li>
 * </ol>
 * The reduced rows are T·M for an integer matrix T with det T = ±1 (the LLL basis may be left-handed).
 */
public final class LllReduction {

    /** The Lovász parameter δ of the classic algorithm (and of pymatgen's {@code Lattice.lll_matrix}). */
    public static final double DEFAULT_DELTA = 0.75;

    /** Bound on the swaps: LLL on three vectors of any sane cell needs a few dozen; more means NaN input. */
    private static final int MAX_STEPS = 10_000;

    /**
     * A reduced basis.
     *
     * @param matrix the reduced lattice vectors as rows (Å)
     * @param transformation the integer matrix T with reduced rows = T · original rows
     */
    public record Result(double[][] matrix, int[][] transformation) {

        /** The reduced basis as a {@link Lattice} (Cartesian orientation of the input kept). */
        public Lattice lattice() {
            return Lattice.fromMatrix(matrix);
        }
    }

    private LllReduction() {
    }

    /** The LLL-reduced basis of a lattice with δ = {@value #DEFAULT_DELTA}. */
    public static Result reduce(Lattice lattice) {
        return reduce(lattice.matrix(), DEFAULT_DELTA);
    }

    /**
     * The LLL-reduced basis of the rows of {@code matrix} (Å).
     *
     * @param delta the Lovász parameter, in (1/4, 1)
     */
    public static Result reduce(double[][] matrix, double delta) {
        if (!(delta > 0.25 && delta < 1)) {
            throw new IllegalArgumentException("LLL parameter delta = " + delta + " must lie in (0.25, 1)");
        }
        double[][] b = Matrix3.copy(matrix);
        int[][] t = IntMatrix3.identity();
        int k = 1;
        for (int steps = 0; k < 3; steps++) {
            if (steps > MAX_STEPS) {
                throw new InvalidModelException("LLL reduction does not converge for " + java.util.Arrays.deepToString(matrix));
            }
            for (int j = k - 1; j >= 0; j--) {
                double mu = gramSchmidt(b)[0][k][j];
                double q = Math.rint(mu);
                if (q != 0) {
                    for (int c = 0; c < 3; c++) {
                        b[k][c] -= q * b[j][c];
                        t[k][c] -= (int) q * t[j][c];
                    }
                }
            }
            double[][][] gs = gramSchmidt(b);
            double muPrev = gs[0][k][k - 1];
            if (gs[1][0][k] >= (delta - muPrev * muPrev) * gs[1][0][k - 1]) {
                k++;
            } else {
                swap(b, k, k - 1);
                int[] row = t[k];
                t[k] = t[k - 1];
                t[k - 1] = row;
                k = Math.max(k - 1, 1);
            }
        }
        return new Result(b, t);
    }

    /** {μ (3x3), {|b*₀|², |b*₁|², |b*₂|²}} of the rows of b. */
    private static double[][][] gramSchmidt(double[][] b) {
        double[][] star = new double[3][];
        double[] norm2 = new double[3];
        double[][] mu = new double[3][3];
        for (int i = 0; i < 3; i++) {
            star[i] = b[i].clone();
            for (int j = 0; j < i; j++) {
                mu[i][j] = Matrix3.dot(b[i], star[j]) / norm2[j];
                for (int c = 0; c < 3; c++) {
                    star[i][c] -= mu[i][j] * star[j][c];
                }
            }
            norm2[i] = Matrix3.dot(star[i], star[i]);
        }
        return new double[][][] {mu, {norm2}};
    }

    private static void swap(double[][] m, int i, int j) {
        double[] row = m[i];
        m[i] = m[j];
        m[j] = row;
    }
}
