package org.pxrd.study.stats;

import org.pxrd.testdata.ReferenceJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Pearson and Spearman against scipy 1.10 ({@code scripts/make_stats_reference.py}). */
class CorrelationTest {

    /** Two summation orders of the same sums of products: a few ulps of values of order 1. */
    private static final double SCIPY_TOLERANCE = 1e-13;

    @Test
    void coefficientsEqualScipys() {
        JsonNode cases = ReferenceJson.read(CorrelationTest.class, "stats-reference.json").get("correlations");
        assertThat(cases.size()).isGreaterThanOrEqualTo(4);
        for (JsonNode c : cases) {
            double[] x = ReferenceJson.vector(c.get("x"));
            double[] y = ReferenceJson.vector(c.get("y"));
            String name = c.get("name").asText();
            assertThat(Correlation.pearson(x, y)).as(name).isCloseTo(c.get("pearson").asDouble(),
                    within(SCIPY_TOLERANCE));
            assertThat(Correlation.spearman(x, y)).as(name).isCloseTo(c.get("spearman").asDouble(),
                    within(SCIPY_TOLERANCE));
        }
    }

    @Test
    void spearmanSeesMonotoneRelationsThatPearsonUnderrates() {
        double[] x = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = Math.exp(i / 2.0);
        }
        assertThat(Correlation.spearman(x, y)).isEqualTo(1.0, within(1e-15));
        assertThat(Correlation.pearson(x, y)).isLessThan(0.8);
    }

    @Test
    void aConstantSampleHasNoCorrelationAndBadInputIsNamed() {
        assertThat(Correlation.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
        assertThatThrownBy(() -> Correlation.pearson(new double[] {1}, new double[] {2}))
                .hasMessageContaining("at least 2 pairs");
        assertThatThrownBy(() -> Correlation.spearman(new double[] {1, 2}, new double[] {2, Double.POSITIVE_INFINITY}))
                .hasMessageContaining("pair 1");
    }
}
