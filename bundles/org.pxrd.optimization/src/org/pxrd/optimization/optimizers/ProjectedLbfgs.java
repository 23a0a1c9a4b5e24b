package org.pxrd.optimization.optimizers;

import org.pxrd.core.extensions.Settings;
import org.pxrd.optimization.run.EvaluationException;

/**
 * Projected L-BFGS: limited-memory BFGS (Nocedal, Math. Comp. 35 (1980) 773; Nocedal and Wright, Numerical
 * Optimization, 2nd ed., Algorithms 7.4 and 7.5) on the feasible set of the refinement's projector P, preconditioned
 * by the learning rates D = diag(η), so that with an empty memory a step is exactly the study's projected gradient
 * step θ ← P(θ − D∇f).
 *
 * <p>The first step is the projected gradient step θ₁ = P(θ₀ − D∇f(θ₀)), taken as it is: the start may lie off the
 * feasible set (a distorted cell before its first projection), where neither the line search's linear model nor a
 * curvature pair means anything. Each later step, at the current (feasible) point x with f = f(x) and g = ∇f(x):
 * <ol>
 * <li>Gradient mapping: x_GD = P(x − D g) and ĝ = D⁻¹(x − x_GD). For an affine projector P(x) = x₀ + Π(x − x₀)
 * whose linear part Π commutes with D (the crystal-family projectors: the learning rate is the same within a
 * group), ĝ = Π g is the gradient of f restricted to the feasible set.</li>
 * <li>Curvature pair: with the previous point, s = x − x_prev and y = ĝ − ĝ_prev are stored when
 * sᵀy &gt; {@value #CURVATURE_FLOOR}·|s|·|y| (otherwise skipped, which keeps the inverse-Hessian estimate positive
 * definite); at most {@code memory} pairs, the oldest dropped.</li>
 * <li>Direction by the two-loop recursion d = −H ĝ with H₀ = γ D, γ = sᵀy / (yᵀD y) of the newest pair (γ = 1
 * and d = −D ĝ with an empty memory). If d is not a descent direction (ĝᵀd ≥ 0), the memory is cleared and
 * d = −D ĝ.</li>
 * <li>Backtracking on the projected path: t = 1, ½, ¼, ... at most {@code backtracks} halvings; the trial
 * x_t = P(x + t d) is accepted at the first sufficient decrease f(x_t) ≤ f + c₁ gᵀ(x_t − x) (Armijo, c₁ =
 * {@code c1}). A trial outside the domain (NaN) counts as no decrease.</li>
 * <li>If ĝ = 0 (a stationary point on the feasible set) the step stays at x; an accepted step that lowered f by
 * less than {@link #NEGLIGIBLE_DECREASE} relative is the last one that moves. If no trial decreases f, the memory
 * is cleared and the search is repeated along −D ĝ; if that fails too, x is
 * (to the resolution of the line search) a local minimum on the feasible set and the step stays at x
 * ({@link StepProblem#stay}). Since nothing changed, the following steps
 * stay too without evaluating anything, and the stop rule ends the run once its window has passed.</li>
 * </ol>
 * Settings: {@code memory} (pairs kept), {@code c1}, {@code backtracks}. A step costs one evaluation when the
 * full step is accepted, at most 2·({@code backtracks} + 1) otherwise, none once stalled. Nothing is allocated per step.
 */
public final class ProjectedLbfgs implements Optimizer {

    /** yᵀs must exceed this fraction of |y|·|s| for a pair to be stored (guards against round-off in flat regions). */
    public static final double CURVATURE_FLOOR = 1e-10;
    /**
     * A step that lowers f by less than this fraction of max(1, |f|) counts as no progress: the objective (a sum over
     * thousands of pattern points) is rounded at about 1e-14 relative, so such a decrease is noise, and it lies far
     * below any useful stop tolerance (the study's: 1e-4 over 1000 steps).
     */
    public static final double NEGLIGIBLE_DECREASE = 1e-12;

    private final int memory;
    private final double c1;
    private final int backtracks;

