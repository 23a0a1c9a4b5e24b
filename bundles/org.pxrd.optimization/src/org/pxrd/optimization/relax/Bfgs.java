package org.pxrd.optimization.relax;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.pxrd.optimization.run.EvaluationException;

/**
 * A quasi-Newton (BFGS) minimiser driven by gradients only, so that it tolerates the energy noise of
 * single-precision machine-learned potentials (there is no line search on the energy).
 *
 * <p>It keeps an estimate B of the Hessian, starting from B₀ = α·I with α = {@link #INITIAL_CURVATURE}
 * eV/Å² (a typical interatomic stiffness). Each step, with g the gradient at x:
 * <ol>
 * <li>If there was a previous point: s = x − x_prev, y = g − g_prev and, when the curvature condition
 * yᵀs &gt; 0 holds (else the update is skipped, which keeps B positive definite), the BFGS update
 * B ← B + y·yᵀ/(yᵀs) − (B·s)(B·s)ᵀ/(sᵀ·B·s) (Nocedal and Wright, Numerical Optimization, 2nd ed., eq. 6.19).</li>
 * <li>Newton step on B through its eigen-decomposition B = V·diag(ω)·Vᵀ: Δx = −V·diag(1/|ω|)·Vᵀ·g.</li>
 * <li>Δx is scaled down so that no row of three moves more than {@code maxStep} (a trust region: Å for atoms),
 * and x + Δx is evaluated.</li>
 * </ol>
 */
public final class Bfgs implements Minimizer {

    /** α of B₀ = α·I in eV/Å²: a typical interatomic force constant, so the first step is F/α. */
    public static final double INITIAL_CURVATURE = 70.0;
    /** yᵀs must exceed this fraction of |y|·|s| for an update (guards against round-off in flat regions). */
    private static final double CURVATURE_FLOOR = 1e-12;

    private final double maxStep;
    private RealMatrix hessian;
    private double[] previousX;
    private double[] previousGradient;

    /** @param maxStep the largest move of a row of three per step (Å for atoms) */
    public Bfgs(double maxStep) {
        this.maxStep = maxStep;
    }

    @Override
    public <S> Point<S> step(Point<S> current, Objective<S> objective) throws EvaluationException {
        double[] x = current.x();
        double[] g = current.gradient();
        int n = x.length;
        if (hessian == null) {
            hessian = MatrixUtils.createRealIdentityMatrix(n).scalarMultiply(INITIAL_CURVATURE);
        } else {
            update(x, g);
        }
        previousX = x;
        previousGradient = g;
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(hessian);
        RealMatrix v = eigen.getV();
        double[] omega = eigen.getEigenvalues();
        double[] projected = v.transpose().operate(g);
        for (int k = 0; k < n; k++) {
            projected[k] /= Math.abs(omega[k]);
        }
        double[] dx = v.operate(projected);
        for (int i = 0; i < n; i++) {
            dx[i] = -dx[i];
        }
        Vectors.capRows(dx, maxStep);
        return objective.evaluate(Vectors.add(x, dx));
    }

    private void update(double[] x, double[] g) {
        int n = x.length;
        double[] s = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = x[i] - previousX[i];
            y[i] = g[i] - previousGradient[i];
        }
        double ys = Vectors.dot(y, s);
        if (!(ys > CURVATURE_FLOOR * Vectors.norm(y) * Vectors.norm(s))) {
            return;
        }
        double[] bs = hessian.operate(s);
        double sbs = Vectors.dot(s, bs);
        if (!(sbs > 0)) {
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                hessian.addToEntry(i, j, y[i] * y[j] / ys - bs[i] * bs[j] / sbs);
            }
        }
    }
}
