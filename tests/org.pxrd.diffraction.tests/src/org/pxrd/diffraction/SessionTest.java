package org.pxrd.diffraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.pxrd.model.Element;
import org.pxrd.model.InvalidModelException;
import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Species;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

/** The session API the refinement engine relies on: cheap updates, copies for other threads, clear errors. */
class SessionTest {

    private static final XrdSimulator SIMULATOR = new PowderSimulator();
    private static final InstrumentSettings STUDY = InstrumentSettings.study(Radiation.of(1.5406));

    private static Structure structure(String name) {
        return References.read(TestData.path("paper10/cif/" + name + ".cif"));
    }

    private static double[] pattern(XrdSession s) {
        double[] y = new double[s.patternSize()];
        s.computePattern(y);
        return y;
    }

    /** max_j |a_j − b_j| (a short failure message, unlike comparing 9000 elements one by one). */
    private static double largestDifference(double[] a, double[] b) {
        assertThat(a).hasSameSizeAs(b);
        double worst = 0;
        for (int j = 0; j < a.length; j++) {
            worst = Math.max(worst, Math.abs(a[j] - b[j]));
        }
        return worst;
    }

    @Test
    void updatingASessionGivesTheSamePatternAsANewOne() {
        Structure s = structure("mp-1221227_Na3MnCoNiO6_sg8");
        XrdSession session = SIMULATOR.open(s, STUDY);
        pattern(session);
        double[] p = s.lattice().parameters();
        p[0] *= 1.01;
        p[4] += 0.7;
        double[][] x = s.fracCoords();
        x[3][1] += 0.013;
        double[] flat = new double[3 * s.size()];
        for (int j = 0; j < s.size(); j++) {
            System.arraycopy(x[j], 0, flat, 3 * j, 3);
        }
        session.setLatticeParameters(p);
        session.setFractionalCoordinates(flat);
        Structure moved = s.withLattice(Lattice.fromParameters(p)).withFracCoords(x);
        assertThat(pattern(session)).containsExactly(pattern(SIMULATOR.open(moved, STUDY)), within(1e-12));
        assertThat(session.structure().lattice().parametersEqual(moved.lattice(), 1e-12, 1e-9)).isTrue();
    }

    /**
     * Narrower and wider peaks than the session was opened for: it plans its profile sums again (the study's 0.32° FWHM
     * on 0.01° bins are summed on every second bin; 0.1° peaks need every bin) and gives a new session's pattern.
     */
    @Test
    void profileChangesBeyondThePlanGiveTheSamePatternAsANewSession() {
        Structure s = structure("mp-2659_LiN3_sg12");
        XrdSession session = SIMULATOR.open(s, STUDY);
        pattern(session);
        for (ProfileParameters profile : List.of(new ProfileParameters(0.01, 0.001, 0.01, 0.1, 0),
                new ProfileParameters(0.4, 0.04, 0.4, 0.1, 0))) {
            session.setProfile(profile);
            assertThat(largestDifference(pattern(session), pattern(SIMULATOR.open(s, STUDY.withProfile(profile)))))
                    .as(profile.describe()).isLessThan(1e-12);
        }
    }

    /**
     * Lattice-only steps reuse the phases of the active reflections while the same reflections stay inside the 2θ
     * range: steps that move reflections across its edge must not (pattern and coordinate gradient as a new session's).
     */
    @Test
    void latticeStepsAcrossTheRangeEdgeGiveANewSessionsPatternAndGradient() {
        Structure s = structure("mp-1221227_Na3MnCoNiO6_sg8");
        XrdSession session = SIMULATOR.open(s, STUDY);
        double[] dLdy = new double[session.patternSize()];
        for (int j = 0; j < dLdy.length; j++) {
            dLdy[j] = Math.sin(0.37 * j);
        }
        XrdGradient stepped = new XrdGradient(s.size());
        XrdGradient fresh = new XrdGradient(s.size());
        int changes = 0;
        int previous = session.reflectionCount();
        for (int step = 1; step <= 12; step++) {
            double[] p = s.lattice().parameters();
            p[0] *= 1 + 0.0015 * step;
            p[2] *= 1 - 0.001 * step;
            session.setLatticeParameters(p);
            XrdSession reference = SIMULATOR.open(s.withLattice(Lattice.fromParameters(p)), STUDY);
            assertThat(largestDifference(pattern(session), pattern(reference))).as("step %d", step).isLessThan(1e-12);
            session.computeGradient(dLdy, stepped);
            reference.computeGradient(dLdy, fresh);
            assertThat(stepped.coordinates).containsExactly(fresh.coordinates, within(1e-9));
            assertThat(stepped.lattice).containsExactly(fresh.lattice, within(1e-9));
            changes += session.reflectionCount() != previous ? 1 : 0;
            previous = session.reflectionCount();
        }
        assertThat(changes).as("steps that changed the reflections in range").isGreaterThanOrEqualTo(3);
    }

