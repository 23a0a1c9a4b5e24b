package org.pxrd.optimization.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ExtensionSources;

/**
 * The optimizers of {@code org.pxrd.optimization.optimizers} on quadratics, where every step has a closed form:
 * f(x) = ½ (x − c)ᵀ A (x − c), ∇f = A (x − c).
 */
class OptimizersTest {

    /** Steps computed by hand from the same doubles agree to rounding. */
    private static final double EXACT = 1e-14;

    private static final double[][] DIAGONAL = {{4, 0, 0}, {0, 1, 0}, {0, 0, 0.25}};
    private static final double[] CENTRE = {1, -2, 3};
    private static final double[] START = {0, 0, 0};
    private static final UnaryOperator<double[]> NO_PROJECTION = v -> v;

    private final Optimizers registry = new Optimizers(ExtensionSources.detect());

    @Test
    void theFourBuiltInsAreContributedAndStart() {
        assertThat(registry.contributions()).extracting(Contribution::id).contains("org.pxrd.optimization.gd",
                "org.pxrd.optimization.momentum", "org.pxrd.optimization.adam", "org.pxrd.optimization.lbfgs");
        assertThat(registry.registry().check()).isEmpty();
    }

    @Test
    void gradientDescentStepsAgainstTheGradientScaledByEachLearningRate() throws Exception {
        double[] eta = {0.1, 0.2, 0.3};
        QuadraticProblem p = new QuadraticProblem(DIAGONAL, CENTRE, eta, START, NO_PROJECTION);
        p.run(registry.create("gd", Map.of()).start(3), 1);
        // x1 = x0 − η ∘ A(x0 − c) = −η ∘ (−4, 2, −0.75)
        assertThat(p.point()).containsExactly(new double[] {0.4, -0.4, 0.225}, within(EXACT));
        assertThat(p.evaluations).isEqualTo(1);
    }

    @Test
    void gradientDescentProjectsEveryStep() throws Exception {
        // feasible set x0 = x1 (the projection averages them), as the crystal-family projector does for a = b
        UnaryOperator<double[]> equal = v -> new double[] {(v[0] + v[1]) / 2, (v[0] + v[1]) / 2, v[2]};
        QuadraticProblem p = new QuadraticProblem(DIAGONAL, CENTRE, new double[] {0.1, 0.1, 1}, START, equal);
        p.run(registry.create("gd", Map.of()).start(3), 2000);
        // constrained minimum: minimise 2(u − 1)² + ½(u + 2)² → u = (4 − 2)/5 = 0.4; z free → 3
        assertThat(p.point()).containsExactly(new double[] {0.4, 0.4, 3}, within(1e-9));
    }

    @Test
    void momentumFollowsPyTorchsRecurrence() throws Exception {
        double[] eta = {0.05, 0.05, 0.05};
        QuadraticProblem p = new QuadraticProblem(DIAGONAL, CENTRE, eta, START, NO_PROJECTION);
        Stepper stepper = registry.create("momentum", Map.of("momentum", "0.5")).start(3);
        double[] x = START.clone();
        double[] b = new double[3];
        for (int k = 0; k < 5; k++) {
            double[] g = p.gradientAt(x);
            for (int i = 0; i < 3; i++) {
                b[i] = k == 0 ? g[i] : 0.5 * b[i] + g[i];
                x[i] -= eta[i] * b[i];
            }
            p.run(stepper, 1);
            assertThat(p.point()).as("step %d", k + 1).containsExactly(x, within(EXACT));
        }
    }

    @Test
    void nesterovMomentumStepsAlongTheGradientPlusTheVelocity() throws Exception {
        double[] eta = {0.05, 0.05, 0.05};
        QuadraticProblem p = new QuadraticProblem(DIAGONAL, CENTRE, eta, START, NO_PROJECTION);
        Stepper stepper = registry.create("momentum", Map.of("momentum", "0.5", "nesterov", "true")).start(3);
        double[] x = START.clone();
        double[] b = new double[3];
        for (int k = 0; k < 3; k++) {
            double[] g = p.gradientAt(x);
            for (int i = 0; i < 3; i++) {
                b[i] = k == 0 ? g[i] : 0.5 * b[i] + g[i];
                x[i] -= eta[i] * (g[i] + 0.5 * b[i]);
            }
            p.run(stepper, 1);
            assertThat(p.point()).containsExactly(x, within(EXACT));
        }
    }

    @Test
    void adamsFirstStepHasTheLengthOfTheLearningRateWhateverTheGradient() throws Exception {
        double[] eta = {0.01, 0.02, 0.03};
        QuadraticProblem p = new QuadraticProblem(DIAGONAL, CENTRE, eta, START, NO_PROJECTION);
        p.run(registry.create("adam", Map.of("epsilon", "1e-12")).start(3), 1);
        // t = 1: m̂ = g, v̂ = g², so the step is η·g/|g| (up to ε): towards c by η in every coordinate
        assertThat(p.point()).containsExactly(new double[] {0.01, -0.02, 0.03}, within(1e-12));
    }

