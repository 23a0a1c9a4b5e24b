package org.pxrd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.testdata.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code pxrd refine START --target MEASURED ...} the Rietveld way: the file's radiation (or the user's, never a
 * default), background, instrument parameters, R_wp, R_exp and GoF before and after, the refined CIF, the fit as CSV
 * and PNG; one-line errors with exit status 1 for a missing wavelength, an empty or NaN pattern, a range without
 * points and unknown instrument parameters.
 */
class RefineMeasuredCommandTest {

    /** The issue's criterion on the refined lattice constant (relative). */
    private static final double CELL_TOLERANCE = 1e-3;
    /** The authors' FullProf cell of RbNb2O5F (Å). */
    private static final double RB_A = 10.49561;

    @TempDir
    Path dir;

    private static Path measured(String phase, String file) {
        return TestData.path("measured/" + phase + "/" + file);
    }

    /** The phase's structure with every lattice length scaled by {@code factor}, written to the temp folder. */
    private Path scaled(String phase, double factor) throws Exception {
        List<String> lines = Files.readAllLines(measured(phase, "structure.cif"));
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("_cell_length_")) {
                String[] parts = line.trim().split("\\s+");
                line = parts[0] + " " + Double.parseDouble(parts[1]) * factor;
            }
            if (!line.startsWith("_cell_volume")) {
                sb.append(line).append('\n');
            }
        }
        Path file = dir.resolve(phase + "_start.cif");
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void theXrdmlIsRefinedWithItsOwnDoubletAndTheFitIsReported() throws Exception {
        Path out = dir.resolve("refined.cif");
        Path csv = dir.resolve("fit.csv");
        Path png = dir.resolve("fit.png");
        CliRun run = CliRun.of("refine", scaled("RbNb2O5F_pyrochlore", 1.01).toString(), "--target",
                measured("RbNb2O5F_pyrochlore", "RbNb2O5F.xrdml").toString(), "--background", "snip",
                "--refine-instrument", "zero,scale,W", "--range", "10:120", "--out", out.toString(), "--fit-csv",
                csv.toString(), "--fit-png", png.toString());
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("status").asText()).isEqualTo("converged");
        assertThat(json.get("loss").asText()).isEqualTo("residual");
        assertThat(json.get("wavelength").asText()).isEqualTo("1.540598+1.544426:0.5");
        assertThat(json.get("wavelength_source").asText()).isEqualTo("from RbNb2O5F.xrdml");
        assertThat(json.get("weights").asText()).isEqualTo("counts");
        double a = json.get("lattice").get("a").asDouble();
        assertThat(Math.abs(a / RB_A - 1)).isLessThan(CELL_TOLERANCE);
        assertThat(json.get("lattice").get("c").asDouble()).isEqualTo(a);
        double before = json.get("agreement_before").get("rwp").asDouble();
        double after = json.get("agreement_after").get("rwp").asDouble();
        assertThat(after).isLessThan(0.5 * before);
        assertThat(json.get("agreement_after").get("gof").asDouble()).isGreaterThan(1);
        assertThat(json.get("agreement_after").has("rwp_background")).isTrue();
        assertThat(json.get("instrument").get("zero").asDouble()).isBetween(-0.07, -0.03);
        assertThat(json.get("instrument_refined").toString()).isEqualTo("[\"zero\",\"scale\",\"W\"]");
        assertThat(run.err()).contains("Rwp").contains("Rexp").contains("GoF");
        assertThat(Files.readString(out)).contains("_cell_length_a");
        List<String> rows = Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(rows.get(0)).isEqualTo("two_theta,observed,calculated,background,difference");
        assertThat(rows).hasSize(json.get("points").asInt() + 1);
        String[] first = rows.get(1).split(",");
        assertThat(Double.parseDouble(first[4])).isCloseTo(Double.parseDouble(first[1]) - Double.parseDouble(
                first[2]), org.assertj.core.api.Assertions.within(1e-6 * Math.abs(Double.parseDouble(first[1]))));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isPositive();
        assertThat(image.getHeight()).isPositive();
    }

    @Test
    void aPatternWithoutWavelengthNeedsOne() {
        CliRun run = CliRun.of("refine", measured("Corundum_R040096", "structure.cif").toString(), "--target",
                measured("Corundum_R040096", "pattern.xy").toString(), "--refine-instrument", "zero,scale");
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("pattern.xy").contains("does not state its X-ray wavelength").contains(
                "--wavelength");
    }

    @Test
    void badInputEndsWithOneLineAndStatusOne() throws Exception {
        String corundum = measured("Corundum_R040096", "structure.cif").toString();
        Path empty = dir.resolve("empty.xy");
        Files.writeString(empty, "# nothing measured\n");
        Path nan = dir.resolve("nan.xy");
        Files.writeString(nan, "20.00 10\n20.01 NaN\n20.02 12\n");
        String xy = measured("Corundum_R040096", "pattern.xy").toString();
        String[][] cases = {
            {"refine", corundum, "--target", empty.toString(), "--wavelength", "CuKa1", "--background", "snip"},
            {"refine", corundum, "--target", nan.toString(), "--wavelength", "CuKa1", "--background", "snip"},
            {"refine", corundum, "--target", xy, "--wavelength", "CuKa1", "--range", "120:130"},
            {"refine", corundum, "--target", xy, "--wavelength", "CuKa1", "--refine-instrument", "zero,tilt"},
            {"refine", corundum, "--target", xy, "--wavelength", "CuKa1", "--background", "normalize"},
            {"refine", corundum, "--target", xy, "--wavelength", "CuKa1", "--doublet", "--alpha2", "1.5443",
                "--range", "20:80"},
        };
        String[] expected = {"empty.xy", "nan.xy", "120", "unknown instrument parameter 'tilt'", "normalize",
            "either --doublet or --alpha2"};
        for (int i = 0; i < cases.length; i++) {
            CliRun run = CliRun.of(cases[i]);
            assertThat(run.status()).as(String.join(" ", cases[i])).isEqualTo(Pxrd.EXIT_FAILURE);
            assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
            assertThat(run.err()).contains(expected[i]);
        }
    }
}
