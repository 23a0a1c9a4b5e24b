package org.pxrd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.examples.Examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code pxrd landscape}. */
class LandscapeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String example(String formula) {
        return Examples.studyStructures().stream().filter(p -> p.getFileName().toString().contains("_" + formula + "_"))
                .findFirst().orElseThrow().toString();
    }

    @Test
    void aLandscapeWithTrajectoriesWritesItsGridHeatmapAndPaths(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("land");
        CliRun run = CliRun.of("landscape", example("MnCo"), "--params", "a,c", "--span", "0.1", "--steps", "11",
                "--loss", "cosine", "--trajectories", "1", "--noise", "0.02", "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode summary = JSON.readTree(run.out());
        assertThat(summary.get("x").asText()).isEqualTo("a");
        assertThat(summary.get("y").asText()).isEqualTo("c");
        assertThat(summary.get("truth_is_lowest").asBoolean()).isTrue();
        assertThat(summary.get("local_minima").asInt()).isPositive();
        assertThat(summary.get("trajectories")).hasSize(3);
        List<String> grid = Files.readAllLines(out.resolve("landscape.csv"));
        assertThat(grid).hasSize(2 + 11 * 11);
        assertThat(grid.get(0)).startsWith("# loss=org.pxrd.losses.cosine truth a=");
        assertThat(grid.get(1)).isEqualTo("a,c,loss,local_minimum");
        // the middle row of the file is the truth: cosine loss -1, a local minimum
        String[] middle = grid.get(2 + 5 * 11 + 5).split(",");
        assertThat(Double.parseDouble(middle[2])).isCloseTo(-1, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(middle[3]).isEqualTo("1");
        List<String> paths = Files.readAllLines(out.resolve("trajectories.csv"));
        assertThat(paths.get(0)).isEqualTo("trajectory,kind,step,a,c,loss");
        assertThat(paths).anyMatch(l -> l.startsWith("0,constrained,0,"))
                .anyMatch(l -> l.startsWith("0,unconstrained-from-constrained-start,0,"));
        BufferedImage png = ImageIO.read(out.resolve("landscape.png").toFile());
        assertThat(png.getWidth()).isEqualTo(820);
        assertThat(png.getHeight()).isEqualTo(700);
    }

    @Test
    void badOptionsAreOneLine(@TempDir Path dir) {
        String file = example("MnCo");
        String o = dir.resolve("out").toString();
        String[][] cases = {
            {"--params", "a", "--out", o},
            {"--params", "a,a", "--out", o},
            {"--params", "a,q", "--out", o},
            {"--params", "a,c", "--span", "2", "--out", o},
            {"--params", "a,c", "--steps", "1", "--out", o},
            {"--params", "a,c", "--loss", "nosuchloss", "--steps", "3", "--out", o}};
        String[] messages = {"--params must name two lattice parameters X,Y (e.g. a,c), got 'a'",
            "the two parameters of a landscape must differ, got a twice", "unknown lattice parameter 'q'",
            "the span must lie in (0, 1)", "a landscape needs at least 3 steps per axis, got 1", "nosuchloss"};
        for (int k = 0; k < cases.length; k++) {
            String[] args = new String[cases[k].length + 2];
            args[0] = "landscape";
            args[1] = file;
            System.arraycopy(cases[k], 0, args, 2, cases[k].length);
            CliRun run = CliRun.of(args);
            assertThat(run.status()).as(String.join(" ", args)).isEqualTo(Pxrd.EXIT_FAILURE);
            assertThat(run.err().strip()).as(String.join(" ", args)).doesNotContain("\n")
                    .startsWith("pxrd landscape: ").contains(messages[k]);
        }
        CliRun missing = CliRun.of("landscape", dir.resolve("none.cif").toString(), "--params", "a,c", "--out", o);
        assertThat(missing.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("none.cif");
    }
}
