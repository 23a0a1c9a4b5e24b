package org.pxrd.io.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pxrd.model.Pattern;

/** GSAS raw data: STD (fixed fields and blank-separated), ESD, FXYE, and refusals. */
class GsasFormatTest {

    private final GsasFormat gsas = new GsasFormat();

    @Test
    void stdInFixedFieldsWithCountersGivesAveragedCountingErrors() throws Exception {
        String text = "test pattern\nBANK 1 4 1 CONST 1000 2.5 0 0 STD\n     100 2   200     300       0\n";
        Pattern p = gsas.read(text, "t.gsas").pattern();
        assertThat(p.twoThetaArray()).containsExactly(new double[] {10, 10.025, 10.05, 10.075}, within(1e-12));
        assertThat(p.intensityArray()).containsExactly(100, 200, 300, 0);
        assertThat(p.esdArray()).containsExactly(new double[] {10, 10, Math.sqrt(300), 1}, within(1e-12));
    }

    @Test
    void stdAsBlankSeparatedCountsWithoutType() throws Exception {
        String text = "BA67AJ_300K.002 wavelength = 1.23966\nBANK 1 3 1 CONST 400 1\n20 21 26\n";
        Pattern p = gsas.read(text, "t.gss").pattern();
        assertThat(p.twoThetaArray()).containsExactly(4, 4.01, 4.02);
        assertThat(p.wavelength()).hasValue(1.23966);
    }

    @Test
    void esdAndFxyeCarryTheirSigmas() throws Exception {
        String esd = "esd\nBANK 1 2 1 CONST 500 10 0 0 ESD\n   100.0     5.0   400.0    30.0\n";
        Pattern e = gsas.read(esd, "e.gsas").pattern();
        assertThat(e.twoThetaArray()).containsExactly(5, 5.1);
        assertThat(e.esdArray()).containsExactly(5, 30);
        String fxye = "fxye\nBANK 1 2 2 CONST 500 10 0 0 FXYE\n  500.0 100.0 5.0\n  510.0 400.0 30.0\n";
        assertThat(gsas.read(fxye, "f.fxye").pattern().esdArray()).containsExactly(5, 30);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "t\\nno bank here|t.gsas: no BANK line",
        "t\\nBANK 1 5 1 CONST 1000 2.5 0 0 STD\\n 1 2 3|t.gsas:3: the data end after 3 of the 5 points the BANK line announces",
        "t\\nBANK 1 2 2 RALF 48008 64 64331 0.0010 FXYE\\n1 2 3\\n4 5 6|t.gsas:2: binning 'RALF' is not supported (time-of-flight data; constant-wavelength CONST is)",
        "t\\nBANK 1 2 1 CONST 1000 2.5 0 0 ALT\\n1 2|t.gsas:2: data type 'ALT' is not supported (STD, ESD and FXYE are)",
        "t\\nBANK 1 1 1 CONST 1000 2.5 0 0 STD\\n1\\nBANK 2 1 1 CONST 1000 2.5 0 0 STD\\n1|t.gsas:4: a second BANK: only single-bank files are read",
        "t\\nBANK 1 1 1 CONST 1000 2.5 0 0 STD\\nabc|t.gsas:3: 'abc' is not a number",
        "t\\nBANK 1 x 1 CONST|t.gsas:2: channel count 'x' is not a whole number"})
    void refusalsNameTheLine(String text, String message) {
        assertThatThrownBy(() -> gsas.read(text.replace("\\n", "\n"), "t.gsas")).hasMessage(message);
    }
}
