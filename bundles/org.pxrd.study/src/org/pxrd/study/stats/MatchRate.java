package org.pxrd.study.stats;

import org.hipparchus.distribution.continuous.BetaDistribution;

/**
 * A match rate k/n (the fraction of runs whose final structure matches the truth) with its equal-tailed
 * Jeffreys interval.
 *
 * <p>The Jeffreys interval at confidence 1 − a is the pair of a/2 and 1 − a/2 quantiles of the posterior
 * Beta(k + ½, n − k + ½) of a binomial proportion under the Jeffreys prior Beta(½, ½), with the conventional
 * endpoints of Brown, Cai and DasGupta (Statistical Science 16 (2001) 101, section 4.1.2): the lower end is 0
 * when k = 0 and the upper end is 1 when k = n (otherwise the interval would exclude the observed rate's
 * boundary value). Its coverage is close to nominal even for small n, unlike the Wald interval.
 *
 * @param matches k, the number of runs that matched
 * @param runs n, the number of runs (at least 1)
 * @param rate k/n, dimensionless in [0, 1]
 * @param lower the lower end of the interval, in [0, 1]
 * @param upper the upper end of the interval, in [lower, 1]
 * @param confidence the confidence level 1 − a of the interval, e.g. 0.95
 */
public record MatchRate(int matches, int runs, double rate, double lower, double upper, double confidence) {

    /** The confidence level of the study's error bars. */
    public static final double STUDY_CONFIDENCE = 0.95;

    /**
     * Absolute accuracy of the Beta quantiles: far below the 1e-4 that a printed rate shows, and reached by
     * Hipparchus' bracketing solver in a few dozen Beta CDF evaluations.
     */
    static final double QUANTILE_ACCURACY = 1e-13;

    public MatchRate {
        if (runs < 1 || matches < 0 || matches > runs) {
            throw new IllegalArgumentException("a match rate needs 0 <= matches <= runs and runs >= 1, got "
                    + matches + " of " + runs);
        }
    }

    /** The rate k/n with its 95% Jeffreys interval. */
    public static MatchRate jeffreys(int matches, int runs) {
        return jeffreys(matches, runs, STUDY_CONFIDENCE);
    }

    /**
     * The rate k/n with its Jeffreys interval at the given confidence.
     *
     * @throws IllegalArgumentException when runs < 1, matches is outside [0, runs] or the confidence is not in (0, 1)
     */
    public static MatchRate jeffreys(int matches, int runs, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        if (runs < 1 || matches < 0 || matches > runs) {
            throw new IllegalArgumentException("a match rate needs 0 <= matches <= runs and runs >= 1, got "
                    + matches + " of " + runs);
        }
        BetaDistribution posterior = new BetaDistribution(matches + 0.5, runs - matches + 0.5, QUANTILE_ACCURACY);
        double tail = (1 - confidence) / 2;
        double lower = matches == 0 ? 0 : posterior.inverseCumulativeProbability(tail);
        double upper = matches == runs ? 1 : posterior.inverseCumulativeProbability(1 - tail);
        return new MatchRate(matches, runs, matches / (double) runs, lower, upper, confidence);
    }
}
