package org.pxrd.study.stats;

import org.pxrd.testdata.ReferenceJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Jeffreys intervals against scipy 1.10's Beta quantiles ({@code scripts/make_stats_reference.py}). */
class MatchRateTest {

    /** Both sides invert the regularised incomplete Beta function to about 1e-13; scipy's own error is smaller. */
    private static final double SCIPY_TOLERANCE = 1e-11;

    @Test
    void intervalsAreScipysBetaQuantilesWithTheConventionalEnds() {
        JsonNode cases = ReferenceJson.read(MatchRateTest.class, "stats-reference.json").get("jeffreys");
        assertThat(cases.size()).isGreaterThanOrEqualTo(10);
        for (JsonNode c : cases) {
            int k = c.get("k").asInt();
            int n = c.get("n").asInt();
            MatchRate rate = MatchRate.jeffreys(k, n);
            String what = k + " of " + n;
            assertThat(rate.rate()).as(what).isEqualTo(k / (double) n);
            assertThat(rate.lower()).as(what).isCloseTo(k == 0 ? 0 : c.get("ppf_025").asDouble(),
                    within(SCIPY_TOLERANCE));
            assertThat(rate.upper()).as(what).isCloseTo(k == n ? 1 : c.get("ppf_975").asDouble(),
                    within(SCIPY_TOLERANCE));
            assertThat(rate.confidence()).isEqualTo(0.95);
        }
    }

    @Test
    void theIntervalNarrowsWithMoreRunsAndWidensWithConfidence() {
        MatchRate small = MatchRate.jeffreys(5, 10);
        MatchRate large = MatchRate.jeffreys(250, 500);
        assertThat(large.upper() - large.lower()).isLessThan((small.upper() - small.lower()) / 5);
        // symmetric around 1/2 when k = n/2
        assertThat(large.lower() + large.upper()).isCloseTo(1.0, within(1e-12));
        MatchRate wide = MatchRate.jeffreys(250, 500, 0.99);
        assertThat(wide.lower()).isLessThan(large.lower());
        assertThat(wide.upper()).isGreaterThan(large.upper());
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThatThrownBy(() -> MatchRate.jeffreys(3, 0)).hasMessageContaining("3 of 0");
        assertThatThrownBy(() -> MatchRate.jeffreys(-1, 5)).hasMessageContaining("-1 of 5");
        assertThatThrownBy(() -> MatchRate.jeffreys(6, 5)).hasMessageContaining("6 of 5");
        assertThatThrownBy(() -> MatchRate.jeffreys(1, 5, 1.0)).hasMessageContaining("(0, 1)");
    }
}
