package org.pxrd.diffraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pxrd.diffraction.References.RefPeak;

/**
 * Peak lists against pymatgen 2022.11.7's XRDCalculator, every structure, both wavelengths (1.5406 Å and "CuKa",
 * 1.54184 Å): the shared reference sets (paper10, mp20-dev50) and 300 MP-20 structures the simulator was not
 * developed on (data/mp20-extra). Peaks closer than {@value #CLUSTER_DEG}° are merged on both sides first (the CIFs
 * are P1, so symmetry-equivalent reflections of a symmetric crystal are split by 1e-5..1e-3°).
 */
class PymatgenPeaksTest {

    /** Peaks closer than this (degrees) are one peak in the comparison. */
    static final double CLUSTER_DEG = 1e-3;
    /** A reference peak must have a simulated peak within this distance (degrees). */
    static final double POSITION_TOLERANCE_DEG = 1e-3;
    /** Intensities on the 0-100 scale must agree within this. */
    static final double INTENSITY_TOLERANCE = 0.5;
    /** Peaks at least this strong (0-100 scale) are checked both ways. */
    static final double MIN_INTENSITY = 0.5;

    private static final XrdSimulator SIMULATOR = new PowderSimulator();
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final AtomicInteger PEAKS = new AtomicInteger();
    private static final double[] WORST = new double[2];

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String set : List.of("paper10", "mp20-dev50")) {
            for (Path cif : References.cifs(set)) {
                for (String key : References.WAVELENGTHS.keySet()) {
                    cases.add(Arguments.of(set, cif, key));
                }
            }
        }
        for (Path cif : References.extraCifs()) {
            for (String key : References.WAVELENGTHS.keySet()) {
                cases.add(Arguments.of("mp20-extra", cif, key));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void peaksAgreeWithPymatgen(String set, Path cif, String wavelengthKey) {
        Radiation radiation = References.WAVELENGTHS.get(wavelengthKey);
        PeakList peaks = SIMULATOR.peaks(References.read(cif), InstrumentSettings.study(radiation));
        List<RefPeak> reference = References.cluster(set.equals("mp20-extra")
                ? References.extraPeaks(References.name(cif), wavelengthKey)
                : References.sharedPeaks(cif, wavelengthKey), CLUSTER_DEG);
        List<RefPeak> simulated = References.cluster(References.asRefPeaks(peaks), CLUSTER_DEG);
        int checked = 0;
        for (RefPeak ref : reference) {
            if (ref.intensity() >= MIN_INTENSITY) {
                RefPeak match = nearest(simulated, ref.twoTheta());
                assertThat(match).as("no simulated peak near pymatgen's %.5f° (I=%.3f)", ref.twoTheta(),
                        ref.intensity()).isNotNull();
                double dx = Math.abs(match.twoTheta() - ref.twoTheta());
                double di = Math.abs(match.intensity() - ref.intensity());
                assertThat(dx).as("position of pymatgen's %.5f° peak", ref.twoTheta())
                        .isLessThan(POSITION_TOLERANCE_DEG);
                assertThat(di).as("intensity of the %.5f° peak (pymatgen %.4f, simulated %.4f)", ref.twoTheta(),
                        ref.intensity(), match.intensity()).isLessThan(INTENSITY_TOLERANCE);
                record(dx, di);
                checked++;
            }
        }
        for (RefPeak sim : simulated) {
            if (sim.intensity() >= MIN_INTENSITY) {
                RefPeak match = nearest(reference, sim.twoTheta());
                assertThat(match != null && Math.abs(match.twoTheta() - sim.twoTheta()) < POSITION_TOLERANCE_DEG)
                        .as("simulated peak at %.5f° (I=%.3f) is not in pymatgen's list", sim.twoTheta(),
                                sim.intensity())
                        .isTrue();
            }
        }
        assertThat(checked).as("strong peaks compared").isPositive();
        CASES.incrementAndGet();
        PEAKS.addAndGet(checked);
    }

    private static synchronized void record(double dx, double di) {
        WORST[0] = Math.max(WORST[0], dx);
        WORST[1] = Math.max(WORST[1], di);
    }

    private static RefPeak nearest(List<RefPeak> peaks, double twoTheta) {
        RefPeak best = null;
        for (RefPeak p : peaks) {
            if (best == null || Math.abs(p.twoTheta() - twoTheta) < Math.abs(best.twoTheta() - twoTheta)) {
                best = p;
            }
        }
        return best;
    }

    @AfterAll
    static void summary() {
        System.out.printf(Locale.ROOT, "pymatgen agreement: %d structure-wavelength cases, %d peaks >= %.1f matched, "
                + "max |d2theta| = %.2e deg, max |dI| = %.2e (0-100)%n", CASES.get(), PEAKS.get(), MIN_INTENSITY,
                WORST[0], WORST[1]);
    }

}
