package org.pxrd.study.stats;

/**
 * The digamma function ψ = Γ′/Γ at positive integers, to full double precision: what the KSG estimator needs
 * (all its arguments are counts).
 *
 * <p>Hipparchus' {@code Gamma.digamma} is not used because it is only accurate to about 3e-9: its asymptotic
 * series starts at x = 49 with too few terms, and the downward recurrence carries that error to every smaller
 * argument (measured: ψ(1) = −0.5772156677920679 against −γ = −0.5772156649015329). That is far below the
 * spread of any estimate but shows in a comparison with scikit-learn (scipy's ψ is exact to an ulp).
 *
 * <p>Formulas: ψ(m) = −γ + H_{m−1} with the harmonic number H_{m−1} = Σ_{j<m} 1/j summed with Neumaier's
 * compensation for m < {@link #ASYMPTOTIC_FROM}; above, the asymptotic series
 * ψ(m) = ln m − 1/(2m) − 1/(12m²) + 1/(120m⁴) − 1/(252m⁶) + 1/(240m⁸) − 1/(132m¹⁰) (Abramowitz and Stegun
 * 6.3.18), whose next term is below 1e-22 there.
 */
final class Digamma {

    /** The Euler-Mascheroni constant γ. */
    static final double EULER_GAMMA = 0.57721566490153286060651209;

    /** Smallest argument of the asymptotic series: its truncation error 691/(32760 m¹²) < 1e-22 from here on. */
    static final int ASYMPTOTIC_FROM = 100;

    private static final double[] TABLE = new double[ASYMPTOTIC_FROM];

    static {
        double sum = 0;
        double compensation = 0;
        for (int m = 1; m < ASYMPTOTIC_FROM; m++) {
            TABLE[m] = -EULER_GAMMA + (sum + compensation);
            // Neumaier's compensated addition of 1/m
            double term = 1.0 / m;
            double t = sum + term;
            compensation += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
        }
    }

    private Digamma() {
    }

    /**
     * ψ(m) for a positive integer m.
     *
     * @throws IllegalArgumentException when m < 1
     */
    static double of(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("digamma of a count needs m >= 1, got " + m);
        }
        if (m < ASYMPTOTIC_FROM) {
            return TABLE[m];
        }
        double inv2 = 1.0 / ((double) m * m);
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 / 132))));
        return Math.log(m) - 0.5 / m - series;
    }
}
