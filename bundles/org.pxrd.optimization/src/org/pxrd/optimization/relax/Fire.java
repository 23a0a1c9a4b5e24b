package org.pxrd.optimization.relax;

import org.pxrd.optimization.run.EvaluationException;

/**
 * FIRE, the fast inertial relaxation engine (Bitzek, Koskinen, Gähler, Moseler and Gumbsch, Phys. Rev. Lett. 97
 * (2006) 170201): damped molecular dynamics of unit masses on F = −∇E that mixes the velocity toward the force
 * and stops dead whenever it goes uphill.
 *
 * <p>Each step, with F = −gradient at the current point and v the velocity (zero at the start):
 * <ol>
 * <li>P = F·v. If P &gt; 0: v ← (1 − α)·v + α·|v|·F/|F|, and after more than N_min such steps in a row
 * Δt ← min(Δt·f_inc, Δt_max), α ← α·f_α. If P ≤ 0: v ← 0, Δt ← Δt·f_dec, α ← α_start.</li>
 * <li>Euler step: v ← v + Δt·F, Δx = Δt·v, scaled down if needed so that no row of three moves more than
 * {@code maxStep} (Å for atoms).</li>
 * <li>x ← x + Δx, evaluated.</li>
 * </ol>
 * The parameters are the paper's: N_min = 5, f_inc = 1.1, f_dec = 0.5, α_start = 0.1, f_α = 0.99, with
 * Δt = 0.1 and Δt_max = 1 (units: Å, eV, unit mass; the values ASE uses too).
 */
public final class Fire implements Minimizer {

    /** Steps with P &gt; 0 before the time step may grow. */
    public static final int N_MIN = 5;
    /** Time step growth factor. */
    public static final double F_INC = 1.1;
    /** Time step cut on an uphill step. */
    public static final double F_DEC = 0.5;
    /** Initial mixing α. */
    public static final double ALPHA_START = 0.1;
    /** Decay of α. */
    public static final double F_ALPHA = 0.99;
    /** Initial time step. */
    public static final double DT_START = 0.1;
    /** Largest time step. */
    public static final double DT_MAX = 1.0;

    private final double maxStep;
    private double[] velocity;
    private double dt = DT_START;
    private double alpha = ALPHA_START;
    private int downhillSteps;

    /** @param maxStep the largest move of a row of three per step (Å for atoms) */
    public Fire(double maxStep) {
        this.maxStep = maxStep;
    }

    @Override
    public <S> Point<S> step(Point<S> current, Objective<S> objective) throws EvaluationException {
        double[] force = current.gradient().clone();
        for (int i = 0; i < force.length; i++) {
            force[i] = -force[i];
        }
        if (velocity == null) {
            velocity = new double[force.length];
        } else {
            double power = Vectors.dot(force, velocity);
            if (power > 0) {
                double vNorm = Vectors.norm(velocity);
                double fNorm = Vectors.norm(force);
                for (int i = 0; i < velocity.length; i++) {
                    velocity[i] = (1 - alpha) * velocity[i] + (fNorm > 0 ? alpha * vNorm * force[i] / fNorm : 0);
                }
                if (downhillSteps > N_MIN) {
                    dt = Math.min(dt * F_INC, DT_MAX);
                    alpha *= F_ALPHA;
                }
                downhillSteps++;
            } else {
                java.util.Arrays.fill(velocity, 0);
                dt *= F_DEC;
                alpha = ALPHA_START;
                downhillSteps = 0;
            }
        }
        double[] dx = new double[force.length];
        for (int i = 0; i < force.length; i++) {
            velocity[i] += dt * force[i];
            dx[i] = dt * velocity[i];
        }
        Vectors.capRows(dx, maxStep);
        return objective.evaluate(Vectors.add(current.x(), dx));
    }
}
