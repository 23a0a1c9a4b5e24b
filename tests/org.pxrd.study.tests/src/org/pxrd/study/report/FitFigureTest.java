package org.pxrd.study.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fit picture: drawn headless at its stated size, with the calculated curve (blue), the observed points (orange),
 * the difference (green) and the reflection ticks (purple) all on it; arrays that do not match are refused.
 */
class FitFigureTest {

    @TempDir
    Path dir;

    @Test
    void everyPartOfTheFitIsDrawn() throws Exception {
        int n = 400;
        double[] x = new double[n];
        double[] obs = new double[n];
        double[] calc = new double[n];
        double[] back = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 20 + 0.05 * i;
            back[i] = 100;
            calc[i] = back[i] + 1000 * Math.exp(-Math.pow((x[i] - 30) / 0.2, 2));
            obs[i] = back[i] + 900 * Math.exp(-Math.pow((x[i] - 30.05) / 0.2, 2));
        }
        Path png = dir.resolve("fit.png");
        FitFigure.write("test fit", x, obs, calc, back, new double[] {30, 35, 50}, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(FitFigure.WIDTH);
        assertThat(image.getHeight()).isEqualTo(FitFigure.HEIGHT);
        assertThat(contains(image, 0x0072B2)).as("calculated").isTrue();
        assertThat(contains(image, 0xD55E00)).as("observed").isTrue();
        assertThat(contains(image, 0x009E73)).as("difference").isTrue();
        assertThat(contains(image, 0xCC79A7)).as("ticks").isTrue();
        assertThatThrownBy(() -> FitFigure.write("bad", x, obs, new double[3], null, new double[0], png))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean contains(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
