package org.pxrd.diffraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Pattern;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;

/**
 * The refinable instrument parameters: what each does to a pattern in closed form (sample displacement as a
 * θ-dependent shift, scale factor, Kα2 ratio), the named group the refinement engine uses, and what a session
 * refuses to change. Their derivatives are checked against finite differences in {@link GradientTest}.
 */
class InstrumentParametersTest {

    /** Rounding of sums of a few thousand terms of order 1: far below any physical difference. */
    private static final double ROUNDING = 1e-9;

    private static final double A = 3.1;
    private static final double LAMBDA = 1.5406;
    /** 2θ of (100) of the simple cubic crystal. */
    private static final double TWO_THETA_100 = 2 * Math.toDegrees(Math.asin(LAMBDA / (2 * A)));

    private static Structure simpleCubic() {
        return new Structure("sc Cu", Lattice.cubic(A), List.of(Site.of(Element.Cu, 0, 0, 0)));
    }

    /** Exact tails, raw intensities, a grid that ends 1° above (100): the pattern is that one peak (6 reflections). */
    private static InstrumentSettings onePeak() {
        double max = Math.ceil(TWO_THETA_100 + 1);
        return InstrumentSettings.study(Radiation.of(LAMBDA)).withGrid(new TwoThetaGrid(0, max, 0.01))
                .withScaling(PatternScaling.RAW).withTails(TailMode.EXACT);
    }

    private static double[] pattern(InstrumentSettings settings) {
        XrdSession session = new PowderSimulator().open(simpleCubic(), settings);
        double[] y = new double[session.patternSize()];
        session.computePattern(y);
        return y;
    }

    @Test
    void displacementShiftsAPeakByMinus360OverPiTimesSOverRCosTheta() {
        Goniometer goniometer = new Goniometer(217.5, 0.15);
        double theta = Math.toRadians(TWO_THETA_100 / 2);
        double shift = -(360 / Math.PI) * (0.15 / 217.5) * Math.cos(theta);
        assertThat(shift).isCloseTo(-0.0766, within(1e-4));
        double[] displaced = pattern(onePeak().withGoniometer(goniometer));
        double[] zeroShifted = pattern(onePeak().withProfile(ProfileParameters.STUDY.withZeroShift(shift)));
        double max = 0;
        for (double v : zeroShifted) {
            max = Math.max(max, v);
        }
        for (int j = 0; j < displaced.length; j++) {
            assertThat(displaced[j]).as("bin %d", j).isCloseTo(zeroShifted[j], within(ROUNDING * max));
        }
        assertThat(XrdPhysics.displacementShift(0.15 / 217.5, Math.cos(theta))).isCloseTo(shift, within(1e-15));
    }

    @Test
    void scaleMultipliesThePatternAndKAlpha2EntersLinearlyWithItsRatio() {
        InstrumentSettings doublet = onePeak().withRadiation(Radiation.of(LAMBDA).withAlpha2(1.5444, 0.5));
        double[] base = pattern(doublet);
        double[] scaled = pattern(doublet.withScale(2.5));
        double[] none = pattern(InstrumentParameter.ALPHA2_RATIO.with(doublet, 0));
        double[] full = pattern(InstrumentParameter.ALPHA2_RATIO.with(doublet, 1));
        double max = 0;
        for (double v : full) {
            max = Math.max(max, v);
        }
        for (int j = 0; j < base.length; j++) {
            assertThat(scaled[j]).isCloseTo(2.5 * base[j], within(ROUNDING * max));
            assertThat(base[j]).isCloseTo(none[j] + 0.5 * (full[j] - none[j]), within(ROUNDING * max));
        }
    }

