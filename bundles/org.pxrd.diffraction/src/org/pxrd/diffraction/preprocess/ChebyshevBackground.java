package org.pxrd.diffraction.preprocess;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;
import org.pxrd.core.extensions.Settings;
import org.pxrd.model.Pattern;

/**
 * Background as a Chebyshev polynomial fitted by iterative peak clipping: the modified polynomial fit of Lieber and
 * Mahadevan-Jansen (Appl. Spectrosc. 57 (2003) 1363) with the noise allowance of Zhao, Lui, McLean and Zeng
 * (Appl. Spectrosc. 61 (2007) 1225, "I-ModPoly"). Contribution {@code org.pxrd.diffraction.chebyshev}.
 *
 * <p>The background is b(2θ) = Σ_{k=0..N} c_k T_k(t) with t = 2(2θ − 2θ_first)/(2θ_last − 2θ_first) − 1 ∈ [−1, 1]
 * and T_k the Chebyshev polynomials of the first kind (T_0 = 1, T_1 = t, T_{k+1} = 2t T_k − T_{k−1}); N is the
 * setting {@code order}. Steps:
 * <ol>
 * <li>z = y (the working copy of the intensities);</li>
 * <li>least-squares fit of c to z (QR decomposition of the n × (N+1) design matrix, made once), b = fit;</li>
 * <li>σ_r = the root mean square of z − b; every point above the fit by more than κσ_r is clipped to it:
 * z_i ← min(z_i, b_i + κσ_r) (κ = setting {@code noiseAllowance}; κ = 0 is the plain modified polynomial fit, which
 * settles on the lower edge of the noise; κ = 1 follows its middle);</li>
 * <li>repeat from 2 until the fitted background moves by less than {@code tolerance} (relative, root mean square) or
 * {@code iterations} fits have been made.</li>
 * </ol>
 * Peaks rise above the fit and are clipped away step by step; the broad background stays. The order sets how much
 * curvature the background may have: too low leaves a steep low-angle background under-fitted, too high lets the
 * polynomial follow clusters of peaks.
 */
public final class ChebyshevBackground implements BackgroundEstimator {

    private final int order;
    private final double noiseAllowance;
    private final int iterations;
    private final double tolerance;

    /** With the declared settings {@code order}, {@code noiseAllowance}, {@code iterations}, {@code tolerance}. */
    public ChebyshevBackground(Settings settings) {
        this(settings.getInt("order"), settings.getDouble("noiseAllowance"), settings.getInt("iterations"),
                settings.getDouble("tolerance"));
    }

    /**
     * @param order the polynomial degree N ≥ 0
     * @param noiseAllowance κ ≥ 0
     * @param iterations the most fits, ≥ 1
     * @param tolerance relative change of the background that ends the iteration, positive
     */
    public ChebyshevBackground(int order, double noiseAllowance, int iterations, double tolerance) {
        if (order < 0) {
            throw new IllegalArgumentException("Chebyshev order " + order + " must not be negative");
        }
        if (!(noiseAllowance >= 0 && Double.isFinite(noiseAllowance))) {
            throw new IllegalArgumentException("noise allowance " + noiseAllowance + " must be a number >= 0");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations " + iterations + " must be at least 1");
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance " + tolerance + " must be positive");
        }
        this.order = order;
        this.noiseAllowance = noiseAllowance;
        this.iterations = iterations;
        this.tolerance = tolerance;
    }

    @Override
    public double[] background(Pattern pattern) {
        int n = pattern.size();
        int terms = order + 1;
        if (n < 2 * terms) {
            throw new IllegalArgumentException("a Chebyshev background of order " + order + " needs at least "
                    + 2 * terms + " points, the pattern has " + n);
        }
        double[] x = pattern.twoThetaArray();
        double[][] design = design(x, order);
        DecompositionSolver solver = new QRDecomposition(new Array2DRowRealMatrix(design, false)).getSolver();
        double[] z = pattern.intensityArray();
        double[] b = new double[n];
        for (int iteration = 0; iteration < iterations; iteration++) {
            RealVector c = solver.solve(new ArrayRealVector(z, false));
            double change = 0;
            double size = 0;
            double residual = 0;
            for (int i = 0; i < n; i++) {
                double bi = 0;
                for (int k = 0; k < terms; k++) {
                    bi += c.getEntry(k) * design[i][k];
                }
                change += (bi - b[i]) * (bi - b[i]);
                size += bi * bi;
                b[i] = bi;
                residual += (z[i] - bi) * (z[i] - bi);
            }
            if (iteration > 0 && change <= tolerance * tolerance * size) {
                break;
            }
            double allowance = noiseAllowance * Math.sqrt(residual / n);
            for (int i = 0; i < n; i++) {
                z[i] = Math.min(z[i], b[i] + allowance);
            }
        }
        return b;
    }

    /** The n × (N+1) matrix T_k(t_i). */
    static double[][] design(double[] x, int order) {
        int n = x.length;
        double span = x[n - 1] - x[0];
        double[][] a = new double[n][order + 1];
        for (int i = 0; i < n; i++) {
            double t = 2 * (x[i] - x[0]) / span - 1;
            a[i][0] = 1;
            if (order >= 1) {
                a[i][1] = t;
            }
            for (int k = 2; k <= order; k++) {
                a[i][k] = 2 * t * a[i][k - 1] - a[i][k - 2];
            }
        }
        return a;
    }
}