    /**
     * @throws IllegalArgumentException for a memory below 1, c₁ outside (0, 1) or a negative number of backtracks
     */
    public ProjectedLbfgs(int memory, double c1, int backtracks) {
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS memory must be at least 1, got " + memory);
        }
        if (!(c1 > 0 && c1 < 1)) {
            throw new IllegalArgumentException("Armijo constant c1 must lie in (0, 1), got " + c1);
        }
        if (backtracks < 0) {
            throw new IllegalArgumentException("backtracks must not be negative, got " + backtracks);
        }
        this.memory = memory;
        this.c1 = c1;
        this.backtracks = backtracks;
    }

    /** From the settings {@code memory}, {@code c1} and {@code backtracks}. */
    public ProjectedLbfgs(Settings settings) {
        this(settings.getInt("memory"), settings.getDouble("c1"), settings.getInt("backtracks"));
    }

    @Override
    public Stepper start(int dimension) {
        return new State(dimension);
    }

    /** One run's memory and work buffers. */
    private final class State implements Stepper {

        private final int n;
        private final double[][] s;
        private final double[][] y;
        private final double[] rho;
        private final double[] alpha;
        private int pairs;
        private int newest = -1;
        private final double[] previousX;
        private final double[] previousMapped;
        private boolean hasPrevious;
        private boolean stalled;
        private boolean first = true;
        private final double[] gdPoint;
        private final double[] mapped;
        private final double[] direction;
        private final double[] trial;

        State(int n) {
            this.n = n;
            s = new double[memory][n];
            y = new double[memory][n];
            rho = new double[memory];
            alpha = new double[memory];
            previousX = new double[n];
            previousMapped = new double[n];
            gdPoint = new double[n];
            mapped = new double[n];
            direction = new double[n];
            trial = new double[n];
        }

        @Override
        public void step(StepProblem problem) throws EvaluationException {
            if (stalled) {
                problem.stay();
                return;
            }
            double[] x = problem.point();
            double[] g = problem.gradient();
            double[] eta = problem.learningRates();
            double f = problem.value();
            for (int i = 0; i < n; i++) {
                gdPoint[i] = x[i] - eta[i] * g[i];
            }
            problem.project(gdPoint);
            if (first) {
                first = false;
                problem.evaluate(gdPoint);
                problem.accept();
                return;
            }
            for (int i = 0; i < n; i++) {
                mapped[i] = (x[i] - gdPoint[i]) / eta[i];
            }
            if (hasPrevious) {
                remember(x);
            }
            System.arraycopy(x, 0, previousX, 0, n);
            System.arraycopy(mapped, 0, previousMapped, 0, n);
            hasPrevious = true;
            if (dot(mapped, mapped) == 0) {
                stalled = true;
                problem.stay();
                return;
            }
            direction(eta);
            if (!(dot(mapped, direction) < 0)) {
                steepest(eta);
            }
            if (search(problem, x, g, f)) {
                return;
            }
            if (pairs > 0) {
                steepest(eta);
                if (search(problem, x, g, f)) {
                    return;
                }
            }
            stalled = true;
            problem.stay();
        }

        /** Clears the memory; the direction becomes the projected gradient step −D ĝ. */
        private void steepest(double[] eta) {
            pairs = 0;
            for (int i = 0; i < n; i++) {
                direction[i] = -eta[i] * mapped[i];
            }
        }

        /** Backtracking along the direction; true when a trial was accepted. */
        private boolean search(StepProblem problem, double[] x, double[] g, double f) throws EvaluationException {
            double t = 1;
            for (int k = 0; k <= backtracks; k++) {
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] + t * direction[i];
                }
                problem.project(trial);
                for (int i = 0; i < n; i++) {
                    decrease += g[i] * (trial[i] - x[i]);
                }
                double ft = problem.evaluate(trial);
                if (ft <= f + c1 * decrease) {
                    problem.accept();
                    stalled = f - ft < NEGLIGIBLE_DECREASE * Math.max(1, Math.abs(f));
                    return true;
                }
                t *= 0.5;
            }
            return false;
        }

        /** Stores the pair (x − x_prev, ĝ − ĝ_prev) when its curvature is positive. */
        private void remember(double[] x) {
            double sy = 0;
            double ss = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                double si = x[i] - previousX[i];
                double yi = mapped[i] - previousMapped[i];
                sy += si * yi;
                ss += si * si;
                yy += yi * yi;
            }
            if (!(sy > CURVATURE_FLOOR * Math.sqrt(ss * yy))) {
                return;
            }
            int slot = (newest + 1) % memory;
            for (int i = 0; i < n; i++) {
                s[slot][i] = x[i] - previousX[i];
                y[slot][i] = mapped[i] - previousMapped[i];
            }
            rho[slot] = 1 / sy;
            newest = slot;
            pairs = Math.min(pairs + 1, memory);
        }

        /** d = −H ĝ by the two-loop recursion with H₀ = γ D. */
        private void direction(double[] eta) {
            System.arraycopy(mapped, 0, direction, 0, n);
            if (pairs == 0) {
                for (int i = 0; i < n; i++) {
                    direction[i] = -eta[i] * direction[i];
                }
                return;
            }
            for (int j = 0; j < pairs; j++) {
                int k = Math.floorMod(newest - j, memory);
                alpha[k] = rho[k] * dot(s[k], direction);
                axpy(-alpha[k], y[k], direction);
            }
            double[] yn = y[newest];
            double yDy = 0;
            for (int i = 0; i < n; i++) {
                yDy += yn[i] * eta[i] * yn[i];
            }
            double gamma = (1 / rho[newest]) / yDy;
            for (int i = 0; i < n; i++) {
                direction[i] *= gamma * eta[i];
            }
            for (int j = pairs - 1; j >= 0; j--) {
                int k = Math.floorMod(newest - j, memory);
                double beta = rho[k] * dot(y[k], direction);
                axpy(alpha[k] - beta, s[k], direction);
            }
            for (int i = 0; i < n; i++) {
                direction[i] = -direction[i];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }
}
