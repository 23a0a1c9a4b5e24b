package org.pxrd.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The transport solver against closed forms: 1-D distributions, and unit weights (an assignment problem). */
class EarthMoversDistanceTest {

    @Test
    void oneDimensionalTransportIsTheAreaBetweenTheCumulativeDistributions() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n1 = 1 + random.nextInt(7);
            int n2 = 1 + random.nextInt(7);
            double[] x = random.doubles(n1, 0, 5).toArray();
            double[] y = random.doubles(n2, 0, 5).toArray();
            long[] supply = random.longs(n1, 1, 6).toArray();
            long total = Arrays.stream(supply).sum();
            long[] demand = split(total, n2, random);
            double[][] cost = new double[n1][n2];
            for (int i = 0; i < n1; i++) {
                for (int j = 0; j < n2; j++) {
                    cost[i][j] = Math.abs(x[i] - y[j]);
                }
            }
            assertThat(EarthMoversDistance.transport(supply, demand, cost)).as("trial %d", trial)
                    .isCloseTo(cdfArea(x, supply, y, demand), within(1e-9));
        }
    }

    @Test
    void unitWeightsGiveTheOptimalAssignment() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + random.nextInt(6);
            double[][] cost = new double[n][n];
            double[] flat = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    cost[i][j] = random.nextDouble(10);
                    flat[i * n + j] = cost[i][j];
                }
            }
            long[] ones = new long[n];
            Arrays.fill(ones, 1);
            assertThat(EarthMoversDistance.transport(ones, ones, cost))
                    .isCloseTo(LinearAssignmentTest.bruteForce(flat, n, n), within(1e-9));
        }
    }

    @Test
    void unequalTotalsAndNegativeCostsAreRefused() {
        assertThatThrownBy(() -> EarthMoversDistance.transport(new long[] {2}, new long[] {1}, new double[][] {{1}}))
                .hasMessageContaining("different totals");
        assertThatThrownBy(() -> EarthMoversDistance.transport(new long[] {1}, new long[] {1}, new double[][] {{-1}}))
                .hasMessageContaining("-1.0");
    }

    /** A random split of total into n positive parts (n ≤ total) or non-negative ones. */
    private static long[] split(long total, int n, SplittableRandom random) {
        long[] parts = new long[n];
        for (long unit = 0; unit < total; unit++) {
            parts[random.nextInt(n)]++;
        }
        return parts;
    }

    /** ∫ |F₁(t) − F₂(t)| dt for weighted point masses on a line (total weights equal). */
    private static double cdfArea(double[] x, long[] wx, double[] y, long[] wy) {
        double[] points = new double[x.length + y.length];
        System.arraycopy(x, 0, points, 0, x.length);
        System.arraycopy(y, 0, points, x.length, y.length);
        Arrays.sort(points);
        double area = 0;
        for (int p = 0; p + 1 < points.length; p++) {
            double f1 = 0;
            double f2 = 0;
            for (int i = 0; i < x.length; i++) {
                f1 += x[i] <= points[p] ? wx[i] : 0;
            }
            for (int j = 0; j < y.length; j++) {
                f2 += y[j] <= points[p] ? wy[j] : 0;
            }
            area += Math.abs(f1 - f2) * (points[p + 1] - points[p]);
        }
        return area;
    }
}
