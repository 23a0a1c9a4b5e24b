package org.pxrd.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The assignment solver against exhaustive search over all injections. */
class LinearAssignmentTest {

    @Test
    void squareAndRectangularProblemsAreSolvedOptimally() {
        SplittableRandom random = new SplittableRandom(3);
        LinearAssignment solver = new LinearAssignment();
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(6);
            int m = n + random.nextInt(3);
            double[] cost = new double[n * m];
            for (int i = 0; i < cost.length; i++) {
                // ties are frequent with integer costs: they must not confuse the solver
                cost[i] = trial % 2 == 0 ? random.nextDouble(100) : random.nextInt(4);
            }
            int[] assignment = solver.solve(cost, n, m);
            boolean[] used = new boolean[m];
            double total = 0;
            for (int i = 0; i < n; i++) {
                assertThat(used[assignment[i]]).as("column used twice").isFalse();
                used[assignment[i]] = true;
                total += cost[i * m + assignment[i]];
            }
            assertThat(total).as("trial %d (%dx%d)", trial, n, m).isCloseTo(bruteForce(cost, n, m), within(1e-9));
        }
    }

    @Test
    void forbiddenPairsAreAvoidedWhenPossible() {
        double big = 1e20;
        double[] cost = {big, 1, big, 2, big, 3, 4, big, big};
        int[] assignment = new LinearAssignment().solve(cost, 3, 3);
        assertThat(assignment).containsExactly(1, 2, 0);
    }

    /** The smallest total cost over all injective assignments of n rows to m columns. */
    static double bruteForce(double[] cost, int n, int m) {
        return search(cost, n, m, 0, new boolean[m]);
    }

    private static double search(double[] cost, int n, int m, int row, boolean[] used) {
        if (row == n) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, cost[row * m + j] + search(cost, n, m, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}
