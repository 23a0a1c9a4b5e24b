package org.pxrd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.testdata.TestData;

/** {@code pxrd preprocess}: steps in order, weights carried, resampling, the list, and bad input in one line. */
class PreprocessCommandTest {

    @TempDir
    Path dir;

    private static Path pbso4() {
        return TestData.path("measured/PbSO4_anglesite/PBSO4.XRA");
    }

    private static List<double[]> rows(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> {
            String[] f = l.trim().split("[\\s,]+");
            double[] v = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                v[i] = Double.parseDouble(f[i]);
            }
            return v;
        }).toList();
    }

    @Test
    void snipThenNormalizeWritesTheResultWithItsEsds() throws Exception {
        Path out = dir.resolve("pbso4.xye");
        CliRun run = CliRun.of("preprocess", pbso4().toString(), out.toString(), "--step", "snip:window=1.5",
                "--step", "normalize");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"points\":6001").contains(
                "\"steps\":[\"org.pxrd.diffraction.snip:window=1.5,order=4,smoothing=5,lls=true,decreasing=true\","
                        + "\"org.pxrd.diffraction.normalize:mode=max\"]").contains("\"wavelength\":null");
        List<double[]> rows = rows(out);
        assertThat(rows).hasSize(6001);
        assertThat(rows.get(0)).hasSize(3);
        double max = rows.stream().mapToDouble(r -> r[1]).max().orElseThrow();
        assertThat(max).isEqualTo(1.0);
        // the strongest raw peak, 15702 counts at 29.65 degrees on a background of about 340
        double[] top = rows.stream().filter(r -> r[1] == 1.0).findFirst().orElseThrow();
        assertThat(top[0]).isEqualTo(29.65);
        // σ = √counts of the file divided by the same maximum as the intensities
        assertThat(top[2] * (15702 - 340)).isCloseTo(Math.sqrt(15702), org.assertj.core.api.Assertions.within(3.0));
    }

    @Test
    void countingWeightsAndResamplingGoIntoTheOutput() throws Exception {
        Path in = TestData.path("measured/Corundum_R040096/pattern.xy");
        Path out = dir.resolve("corundum.xy");
        CliRun run = CliRun.of("preprocess", in.toString(), out.toString(), "--weights", "counts", "--step",
                "savgol:window=7,order=2", "--resample", "20:30:0.05");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"resampled\":\"20:30:0.05\"");
        List<double[]> rows = rows(out);
        assertThat(rows).hasSize(200);
        assertThat(rows.get(0)[0]).isCloseTo(20.025, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(rows.get(0)).hasSize(3);
    }

    @Test
    void theListShowsEveryPreprocessorWithItsSettings() {
        CliRun run = CliRun.of("preprocess", "--list");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("org.pxrd.diffraction.snip\tSNIP background (background)").contains(
                "  window=2.0\t").contains("org.pxrd.diffraction.normalize\tNormalisation\t").contains("  mode=max\t")
                .contains("org.pxrd.diffraction.savgol").contains("org.pxrd.diffraction.chebyshev");
    }

    @Test
    void badInputEndsWithOneLine() {
        String in = pbso4().toString();
        String out = dir.resolve("o.xy").toString();
        assertError(CliRun.of("preprocess", in, out, "--step", "rollingBall"), "unknown id 'rollingBall'");
        assertError(CliRun.of("preprocess", in, out, "--step", "snip:width=1"), "unknown setting 'width'");
        assertError(CliRun.of("preprocess", in, out, "--step", "snip:window=0"), "'window' must lie in");
        assertError(CliRun.of("preprocess", in, out), "nothing to do");
        assertError(CliRun.of("preprocess", in), "give IN and OUT");
        assertError(CliRun.of("preprocess", dir.resolve("missing.xy").toString(), out, "--step", "snip"),
                "missing.xy");
        assertError(CliRun.of("preprocess", in, out, "--step", "snip", "--resample", "0:90"), "--resample");
        assertError(CliRun.of("preprocess", TestData.path("measured/Calcite_R040070/pattern.xy").toString(), out,
                "--weights", "esd"), "has no esd column");
        assertError(CliRun.of("preprocess", in, out, "--step", "snip:window=500"), "wider than the pattern");
        assertError(CliRun.of("preprocess", in, out, "--step", "snip", "--resample", "170:175:0.1"),
                "no bin centre within the measured range");
        assertThat(Files.exists(Path.of(out))).isFalse();
    }

    private static void assertError(CliRun run, String message) {
        assertThat(run.status()).as(run.err()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.err()).startsWith("pxrd preprocess: ").contains(message);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }
}
