package org.pxrd.diffraction.preprocess;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealVector;
import org.pxrd.core.extensions.Settings;
import org.pxrd.model.Pattern;

/**
 * Savitzky-Golay smoothing (Savitzky and Golay, Anal. Chem. 36 (1964) 1627): each intensity is replaced by the value
 * at its 2θ of the polynomial of degree d (setting {@code order}) fitted by least squares to the N points of a window
 * around it (setting {@code window}, odd). Contribution {@code org.pxrd.diffraction.savgol}.
 *
 * <p>Steps for point i:
 * <ol>
 * <li>the window: N consecutive points centred on i, shifted inwards at the ends of the pattern so that it always
 * holds N points (the edge rule of fitting the first and last windows);</li>
 * <li>u_k = (2θ_k − c)/h ∈ [−1, 1], c and h the centre and half-span of the window in 2θ (the pattern's own 2θ, so an
 * uneven grid is fitted as it is);</li>
 * <li>in the basis T_0..T_d of Chebyshev polynomials (well conditioned on [−1, 1]), with G = VᵀV, V_kj = T_j(u_k), the
 * fitted value at u_i is Σ_k w_k y_k with w = V G⁻¹ t, t_j = T_j(u_i) (G solved by Cholesky);</li>
 * <li>esds: σ'_i = (Σ_k w_k² σ_k²)^½ (the correlation the filter creates between neighbours is not carried).</li>
 * </ol>
 * On an evenly spaced grid the interior weights are the classical convolution coefficients, e.g. (−3, 12, 17, 12,
 * −3)/35 for N = 5, d = 2; they are computed once and reused while the window's spacing repeats. Polynomials of
 * degree ≤ d pass unchanged.
 */
public final class SavitzkyGolaySmoothing implements PatternPreprocessor {

    /** Two windows are the same shape when their u values agree this well (rounding of 2θ in files). */
    private static final double SAME_WINDOW = 1e-9;

    private final int window;
    private final int order;

    /** With the declared settings {@code window} (points, odd) and {@code order}. */
    public SavitzkyGolaySmoothing(Settings settings) {
        this(settings.getInt("window"), settings.getInt("order"));
    }

    /**
     * @param window N, odd, ≥ 3
     * @param order d, 0 ≤ d &lt; N
     */
    public SavitzkyGolaySmoothing(int window, int order) {
        if (window < 3 || window % 2 == 0) {
            throw new IllegalArgumentException("Savitzky-Golay window " + window + " must be an odd number >= 3");
        }
        if (order < 0 || order >= window) {
            throw new IllegalArgumentException("Savitzky-Golay order " + order + " must lie in [0, window - 1 = "
                    + (window - 1) + "]");
        }
        this.window = window;
        this.order = order;
    }

    @Override
    public Pattern apply(Pattern pattern) {
        int n = pattern.size();
        if (n < window) {
            throw new IllegalArgumentException("the Savitzky-Golay window of " + window + " points is longer than the "
                    + "pattern's " + n + " points");
        }
        double[] x = pattern.twoThetaArray();
        double[] y = pattern.intensityArray();
        double[] s = pattern.esdArray();
        double[] out = new double[n];
        double[] outEsd = s == null ? null : new double[n];
        double[] u = new double[window];
        double[] previousU = new double[window];
        double previousAt = Double.NaN;
        double[] w = new double[window];
        int half = window / 2;
        for (int i = 0; i < n; i++) {
            int lo = Math.max(0, Math.min(i - half, n - window));
            double centre = 0.5 * (x[lo] + x[lo + window - 1]);
            double halfSpan = 0.5 * (x[lo + window - 1] - x[lo]);
            for (int k = 0; k < window; k++) {
                u[k] = (x[lo + k] - centre) / halfSpan;
            }
            double at = (x[i] - centre) / halfSpan;
            if (!sameShape(u, previousU, at, previousAt)) {
                weights(u, at, w);
                System.arraycopy(u, 0, previousU, 0, window);
                previousAt = at;
            }
            double sum = 0;
            double variance = 0;
            for (int k = 0; k < window; k++) {
                sum += w[k] * y[lo + k];
                if (s != null) {
                    variance += w[k] * w[k] * s[lo + k] * s[lo + k];
                }
            }
            out[i] = sum;
            if (outEsd != null) {
                outEsd[i] = Math.sqrt(variance);
            }
        }
        return new Pattern(pattern.name(), x, out, outEsd, pattern.wavelength().orElse(Double.NaN));
    }

    private static boolean sameShape(double[] u, double[] previous, double at, double previousAt) {
        if (!(Math.abs(at - previousAt) <= SAME_WINDOW)) {
            return false;
        }
        for (int k = 0; k < u.length; k++) {
            if (Math.abs(u[k] - previous[k]) > SAME_WINDOW) {
                return false;
            }
        }
        return true;
    }

    /** w = V G⁻¹ t (see the class comment), written into {@code w}. */
    private void weights(double[] u, double at, double[] w) {
        int terms = order + 1;
        double[][] v = new double[u.length][];
        for (int k = 0; k < u.length; k++) {
            v[k] = chebyshev(u[k], order);
        }
        double[][] g = new double[terms][terms];
        for (double[] row : v) {
            for (int a = 0; a < terms; a++) {
                for (int b = 0; b < terms; b++) {
                    g[a][b] += row[a] * row[b];
                }
            }
        }
        RealVector solved = new CholeskyDecomposition(new Array2DRowRealMatrix(g, false)).getSolver()
                .solve(new ArrayRealVector(chebyshev(at, order), false));
        for (int k = 0; k < u.length; k++) {
            double sum = 0;
            for (int j = 0; j < terms; j++) {
                sum += v[k][j] * solved.getEntry(j);
            }
            w[k] = sum;
        }
    }

    /** T_0(u) .. T_d(u). */
    private static double[] chebyshev(double u, int d) {
        double[] t = new double[d + 1];
        t[0] = 1;
        if (d >= 1) {
            t[1] = u;
        }
        for (int j = 2; j <= d; j++) {
            t[j] = 2 * u * t[j - 1] - t[j - 2];
        }
        return t;
    }
}
