package org.pxrd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.io.PatternFiles;
import org.pxrd.losses.LossRegistry;
import org.pxrd.model.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code pxrd loss}: the value of a registered loss between two pattern files, and its one-line errors. */
class LossCommandTest {

    @TempDir
    Path dir;

    private Path a;
    private Path b;

    /** Two Gaussian peaks on 20..40 deg 2theta in steps of 0.05, the second pattern's peaks moved and rescaled. */
    @BeforeEach
    void writePatterns() throws IOException {
        a = write("A.csv", "two_theta,intensity\n", 401, 0.05, 25.0, 31.0, 1.0);
        b = write("B.csv", "# target, written by the test\n", 401, 0.05, 25.2, 30.7, 0.6);
    }

    private Path write(String name, String head, int points, double step, double c1, double c2, double h2)
            throws IOException {
        StringBuilder text = new StringBuilder(head);
        for (int i = 0; i < points; i++) {
            double x = 20 + step * i;
            double y = Math.exp(-0.5 * Math.pow((x - c1) / 0.3, 2)) + h2 * Math.exp(-0.5 * Math.pow((x - c2) / 0.2, 2))
                    + 0.01;
            text.append(String.format(Locale.ROOT, "%.4f,%.10f%n", x, y));
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static Pattern read(Path file) throws Exception {
        return new PatternFiles(ExtensionSources.detect()).read(file);
    }

    @Test
    void printsTheValueOfTheLossBetweenTheTwoFiles() throws Exception {
        LossRegistry registry = new LossRegistry(ExtensionSources.detect());
        for (String id : new String[] {"org.pxrd.losses.cosine", "entropy", "wasserstein", "multiscale"}) {
            CliRun run = CliRun.of("loss", "--loss", id, a.toString(), b.toString());
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            double expected = registry.create(id).value(read(a), read(b));
            assertThat(Double.parseDouble(run.out().strip())).as(id).isEqualTo(expected);
        }
    }

    @Test
    void settingsAndJsonOutput() throws Exception {
        CliRun run = CliRun.of("loss", "--loss", "crosscorrelation", "--set", "width=0.4", "--json", a.toString(),
                b.toString());
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("loss").asText()).isEqualTo("org.pxrd.losses.crosscorrelation");
        assertThat(json.get("settings").get("width").asText()).isEqualTo("0.4");
        double expected = new LossRegistry(ExtensionSources.detect()).create("crosscorrelation",
                Map.of("width", "0.4")).value(read(a), read(b));
        assertThat(json.get("value").asDouble()).isEqualTo(expected);
        assertThat(json.get("value").asDouble()).isBetween(-1.0, 0.0);
    }

    @Test
    void theSamePatternTwiceIsTheMinimum() {
        CliRun run = CliRun.of("loss", "--loss", "rwp", a.toString(), a.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Double.parseDouble(run.out().strip())).isZero();
    }

    @Test
    void anUnknownLossListsTheKnownOnes() {
        CliRun run = CliRun.of("loss", "--loss", "chi2", a.toString(), b.toString());
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n").contains("unknown id 'chi2'")
                .contains("org.pxrd.losses.cosine").contains("org.pxrd.losses.wasserstein");
    }

    @Test
    void anInvalidSettingIsNamed() {
        CliRun run = CliRun.of("loss", "--loss", "crosscorrelation", "--set", "widht=1", a.toString(), b.toString());
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.err().strip()).doesNotContain("\n").contains("unknown setting 'widht'").contains("width");
    }

    @Test
    void patternsOnDifferentGridsAreRefusedByPointByPointLossesOnly() throws IOException {
        Path coarse = write("C.csv", "", 201, 0.1, 25.2, 30.7, 0.6);
        CliRun run = CliRun.of("loss", "--loss", "cosine", a.toString(), coarse.toString());
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.err().strip()).doesNotContain("\n").contains("same 2theta grid")
                .contains("'A.csv' has 401 points").contains("'C.csv' has 201 points");
        CliRun emd = CliRun.of("loss", "--loss", "wasserstein", a.toString(), coarse.toString());
        assertThat(emd.status()).as(emd.err()).isZero();
        assertThat(Double.parseDouble(emd.out().strip())).isPositive();
    }

    @Test
    void aNaNIntensityIsReportedWithItsLine() throws IOException {
        Path nan = dir.resolve("nan.csv");
        Files.writeString(nan, "two_theta,intensity\n20.0,1\n20.05,NaN\n20.1,2\n");
        CliRun run = CliRun.of("loss", "--loss", "cosine", nan.toString(), b.toString());
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.err().strip()).doesNotContain("\n").contains("nan.csv:3: 'NaN' is not a number");
    }

    @Test
    void aMissingFileIsNamed() {
        CliRun run = CliRun.of("loss", "--loss", "cosine", a.toString(), dir.resolve("missing.csv").toString());
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.err().strip()).doesNotContain("\n").contains("missing.csv: no such file");
    }

    @Test
    void malformedPatternFilesAreReportedWithTheirLine() throws IOException {
        Path columns = dir.resolve("columns.csv");
        Files.writeString(columns, "20,1\n20.1,2,0.3\n");
        assertThat(CliRun.of("loss", "--loss", "mse", columns.toString(), a.toString()).err())
                .contains("columns.csv:2: 3 values where earlier lines have 2");
        Path order = dir.resolve("order.csv");
        Files.writeString(order, "20,1\n20.1,2\n20.1,3\n");
        assertThat(CliRun.of("loss", "--loss", "mse", order.toString(), a.toString()).err())
                .contains("order.csv:3: 2theta 20.1 does not increase");
        Path words = dir.resolve("words.csv");
        Files.writeString(words, "20,1\nabc,2\n");
        assertThat(CliRun.of("loss", "--loss", "mse", words.toString(), a.toString()).err())
                .contains("words.csv:2: 'abc' is not a number");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "# nothing here\n\n");
        CliRun run = CliRun.of("loss", "--loss", "mse", empty.toString(), a.toString());
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.err()).contains("empty.csv: no data");
    }

    @Test
    void aLossOutsideItsDomainSaysWhy() throws IOException {
        Path negative = dir.resolve("negative.csv");
        Files.writeString(negative, "20,1\n20.05,-0.5\n20.1,2\n");
        Path positive = dir.resolve("positive.csv");
        Files.writeString(positive, "20,1\n20.05,1\n20.1,2\n");
        CliRun run = CliRun.of("loss", "--loss", "entropy", negative.toString(), positive.toString());
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.err().strip()).doesNotContain("\n").contains("loss org.pxrd.losses.entropy")
                .contains("negative intensity").contains("point 2");
    }

    @Test
    void missingArgumentsAreAUsageError() {
        CliRun run = CliRun.of("loss", "--loss", "cosine", a.toString());
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_USAGE);
        assertThat(run.err().strip()).doesNotContain("\n").contains("TARGET");
    }

    @Test
    void pluginsListsTheLosses() {
        CliRun run = CliRun.of("plugins");
        assertThat(run.status()).isZero();
        for (String id : new String[] {"cosine", "mse", "entropy", "crosscorrelation", "rwp", "wasserstein",
                "multiscale"}) {
            assertThat(run.out()).contains("org.pxrd.losses.lossFunctions\torg.pxrd.losses." + id
                    + "\torg.pxrd.losses\n");
        }
        assertThat(CliRun.of("plugins", "--check").status()).isZero();
    }
}
