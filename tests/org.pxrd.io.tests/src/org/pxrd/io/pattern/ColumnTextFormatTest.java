package org.pxrd.io.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pxrd.core.extensions.ContributionRegistry;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.io.PatternData;
import org.pxrd.io.PatternFiles;
import org.pxrd.io.PatternFormat;
import org.pxrd.model.Pattern;

/** Column text: separators, comments, headers, esd columns, stated wavelengths, order, and errors. */
class ColumnTextFormatTest {

    private final ColumnTextFormat format = new ColumnTextFormat();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "10 1\\n10.5 2\\n11 3",
        "# comment\\n! another\\n10\\t1\\n10.5\\t2\\n\\n11\\t3\\n",
        "2theta,intensity\\n10,1\\n10.5,2\\n11,3",
        "2theta;intensity\\n10;1\\n10,5;2\\n11;3",
        "##NAMES=Quartz\\n10, 1\\n10.5, 2\\n11, 3\\n##END=\\nnot data any more",
        "11 3\\n10.5 2\\n10 1",
        "\\uFEFF10 1\\r\\n10.5 2\\r\\n11 3\\r\\n"})
    void separatorsCommentsHeadersAndOrderAreUnderstood(String text) throws Exception {
        Pattern p = format.read(text.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r")
                .replace("\\uFEFF", "\uFEFF"), "dir/scan.xy").pattern();
        assertThat(p.twoThetaArray()).containsExactly(10, 10.5, 11);
        assertThat(p.intensityArray()).containsExactly(1, 2, 3);
        assertThat(p.name()).isEqualTo("scan.xy");
        assertThat(p.wavelength()).isEmpty();
        assertThat(p.hasEsd()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "# wavelength = 1.5406 Angstrom|1.5406",
        "##WAVELENGTH=0.709300|0.7093",
        "# Wavelength (A): 1.54056|1.54056",
        "! lambda: 0.0709 nm|0.709",
        "# X-ray wavelength = 154.06 pm|1.5406"})
    void aStatedWavelengthTravelsWithThePattern(String statement, double angstrom) throws Exception {
        Pattern p = format.read(statement + "\n10 1\n11 2\n", "w.xy").pattern();
        assertThat(p.wavelength().getAsDouble()).isCloseTo(angstrom, within(1e-12));
    }

    @Test
    void aCommentMentioningTheSourceButNoWavelengthStatesNone() throws Exception {
        Pattern p = format.read("# Cu Ka1+Ka2 (1.540598/1.544426, ratio 0.5)\n10 1\n11 2\n", "w.xy").pattern();
        assertThat(p.wavelength()).isEmpty();
    }

    @Test
    void aThirdColumnIsSigmaAndRruffHeadersAreMetadata() throws Exception {
        PatternData data = format.read("##RRUFFID=R040070\n##CELL PARAMETERS=a: 4.98\n10 1 0.5\n11 4 2\n", "r.txt");
        assertThat(data.pattern().esdArray()).containsExactly(0.5, 2);
        assertThat(data.metadata()).containsEntry("RRUFFID", "R040070").containsEntry("CELL PARAMETERS", "a: 4.98");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "|x.xy: no data lines (expected columns of 2theta and intensity)",
        "# only comments|x.xy: no data lines (expected columns of 2theta and intensity)",
        "10 1\\n11 x|x.xy:2: 'x' is not a number",
        "10 1\\n11|x.xy:2: 1 value where earlier lines have 2",
        "10 1 2 3|x.xy:1: 4 values on a line: expected 2 (2theta, intensity) or 3 (2theta, intensity, sigma)",
        "10 1\\n11 2\\n10.5 3|x.xy:3: 2theta 10.5 does not increase from the previous line's 11: the 2theta column must be monotonic",
        "10 1\\n10 2|x.xy:2: 2theta 10 does not increase from the previous line's 10: the 2theta column must be monotonic",
        "10 1 0\\n11 2 1|x.xy:1: sigma 0 must be positive",
        "10 NaN\\n11 2|x.xy:1: 'NaN' is not a number",
        "a b\\nc d\\n10 1|x.xy:2: 'c' is not a number (one line of column names is allowed, before the data)",
        "10 1e999\\n11 2|x.xy:1: '1e999' is not a finite number"})
    void brokenFilesNameTheLine(String text, String message) {
        assertThatThrownBy(() -> format.read(text == null ? "" : text.replace("\\n", "\n"), "x.xy"))
                .hasMessage(message);
    }

    @Test
    void writtenFilesReadBackExactlyWithTheirWavelength() throws Exception {
        Pattern p = new Pattern("round trip", new double[] {5.000001, 5.02, 90}, new double[] {-3.25, 1e-7, 12345.678},
                new double[] {0.1, 0.2, 1 / 3.0}, 1.5405980);
        ContributionRegistry<PatternFormat> formats = new ContributionRegistry<>(ExtensionSources.detect(),
                PatternFiles.EXTENSION_POINT, PatternFormat.class);
        for (String separator : new String[] {"space", "tab", "comma"}) {
            PatternFormat writer = formats.create("org.pxrd.io.csv", Map.of(ColumnTextFormat.SEPARATOR, separator));
            Pattern back = format.read(writer.write(p), "back.xy").pattern();
            assertThat(back.twoThetaArray()).as(separator).containsExactly(p.twoThetaArray());
            assertThat(back.intensityArray()).as(separator).containsExactly(p.intensityArray());
            assertThat(back.esdArray()).as(separator).containsExactly(p.esdArray());
            assertThat(back.wavelength()).as(separator).hasValue(1.5405980);
        }
        Pattern noWavelength = new Pattern("none", new double[] {1, 2}, new double[] {3, 4}, Double.NaN);
        assertThat(format.read(format.write(noWavelength), "n.xy").pattern().wavelength()).isEmpty();
    }

    @Test
    void contentIsRecognizedOnlyForColumnsOfNumbers() {
        assertThat(format.recognizes("# x\n2theta intensity\n1 2\n3 4\n5 6\n7 8\n")).isTrue();
        assertThat(format.recognizes("data_x\n_cell_length_a 5\n")).isFalse();
        assertThat(format.recognizes("title\nBANK 1 6001 601 CONST 1000 2.5 0 0 STD\n 1 2 3 4 5 6 7 8 9 10\n"))
                .isFalse();
    }
}
