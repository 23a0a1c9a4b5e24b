package org.pxrd.diffraction.measured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.PatternScaling;
import org.pxrd.diffraction.PeakNormalisation;
import org.pxrd.diffraction.PowderSimulator;
import org.pxrd.diffraction.ProfileParameters;
import org.pxrd.diffraction.Radiation;
import org.pxrd.diffraction.TailMode;
import org.pxrd.diffraction.XrdSession;
import org.pxrd.diffraction.preprocess.Preprocessors;
import org.pxrd.io.PatternData;
import org.pxrd.model.Pattern;

/**
 * The five measured phases, each simulated on its own measured points with the file's (or, where the file states
 * none, its SOURCE.md's) Kα1 + Kα2, with only the zero shift and the scale fitted ({@link ZeroShiftScan}) at one
 * fixed laboratory profile (U = V = 0, W = 0.008 deg², η = 0.5), raw data with a SNIP background: the zero shift
 * agrees with the one the test data's README found independently (measured peak maxima against pymatgen's Kα1
 * positions). The RRUFF files agree to 0.01°; the two raw laboratory patterns come out 0.01-0.02° more negative,
 * as a symmetric profile fitted to peaks with a low-angle (axial divergence) tail must: the authors' FullProf fit of
 * RbNb2O5F, which refines the asymmetry, finds −0.0438°, the peak maxima −0.042°.
 */
class MeasuredPhasesTest {

    /** Hölzer et al. (1997) Cu Kα1 and Kα2 in Å, the values the README's check used for the RRUFF files. */
    private static final Radiation CU = new Radiation(1.540598, null, 1.544426, 0.5);
    /** PbSO4: INST_XRY.PRM gives λ1 1.5405, λ2 1.5443 Å, I2/I1 0.5. */
    private static final Radiation PBSO4 = new Radiation(1.5405, null, 1.5443, 0.5);
    private static final ProfileParameters LAB = new ProfileParameters(0, 0, 0.008, 0.5, 0);

    static Stream<Arguments> phases() {
        return Stream.of(
                // phase, file, radiation (null: the file's), background, README zero, tolerance
                Arguments.of("RbNb2O5F_pyrochlore", "RbNb2O5F.xrdml", null, true, -0.042, 0.02),
                Arguments.of("PbSO4_anglesite", "PBSO4.XRA", PBSO4, true, -0.033, 0.02),
                Arguments.of("Corundum_R040096", "pattern.xy", CU, false, 0.072, 0.01),
                Arguments.of("Rutile_R040049", "pattern.xy", CU, false, 0.068, 0.01),
                Arguments.of("Calcite_R040070", "pattern.xy", CU, false, 0.053, 0.01));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void theZeroShiftAgreesWithThePeakPositionCheck(String phase, String file, Radiation given, boolean raw,
            double readmeZero, double tolerance) throws Exception {
        PatternData data = MeasuredData.read(MeasuredData.file(phase, file));
        Radiation radiation = MeasuredRadiation.resolve(data, given);
        assertThat(radiation.hasAlpha2()).isTrue();
        Pattern observed = Weighting.AUTO.attach(data.pattern());
        double[] background = raw ? new Preprocessors(ExtensionSources.detect()).background("snip").background(
                observed) : null;
        MeasuredTarget target = MeasuredTarget.of(observed, background, TwoThetaRange.ALL);
        assertThat(target.grid().aligned()).isTrue();
        InstrumentSettings instrument = new InstrumentSettings(radiation, target.simulationGrid(), LAB,
                PeakNormalisation.UNIT_AREA, PatternScaling.RAW, TailMode.MULTILEVEL);
        XrdSession session = new PowderSimulator().open(MeasuredData.structure(phase), instrument);
        ZeroShiftScan.Result r = ZeroShiftScan.fit(session, target, 0.5);
        assertThat(r.zeroShift()).as("zero shift of %s, %s", phase, r.agreement().describe()).isCloseTo(readmeZero,
                within(tolerance));
        assertThat(r.scale()).isPositive();
    }
}
