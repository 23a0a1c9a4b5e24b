package org.pxrd.study.report;

import org.pxrd.study.run.RunSpec.GroupKey;
import org.pxrd.study.stats.MatchRate;

/**
 * The statistics of one condition of a study (noise type and level, refined parameters, loss, projector) over
 * its recorded runs (the study: 10 structures x 50 distortions = 500 runs).
 *
 * @param key the condition
 * @param runs recorded runs (failed ones included)
 * @param failed runs that failed (counted as not matched)
 * @param rate matches among the recorded runs with the 95% Jeffreys interval, or null without runs
 * @param pairs runs with both a final structural distance and a final XRD similarity (the samples below)
 * @param mutualInformation I(distance; similarity) of the final structures in nats (KSG, k = 3), NaN with
 *        fewer than 4 pairs
 * @param pearson Pearson's r between final distance and similarity, NaN with fewer than 2 pairs or no spread
 * @param spearman Spearman's ρ between final distance and similarity, NaN likewise
 * @param meanSteps the mean number of optimizer steps, NaN without runs
 */
public record GroupStatistics(GroupKey key, int runs, int failed, MatchRate rate, int pairs,
        double mutualInformation, double pearson, double spearman, double meanSteps) {
}
