package org.pxrd.losses;

import java.util.SplittableRandom;

/** Seeded random smooth patterns for the contract tests: a flat background plus Gaussian peaks. */
final class RandomPatterns {

    /** The test grid: 10..70 deg 2theta in steps of 0.1 deg (601 points). */
    static final TwoThetaGrid GRID = TwoThetaGrid.uniform(10, 0.1, 601);

    private RandomPatterns() {
    }

    /**
     * background 0.02 + Σ_p A_p exp(−(x − c_p)² / (2 w_p²)) with 4-10 peaks, A in [0.2, 1], c in [15, 65] deg and
     * w in [0.2, 0.6] deg: strictly positive and smooth on the scale of the grid step.
     */
    static double[] smooth(SplittableRandom random, TwoThetaGrid grid) {
        double[] y = new double[grid.size()];
        java.util.Arrays.fill(y, 0.02);
        int peaks = random.nextInt(4, 11);
        for (int p = 0; p < peaks; p++) {
            double amplitude = random.nextDouble(0.2, 1.0);
            double centre = random.nextDouble(grid.at(0) + 5, grid.at(grid.size() - 1) - 5);
            double width = random.nextDouble(0.2, 0.6);
            for (int i = 0; i < y.length; i++) {
                double u = (grid.at(i) - centre) / width;
                y[i] += amplitude * Math.exp(-0.5 * u * u);
            }
        }
        return y;
    }

    /** Independent standard normal values (a random direction). */
    static double[] gaussian(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller from two uniforms in (0, 1]
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            v[i] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
        return v;
    }

    static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** x + h v as a new array. */
    static double[] plus(double[] x, double h, double[] v) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += h * v[i];
        }
        return y;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