    @Test
    void theExtinctReflectionsOfACentredCellAreNotRendered() {
        // rock salt: the conventional F-centred cell extinguishes 3/4 of its reciprocal lattice points (h, k, l not
        // all even or all odd); what remains is the primitive cell's pattern, peak for peak
        double a = 5.64;
        double ap = a / Math.sqrt(2);
        Structure primitive = new Structure("NaCl", Lattice.fromParameters(new double[] {ap, ap, ap, 60, 60, 60}),
                List.of(Site.of(Element.Na, 0, 0, 0), Site.of(Element.Cl, 0.5, 0.5, 0.5)));
        List<Site> sites = new ArrayList<>();
        for (double[] t : new double[][] {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}}) {
            sites.add(Site.of(Element.Na, t[0], t[1], t[2]));
            sites.add(Site.of(Element.Cl, (t[0] + 0.5) % 1, t[1], t[2]));
        }
        Structure conventional = new Structure("NaCl", Lattice.cubic(a), sites);
        XrdSession c = SIMULATOR.open(conventional, STUDY);
        XrdSession p = SIMULATOR.open(primitive, STUDY);
        assertThat(c.reflectionCount()).isGreaterThan(3 * p.reflectionCount());
        assertThat(c.profilePeakCount()).isEqualTo(p.profilePeakCount());
        assertThat(pattern(c)).containsExactly(pattern(p), within(1e-10));
    }

    @Test
    void largeLatticeChangesRebuildTheReflectionsWithoutLosingAny() {
        Structure s = structure("mp-1009133_MnCo_sg221");
        XrdSession session = SIMULATOR.open(s, STUDY);
        double[] p = s.lattice().parameters();
        for (double factor : new double[] {1.5, 0.7, 1.1}) {
            double[] q = p.clone();
            q[0] *= factor;
            q[1] *= factor;
            q[2] *= factor;
            session.setLatticeParameters(q);
            XrdSession fresh = SIMULATOR.open(s.withLattice(Lattice.fromParameters(q)), STUDY);
            assertThat(session.reflectionCount()).isEqualTo(fresh.reflectionCount());
            assertThat(pattern(session)).containsExactly(pattern(fresh), within(1e-12));
        }
    }

    @Test
    void copiesOnSeveralThreadsGiveTheSerialResult() throws Exception {
        Structure s = structure("mp-998201_RbAgCl3_sg6");
        XrdSession session = SIMULATOR.open(s, STUDY);
        double[] w = new double[session.patternSize()];
        for (int j = 0; j < w.length; j++) {
            w[j] = Math.sin(j * 0.01);
        }
        List<double[]> serial = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            serial.add(step(session, s, t, w));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int task = t;
                XrdSession copy = session.copy();
                results.add(pool.submit(() -> step(copy, s, task, w)));
            }
            for (int t = 0; t < 8; t++) {
                assertThat(results.get(t).get()).containsExactly(serial.get(t));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One refinement-like step: a lattice depending on the task, the pattern, the gradient; returns both. */
    private static double[] step(XrdSession session, Structure s, int task, double[] w) {
        double[] p = s.lattice().parameters();
        p[1] *= 1 + 0.002 * task;
        session.setLatticeParameters(p);
        double[] y = pattern(session);
        XrdGradient g = new XrdGradient(session.siteCount());
        session.computeGradient(w, g);
        double[] out = new double[y.length + 6];
        System.arraycopy(y, 0, out, 0, y.length);
        System.arraycopy(g.lattice, 0, out, y.length, 6);
        return out;
    }

    @Test
    void impossibleInputIsRefusedAndTheSessionKeepsItsState() {
        Structure s = structure("mp-1709_U2Ti_sg191");
        XrdSession session = SIMULATOR.open(s, STUDY);
        double[] before = pattern(session);
        assertThatThrownBy(() -> session.setLatticeParameters(new double[] {4, 4, 3, 90, 90, 200}))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("gamma");
        assertThatThrownBy(() -> session.setLatticeParameters(new double[] {4, 4, 3, 10, 10, 170}))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("do not form a cell");
        assertThatThrownBy(() -> session.setLatticeParameters(new double[] {-4, 4, 3, 90, 90, 120}))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> session.setFractionalCoordinates(new double[] {0.1, 0.2}))
                .hasMessageContaining("expected 9 fractional coordinates");
        assertThatThrownBy(() -> session.setFractionalCoordinates(new double[] {0, 0, 0, 0, Double.NaN, 0, 0, 0, 0}))
                .hasMessageContaining("coordinate y of site 2 is NaN");
        assertThatThrownBy(() -> session.setProfile(new ProfileParameters(0, 0, -0.1, 0.1, 0)))
                .hasMessageContaining("no positive peak width");
        assertThat(pattern(session)).containsExactly(before);
    }

    @Test
    void anElementWithoutScatteringFactorIsNamed() {
        Structure s = new Structure("Es", Lattice.cubic(4), List.of(Site.of(Element.Es, 0, 0, 0)));
        assertThatThrownBy(() -> SIMULATOR.open(s, STUDY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("element Es");
    }

    @Test
    void oxidationStatesScatterAsTheirElement() {
        Structure neutral = new Structure("NaCl", Lattice.cubic(5.64), List.of(Site.of(Element.Na, 0, 0, 0),
                Site.of(Element.Cl, 0.5, 0.5, 0.5)));
        Structure ionic = neutral.withSites(List.of(new Site(Species.parse("Na+"), new double[] {0, 0, 0}),
                new Site(Species.parse("Cl-"), new double[] {0.5, 0.5, 0.5})));
        assertThat(pattern(SIMULATOR.open(ionic, STUDY))).containsExactly(pattern(SIMULATOR.open(neutral, STUDY)));
    }

    /** A Kα1 + Kα2 doublet is the sum of the two single-line patterns, the second weighted by the ratio. */
    @Test
    void doubletIsTheWeightedSumOfItsLines() {
        Structure s = structure("mp-3589_BPO4_sg82");
        InstrumentSettings raw = STUDY.withScaling(PatternScaling.RAW).withTails(TailMode.EXACT);
        Radiation doublet = Radiation.of(XrayLine.CuKa1).withDoublet(0.5);
        double[] both = pattern(SIMULATOR.open(s, raw.withRadiation(doublet)));
        double[] a1 = pattern(SIMULATOR.open(s, raw.withRadiation(Radiation.of(XrayLine.CuKa1))));
        double[] a2 = pattern(SIMULATOR.open(s, raw.withRadiation(Radiation.of(XrayLine.CuKa2))));
        double max = 0;
        for (double v : both) {
            max = Math.max(max, v);
        }
        for (int j = 0; j < both.length; j++) {
            assertThat(both[j]).isCloseTo(a1[j] + 0.5 * a2[j], within(1e-12 * max));
        }
    }

    /** With the same B on every site, every peak is damped by exp(−2 B s²) (the factor enters |F|² squared). */
    @Test
    void debyeWallerDampsEveryPeakByExpMinusTwoBsSquared() {
        Structure s = structure("mp-947_Au2S_sg224");
        Structure damped = DebyeWaller.perElement(s, Map.of(Element.Au, 0.8, Element.S, 0.8));
        InstrumentSettings raw = STUDY.withScaling(PatternScaling.RAW);
        PeakList plain = SIMULATOR.peaks(s, raw);
        PeakList withB = SIMULATOR.peaks(damped, raw);
        assertThat(withB.peaks()).hasSameSizeAs(plain.peaks());
        for (int i = 0; i < plain.peaks().size(); i++) {
            Peak p = plain.peaks().get(i);
            double s2 = 1 / (4 * p.d() * p.d());
            assertThat(withB.peaks().get(i).intensity()).isCloseTo(p.intensity() * Math.exp(-2 * 0.8 * s2),
                    within(1e-10 * p.intensity()));
        }
        assertThatThrownBy(() -> DebyeWaller.perElement(s, Map.of(Element.Au, -1.0))).hasMessageContaining("Au");
    }

    /** A zero shift Z moves the whole pattern by Z: by whole bins when Z is a multiple of the step. */
    @Test
    void zeroShiftMovesThePattern() {
        Structure s = structure("mp-2659_LiN3_sg12");
        InstrumentSettings raw = STUDY.withScaling(PatternScaling.RAW).withTails(TailMode.EXACT);
        double[] y = pattern(SIMULATOR.open(s, raw));
        double[] shifted = pattern(SIMULATOR.open(s, raw.withProfile(ProfileParameters.STUDY.withZeroShift(0.05))));
        for (int j = 5; j < y.length; j++) {
            assertThat(shifted[j]).isCloseTo(y[j - 5], within(1e-9 * (1 + Math.abs(y[j - 5]))));
        }
    }

    @Test
    void patternCarriesItsAxisAndWavelength() {
        var p = SIMULATOR.pattern(structure("mp-1009077_FeH_sg225"), STUDY);
        assertThat(p.size()).isEqualTo(9000);
        assertThat(p.wavelength()).hasValue(1.5406);
        assertThat(p.twoThetaArray()[0]).isCloseTo(0.005, within(1e-12));
        double max = 0;
        for (double v : p.intensityArray()) {
            max = Math.max(max, v);
        }
        assertThat(max).isEqualTo(1.0);
        assertThat(p.twoTheta().getName()).isEqualTo(org.pxrd.model.Pattern.TWO_THETA_NAME);
    }
}
