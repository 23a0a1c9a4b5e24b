package org.pxrd.io.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.io.PatternData;
import org.pxrd.io.PatternFiles;
import org.pxrd.io.PatternFormatException;
import org.pxrd.io.StructureFiles;
import org.pxrd.model.Pattern;
import org.pxrd.testdata.TestData;

/**
 * Every file under the measured reference data reads: the patterns (original instrument files and the curator's
 * {@code pattern.xy} conversions, which are the oracle for the originals), the structures; the documentation and
 * refinement-program files are refused as patterns with a one-line error.
 */
class MeasuredPatternsTest {

    /** Files that are neither patterns nor structures: documentation, licences, refinement program files. */
    private static final List<String> NOT_DATA = List.of(".md", ".pcr", ".sum", ".prm");

    private static final PatternFiles PATTERNS = new PatternFiles(ExtensionSources.detect());
    private static final StructureFiles STRUCTURES = new StructureFiles(ExtensionSources.detect());

    static Stream<Arguments> measuredFiles() throws IOException {
        try (Stream<Path> files = Files.walk(TestData.path("measured"))) {
            return files.filter(Files::isRegularFile).sorted().toList().stream()
                    .map(p -> Arguments.of(TestData.root().relativize(p).toString(), p));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("measuredFiles")
    void everyMeasuredFileReads(String name, Path file) throws Exception {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".cif")) {
            assertThat(STRUCTURES.read(file)).isNotEmpty();
        } else if (lower.startsWith("license") || NOT_DATA.stream().anyMatch(lower::endsWith)) {
            assertThatThrownBy(() -> PATTERNS.read(file)).isInstanceOf(PatternFormatException.class)
                    .hasMessageStartingWith(file + ":").hasMessageNotContaining("\n");
        } else {
            Pattern p = PATTERNS.read(file);
            assertThat(p.size()).isGreaterThan(1000);
            assertThat(p.twoThetaArray()[0]).isBetween(4.0, 11.0);
        }
    }

    @Test
    void theXrdmlFileIsTheCuratorsConversionAndStatesKAlpha1() throws Exception {
        Path folder = TestData.path("measured/RbNb2O5F_pyrochlore");
        PatternData xrdml = PATTERNS.readData(folder.resolve("RbNb2O5F.xrdml"));
        Pattern xy = PATTERNS.read(folder.resolve("pattern.xy"));
        // pattern.xy writes 2theta with 5 decimals and the counts unchanged
        assertSamePoints(xrdml.pattern(), xy, 0, 0.5e-5, 0);
        assertThat(xrdml.pattern().wavelength()).hasValue(1.5405980);
        assertThat(xrdml.metadata()).containsEntry(PatternData.KALPHA2, "1.544426")
                .containsEntry(PatternData.KALPHA2_RATIO, "0.5");
        assertThat(xy.wavelength()).isEmpty();
        // the authors' FullProf .dat: the same scan without its first point, 2theta with 4 decimals (their program
        // rounds its own 2theta values, which differ from the evenly spaced ones by up to 1e-4 after rounding)
        Pattern dat = PATTERNS.read(folder.resolve("RbNb2O5F.dat"));
        assertSamePoints(xrdml.pattern(), dat, 1, 1e-4, 0);
    }

    @Test
    void theGsasStdFileIsTheCuratorsConversionWithCountingErrors() throws Exception {
        Path folder = TestData.path("measured/PbSO4_anglesite");
        Pattern gsas = PATTERNS.read(folder.resolve("PBSO4.XRA"));
        Pattern xy = PATTERNS.read(folder.resolve("pattern.xy"));
        assertSamePoints(gsas, xy, 0, 1e-9, 0);
        assertThat(gsas.twoThetaArray()[1] - gsas.twoThetaArray()[0]).isCloseTo(0.025, within(1e-12));
        double[] y = gsas.intensityArray();
        double[] s = gsas.esdArray();
        for (int i = 0; i < y.length; i++) {
            assertThat(s[i]).isCloseTo(Math.sqrt(Math.max(y[i], 1)), within(1e-12));
        }
        assertThat(gsas.wavelength()).isEmpty();
    }

    @Test
    void rruffFilesKeepTheirHeaderAndMatchTheConversion() throws Exception {
        for (String folder : List.of("Calcite_R040070", "Corundum_R040096", "Rutile_R040049")) {
            Path dir = TestData.path("measured/" + folder);
            Path txt;
            try (Stream<Path> s = Files.list(dir)) {
                txt = s.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow();
            }
            PatternData rruff = PATTERNS.readData(txt);
            // pattern.xy keeps 6 significant digits of the intensities
            assertSamePoints(rruff.pattern(), PATTERNS.read(dir.resolve("pattern.xy")), 0, 0.5e-5, 5e-6);
            assertThat(rruff.metadata()).containsEntry("RRUFFID", folder.substring(folder.indexOf('_') + 1))
                    .containsKey("CELL PARAMETERS");
            assertThat(rruff.pattern().wavelength()).as("RRUFF headers here state no wavelength").isEmpty();
        }
    }

    /**
     * Point i of {@code full} against point i - offset of {@code other}, for every point of {@code other}: 2θ within
     * an absolute tolerance (degrees), intensities within a relative one.
     */
    private static void assertSamePoints(Pattern full, Pattern other, int offset, double twoThetaTolerance,
            double intensityTolerance) {
        double[] x = full.twoThetaArray();
        double[] y = full.intensityArray();
        double[] u = other.twoThetaArray();
        double[] v = other.intensityArray();
        assertThat(u.length + offset).isEqualTo(x.length);
        for (int i = 0; i < u.length; i++) {
            assertThat(u[i]).as("2theta %d", i).isCloseTo(x[i + offset], within(twoThetaTolerance));
            assertThat(v[i]).as("intensity %d", i).isCloseTo(y[i + offset], within(intensityTolerance
                    * Math.max(1, Math.abs(y[i + offset]))));
        }
    }
}
