package org.pxrd.diffraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Instrument settings: named lines, doublets, grids, profiles, validation and JSON. */
class InstrumentSettingsTest {

    @Test
    void namedLinesAndNumbersParse() {
        assertThat(Radiation.parse("CuKa1").wavelength()).isEqualTo(1.54056);
        assertThat(Radiation.parse("cuka").wavelength()).isEqualTo(1.54184);
        assertThat(Radiation.parse("MoKa1").wavelength()).isEqualTo(0.70930);
        assertThat(Radiation.parse("CoKa1").wavelength()).isEqualTo(1.78896);
        assertThat(Radiation.parse("FeKa1").wavelength()).isEqualTo(1.93604);
        assertThat(Radiation.parse("CrKa1").wavelength()).isEqualTo(2.28970);
        assertThat(Radiation.parse("AgKa1").wavelength()).isEqualTo(0.559421);
        Radiation r = Radiation.parse(" 1.5406 ");
        assertThat(r.wavelength()).isEqualTo(1.5406);
        assertThat(r.name()).isNull();
        assertThat(r.describe()).isEqualTo("1.5406 Å");
        assertThat(Radiation.parse("CuKa1").describe()).isEqualTo("1.54056 Å (CuKa1)");
    }

    @Test
    void kAlphaMeanIsTheWeightedMeanOfTheDoublet() {
        // Kα = (2 Kα1 + Kα2)/3 as tables define it, to the 5 decimals they quote
        for (String anode : new String[] {"Cu", "Mo", "Cr", "Fe", "Co", "Ag"}) {
            XrayLine mean = XrayLine.valueOf(anode + "Ka");
            double expected = (2 * mean.alpha1().wavelength() + mean.alpha2().wavelength()) / 3;
            assertThat(mean.wavelength()).as(anode).isCloseTo(expected, within(2e-5));
        }
    }

    @Test
    void doubletsComeFromNamedKAlphaLines() {
        Radiation d = Radiation.parse("CuKa").withDoublet(0.5);
        assertThat(d.wavelength()).isEqualTo(1.54056);
        assertThat(d.alpha2Wavelength()).isEqualTo(1.54439);
        assertThat(d.alpha2Ratio()).isEqualTo(0.5);
        assertThat(d.lineCount()).isEqualTo(2);
        assertThat(d.headerValue()).isEqualTo("1.54056+1.54439:0.5");
        assertThatThrownBy(() -> Radiation.of(1.5406).withDoublet(0.5)).hasMessageContaining("no Kα2 line is known");
        assertThat(Radiation.of(1.5406).withAlpha2(1.5444, 0.48).alpha2Ratio()).isEqualTo(0.48);
    }

    @Test
    void badRadiationIsNamed() {
        assertThatThrownBy(() -> Radiation.parse("CuKalpha")).hasMessageContaining("unknown wavelength 'CuKalpha'")
                .hasMessageContaining("CuKa1");
        assertThatThrownBy(() -> Radiation.of(-1)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Radiation.of(Double.NaN)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Radiation.of(1.5).withAlpha2(1.6, 2)).hasMessageContaining("ratio");
    }

    @Test
    void gridsParseAndValidate() {
        TwoThetaGrid g = TwoThetaGrid.parse("0:90:0.01");
        assertThat(g.bins()).isEqualTo(9000);
        assertThat(g.centre(0)).isCloseTo(0.005, within(1e-15));
        assertThat(g.centre(8999)).isCloseTo(89.995, within(1e-12));
        assertThat(TwoThetaGrid.parse("10:80:0.02").bins()).isEqualTo(3500);
        assertThatThrownBy(() -> TwoThetaGrid.parse("0:90")).hasMessageContaining("min:max:step");
        assertThatThrownBy(() -> TwoThetaGrid.parse("90:0:0.01")).hasMessageContaining("0 <= min < max < 180");
        assertThatThrownBy(() -> TwoThetaGrid.parse("0:190:0.01")).hasMessageContaining("< 180");
        assertThatThrownBy(() -> TwoThetaGrid.parse("0:90:0")).hasMessageContaining("step 0.0 must be positive");
        assertThatThrownBy(() -> TwoThetaGrid.parse("0:90:0.007")).hasMessageContaining("whole number of steps");
        assertThatThrownBy(() -> TwoThetaGrid.parse("0:x:0.01")).hasMessageContaining("bad number 'x'");
    }

    @Test
    void profilesParseAndValidate() {
        ProfileParameters p = ProfileParameters.parse("0.1,0.01,0.1,0.1");
        assertThat(p).isEqualTo(ProfileParameters.STUDY);
        assertThat(ProfileParameters.parse("0.1,0.01,0.1,0.1,0.02").zeroShift()).isEqualTo(0.02);
        assertThatThrownBy(() -> ProfileParameters.parse("0.1,0.01")).hasMessageContaining("U,V,W,eta");
        assertThatThrownBy(() -> ProfileParameters.parse("0.1,0.01,0.1,1.5")).hasMessageContaining("eta = 1.5");
        // H² = U tan²θ + V tanθ + W must stay positive on the whole range
        assertThatThrownBy(() -> InstrumentSettings.study(Radiation.of(1.5406))
                .withProfile(ProfileParameters.parse("0.1,-1,0.1,0.1"))).hasMessageContaining("no positive peak width");
        assertThat(ProfileParameters.STUDY.fwhm(Math.toRadians(45))).isCloseTo(Math.sqrt(0.21), within(1e-15));
    }

    @Test
    void settingsRoundTripThroughJson() throws Exception {
        InstrumentSettings settings = InstrumentSettings.study(Radiation.of(XrayLine.CuKa1).withDoublet(0.47))
                .withGrid(TwoThetaGrid.parse("5:85:0.02"))
                .withProfile(ProfileParameters.parse("0.2,-0.01,0.05,0.3,0.01"))
                .withNormalisation(PeakNormalisation.UNIT_HEIGHT).withScaling(PatternScaling.RAW)
                .withTails(TailMode.EXACT);
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(settings);
        assertThat(text).contains("\"wavelength\":1.54056").contains("\"alpha2Ratio\":0.47").contains("UNIT_HEIGHT");
        assertThat(json.readValue(text, InstrumentSettings.class)).isEqualTo(settings);
    }
}