    @Test
    void adamFollowsKingmaAndBasAlgorithm() throws Exception {
        double[] eta = {0.1, 0.1, 0.1};
        QuadraticProblem p = new QuadraticProblem(DIAGONAL, CENTRE, eta, START, NO_PROJECTION);
        Stepper stepper = registry.create("adam", Map.of("beta1", "0.8", "beta2", "0.9", "epsilon", "1e-3"))
                .start(3);
        double[] x = START.clone();
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 1; t <= 6; t++) {
            double[] g = p.gradientAt(x);
            for (int i = 0; i < 3; i++) {
                m[i] = 0.8 * m[i] + 0.2 * g[i];
                v[i] = 0.9 * v[i] + 0.1 * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(0.8, t));
                double vHat = v[i] / (1 - Math.pow(0.9, t));
                x[i] -= 0.1 * mHat / (Math.sqrt(vHat) + 1e-3);
            }
            p.run(stepper, 1);
            assertThat(p.point()).as("step %d", t).containsExactly(x, within(1e-13));
        }
    }

    @Test
    void lbfgsSolvesAnIllConditionedQuadraticInAFewStepsWhereGradientDescentCrawls() throws Exception {
        double[][] a = {{100, 1, 0, 0}, {1, 10, 0.5, 0}, {0, 0.5, 1, 0.02}, {0, 0, 0.02, 0.01}};
        double[] c = {1, 2, -1, 5};
        double[] eta = {0.01, 0.01, 0.01, 0.01};
        double[] start = {0, 0, 0, 0};
        QuadraticProblem lbfgs = new QuadraticProblem(a, c, eta, start, NO_PROJECTION);
        lbfgs.run(registry.create("lbfgs", Map.of()).start(4), 40);
        assertThat(lbfgs.point()).containsExactly(c, within(1e-6));
        QuadraticProblem gd = new QuadraticProblem(a, c, eta, start, NO_PROJECTION);
        gd.run(registry.create("gd", Map.of()).start(4), 40);
        // the smallest eigenvalue is about 0.0096: gradient descent with η = 0.01 has barely moved along it
        assertThat(Math.abs(gd.point()[3] - c[3])).isGreaterThan(4);
    }

    @Test
    void projectedLbfgsFindsTheConstrainedMinimum() throws Exception {
        double[][] a = {{4, 1, 0}, {1, 3, 0}, {0, 0, 0.5}};
        UnaryOperator<double[]> equal = v -> new double[] {(v[0] + v[1]) / 2, (v[0] + v[1]) / 2, v[2]};
        QuadraticProblem p = new QuadraticProblem(a, CENTRE, new double[] {0.05, 0.05, 0.05}, new double[] {0.3,
            -0.7, 0}, equal);
        p.run(registry.create("lbfgs", Map.of()).start(3), 40);
        // on x0 = x1 = u, with d = (u − 1, u + 2, z − 3): df/du = 4(u − 1) + (u + 2) + (u − 1) + 3(u + 2) = 9u + 3,
        // zero at u = −1/3; z is free and goes to 3
        assertThat(p.point()).containsExactly(new double[] {-1.0 / 3, -1.0 / 3, 3}, within(1e-8));
    }

    @Test
    void lbfgsStaysWithoutEvaluatingOnceStepsNoLongerDecreaseTheObjective() throws Exception {
        QuadraticProblem p = new QuadraticProblem(DIAGONAL, CENTRE, new double[] {0.1, 0.1, 0.1}, START,
                NO_PROJECTION);
        Stepper stepper = registry.create("lbfgs", Map.of()).start(3);
        p.run(stepper, 200);
        // stalled once a step lowers f by less than 1e-12 (f ≈ 1e-20 here): x within ~1e-10 of the minimum
        assertThat(p.point()).containsExactly(CENTRE, within(1e-8));
        int evaluations = p.evaluations;
        p.run(stepper, 100);
        assertThat(p.evaluations).isEqualTo(evaluations);
    }

    @Test
    void invalidSettingsAreOneLineErrors() {
        assertThatThrownBy(() -> registry.create("momentum", Map.of("momentum", "1.5")))
                .isInstanceOf(ContributionException.class).hasMessageContaining("momentum");
        assertThatThrownBy(() -> registry.create("adam", Map.of("beta2", "1")))
                .isInstanceOf(ContributionException.class).hasMessageContaining("beta2");
        assertThatThrownBy(() -> registry.create("lbfgs", Map.of("memory", "0")))
                .isInstanceOf(ContributionException.class).hasMessageContaining("memory");
        assertThatThrownBy(() -> registry.create("newton", Map.of())).isInstanceOf(ContributionException.class)
                .hasMessageContaining("unknown id 'newton'").hasMessageContaining("org.pxrd.optimization.gd");
    }
}
