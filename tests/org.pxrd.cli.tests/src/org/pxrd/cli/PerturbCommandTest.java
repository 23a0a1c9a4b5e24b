package org.pxrd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.pxrd.examples.Examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code pxrd perturb}: the study's seeded noise from the command line. */
class PerturbCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** MnCo, Pm-3m, a = 2.8536 Å, Mn at 0 0 0 and Co at ½ ½ ½ (the study's cubic structure). */
    private static String mnCo() {
        return Examples.studyStructures().stream().filter(p -> p.toString().contains("MnCo")).findFirst()
                .orElseThrow().toString();
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().strip()).doesNotContain("\n");
        return JSON.readTree(run.out());
    }

    @Test
    void latticeNoiseChangesTheCellAndKeepsFractionalCoordinates() throws Exception {
        JsonNode result = json(CliRun.of("perturb", mnCo(), "--lattice-noise", "0.05", "--seed", "7"));
        assertThat(result.get("noise").asText()).isEqualTo("lattice noise sigma=0.05");
        JsonNode lattice = result.get("lattice");
        // each new vector is S·L: lengths within 3σ relative of 2.8536 Å, and no longer cubic
        for (String length : new String[] {"a", "b", "c"}) {
            assertThat(lattice.get(length).asDouble()).isCloseTo(2.8536, within(3 * 0.05 * 2.8536));
        }
        assertThat(lattice.get("a").asDouble()).isNotEqualTo(lattice.get("b").asDouble());
        assertThat(lattice.get("alpha").asDouble()).isNotEqualTo(90.0);
        assertThat(result.get("sites").get(1).get("frac").get(0).asDouble()).isEqualTo(0.5);
        assertThat(result.get("sites").get(1).get("species").asText()).isEqualTo("Co");
    }

    @Test
    void coordinateNoiseMovesTheAtomsAndKeepsTheCell() throws Exception {
        JsonNode result = json(CliRun.of("perturb", mnCo(), "--coord-noise", "0.01", "--seed", "3"));
        assertThat(result.get("lattice").get("a").asDouble()).isEqualTo(2.8536);
        JsonNode co = result.get("sites").get(1).get("frac");
        double shift = Math.abs(co.get(0).asDouble() - 0.5);
        assertThat(shift).isGreaterThan(0).isLessThan(0.06); // 6σ
    }

    @Test
    void theSameSeedGivesTheSameOutputAndAnotherSeedAnother() {
        CliRun first = CliRun.of("perturb", mnCo(), "--lattice-noise", "0.02", "--coord-noise", "0.01", "--seed", "11");
        CliRun again = CliRun.of("perturb", mnCo(), "--lattice-noise", "0.02", "--coord-noise", "0.01", "--seed", "11");
        CliRun other = CliRun.of("perturb", mnCo(), "--lattice-noise", "0.02", "--coord-noise", "0.01", "--seed", "12");
        assertThat(first.status()).isZero();
        assertThat(again.out()).isEqualTo(first.out());
        assertThat(other.out()).isNotEqualTo(first.out());
        assertThat(first.out()).contains("lattice noise sigma=0.02 then coordinate noise sigma=0.01");
    }

    @Test
    void badInputIsOneLineAndNonZero() {
        CliRun noNoise = CliRun.of("perturb", mnCo(), "--seed", "1");
        assertThat(noNoise.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(noNoise.err().strip()).isEqualTo("pxrd perturb: give --lattice-noise SIGMA, --coord-noise SIGMA or both");
        CliRun tooLarge = CliRun.of("perturb", mnCo(), "--lattice-noise", "0.5", "--seed", "1");
        assertThat(tooLarge.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(tooLarge.err().strip()).doesNotContain("\n").contains("[0, 1/3)").contains("0.5");
        CliRun noSeed = CliRun.of("perturb", mnCo(), "--lattice-noise", "0.01");
        assertThat(noSeed.status()).isEqualTo(Pxrd.EXIT_USAGE);
        assertThat(noSeed.err()).contains("--seed");
        CliRun missing = CliRun.of("perturb", Path.of("no-such-file.cif").toString(), "--lattice-noise", "0.01",
                "--seed", "1");
        assertThat(missing.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("no-such-file.cif").contains("no such file");
        assertThat(missing.out()).isEmpty();
    }
}
