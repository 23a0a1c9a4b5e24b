package org.pxrd.study.stats;

import org.pxrd.testdata.ReferenceJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** ψ at integers against scipy's digamma, on both sides of the switch to the asymptotic series. */
class DigammaTest {

    @Test
    void valuesEqualScipysToAFewUlps() {
        JsonNode cases = ReferenceJson.read(DigammaTest.class, "stats-reference.json").get("digamma");
        assertThat(cases.size()).isGreaterThan(10);
        for (JsonNode c : cases) {
            int m = c.get("m").asInt();
            double expected = c.get("psi").asDouble();
            assertThat(Digamma.of(m)).as("psi(" + m + ")").isCloseTo(expected, within(4 * Math.ulp(expected) + 1e-16));
        }
    }

    @Test
    void theRecurrenceHoldsAcrossTheSwitch() {
        // psi(m + 1) = psi(m) + 1/m (Abramowitz and Stegun 6.3.5)
        for (int m = 1; m < 3 * Digamma.ASYMPTOTIC_FROM; m++) {
            assertThat(Digamma.of(m + 1) - Digamma.of(m)).as("m = " + m).isCloseTo(1.0 / m, within(1e-14));
        }
        assertThatThrownBy(() -> Digamma.of(0)).hasMessageContaining("m >= 1");
    }
}