    @Test
    void theGroupReadsSetsAndBoundsParametersByName() {
        InstrumentParameters group = InstrumentParameters.parse("zero, scale,W,alpha2Ratio,displacement,eta");
        assertThat(group.ids()).containsExactly("zero", "scale", "W", "alpha2Ratio", "displacement", "eta");
        InstrumentSettings start = InstrumentSettings.study(Radiation.of(XrayLine.CuKa1).withDoublet(0.5));
        assertThat(group.values(start)).containsExactly(0, 1, 0.1, 0.5, 0, 0.1);
        InstrumentSettings moved = group.apply(start, new double[] {-0.04, 1200, 0.02, 0.48, 0.1, 0.7});
        assertThat(moved.profile().zeroShift()).isEqualTo(-0.04);
        assertThat(moved.scale()).isEqualTo(1200);
        assertThat(moved.profile().w()).isEqualTo(0.02);
        assertThat(moved.radiation().alpha2Ratio()).isEqualTo(0.48);
        assertThat(moved.radiation().alpha2Wavelength()).isEqualTo(XrayLine.CuKa2.wavelength());
        assertThat(moved.goniometer().displacement()).isEqualTo(0.1);
        assertThat(moved.profile().eta()).isEqualTo(0.7);
        assertThat(start.sameFixedParts(moved)).isTrue();

        double[] outside = {0.3, -5, 0.02, 1.2, -0.3, -0.1};
        group.clamp(outside);
        assertThat(outside).containsExactly(0.3, 0, 0.02, 1, -0.3, 0);

        XrdGradient g = new XrdGradient(1);
        g.profile[4] = 1;
        g.scale = 2;
        g.profile[2] = 3;
        g.alpha2Ratio = 4;
        g.displacement = 5;
        g.profile[3] = 6;
        double[] d = new double[group.size()];
        group.gradient(g, d);
        assertThat(d).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void badGroupsAndValuesAreNamed() {
        assertThatThrownBy(() -> InstrumentParameters.parse("zero,tilt")).hasMessageContaining(
                "unknown instrument parameter 'tilt'").hasMessageContaining("displacement");
        assertThatThrownBy(() -> InstrumentParameters.parse("zero,ZERO")).hasMessageContaining("named twice");
        InstrumentSettings single = InstrumentSettings.study(Radiation.of(1.5406));
        assertThatThrownBy(() -> InstrumentParameters.parse("alpha2Ratio").apply(single, new double[] {0.5}))
                .hasMessageContaining("has no Kα2 line");
        assertThatThrownBy(() -> InstrumentParameters.parse("W").apply(single, new double[] {-1}))
                .hasMessageContaining("no positive peak width");
        assertThatThrownBy(() -> InstrumentParameters.parse("zero").apply(single, new double[] {Double.NaN}))
                .hasMessageContaining("zero is NaN");
        assertThatThrownBy(() -> InstrumentParameters.parse("zero,W").apply(single, new double[] {0}))
                .hasMessageContaining("expected 2");
        assertThatThrownBy(() -> new Goniometer(0, 0)).hasMessageContaining("radius 0.0 mm must be positive");
        assertThatThrownBy(() -> single.withScale(Double.POSITIVE_INFINITY)).hasMessageContaining("must be finite");
    }

    @Test
    void aSessionRefusesToChangeItsFixedPartsAndKeepsItsState() {
        XrdSession session = new PowderSimulator().open(simpleCubic(), onePeak());
        double[] before = new double[session.patternSize()];
        session.computePattern(before);
        InstrumentSettings other = session.instrument().withGrid(new TwoThetaGrid(0, 40, 0.02));
        assertThatThrownBy(() -> session.setInstrument(other)).hasMessageContaining("open a new session");
        assertThatThrownBy(() -> session.setInstrument(session.instrument().withRadiation(Radiation.of(1.6))))
                .hasMessageContaining("open a new session");
        double[] after = new double[session.patternSize()];
        session.computePattern(after);
        assertThat(after).containsExactly(before);
        session.setInstrument(session.instrument().withScale(3));
        session.computePattern(after);
        for (int j = 0; j < after.length; j++) {
            assertThat(after[j]).isCloseTo(3 * before[j], within(ROUNDING * Math.abs(before[j])));
        }
    }

    /** A simulator that refines only the profile gets the interface's default, which says so. */
    @Test
    void theDefaultForProfileOnlySimulatorsRefusesOtherChanges() {
        XrdSession inner = new PowderSimulator().open(simpleCubic(), onePeak());
        XrdSession profileOnly = new ProfileOnly(inner);
        InstrumentSettings wider = InstrumentParameter.W.with(inner.instrument(), 0.3);
        profileOnly.setInstrument(wider);
        assertThat(inner.instrument().profile().w()).isEqualTo(0.3);
        assertThatThrownBy(() -> profileOnly.setInstrument(wider.withScale(2))).hasMessageContaining(
                "refines only the profile");
        assertThat(inner.instrument().scale()).isEqualTo(1);
    }

    /** Delegates everything but {@link XrdSession#setInstrument}, as a third-party simulator written before it. */
    private record ProfileOnly(XrdSession inner) implements XrdSession {
        public InstrumentSettings instrument() {
            return inner.instrument();
        }

        public int siteCount() {
            return inner.siteCount();
        }

        public int patternSize() {
            return inner.patternSize();
        }

        public Structure structure() {
            return inner.structure();
        }

        public void setLatticeParameters(double[] parameters) {
            inner.setLatticeParameters(parameters);
        }

        public void setFractionalCoordinates(double[] coordinates) {
            inner.setFractionalCoordinates(coordinates);
        }

        public void setProfile(ProfileParameters profile) {
            inner.setProfile(profile);
        }

        public void computePattern(double[] out) {
            inner.computePattern(out);
        }

        public void computeGradient(double[] dLossDPattern, XrdGradient out) {
            inner.computeGradient(dLossDPattern, out);
        }

        public PeakList peaks() {
            return inner.peaks();
        }

        public Pattern pattern() {
            return inner.pattern();
        }

        public int reflectionCount() {
            return inner.reflectionCount();
        }

        public int profilePeakCount() {
            return inner.profilePeakCount();
        }

        public XrdSession copy() {
            return new ProfileOnly(inner.copy());
        }
    }
}
