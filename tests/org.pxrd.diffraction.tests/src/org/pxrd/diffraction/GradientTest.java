package org.pxrd.diffraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;

/**
 * Every analytic derivative (lattice a, b, c, α, β, γ; every fractional coordinate; U, V, W, η, zero shift; and each
 * {@link InstrumentParameter}: scale, zero, sample displacement, U, V, W, η, Kα2 ratio, set by name through
 * {@link XrdSession#setInstrument}) against
 * sixth-order central finite differences (fourth-order differences at h and h/2, Richardson-extrapolated), on every
 * reference structure (paper10 and mp20-dev50) at a randomly perturbed point (seeded), for the loss L = Σ_j w_j y_j
 * with random weights (any dL/dy exercises the adjoint the same way). Finite differences are taken only where no
 * reflection enters or leaves the range and, for patterns divided by their maximum, the maximum stays in the same bin
 * (the model is not differentiable there); the step is reduced until that holds, and refined while successive
 * estimates come closer (small cells move their peaks fast: the truncation error of a fixed step would dominate; too
 * small a step drowns in rounding).
 */
class GradientTest {

    /** Required relative agreement. */
    static final double TOLERANCE = 1e-5;
    /**
     * Components smaller than this fraction of their block's largest are compared relative to that fraction (a
     * relative error of a value that is zero by accident is not meaningful).
     */
    static final double FLOOR = 1e-4;

    /** Two successive finite differences (step divided by 4) agreeing this well (relative) are converged. */
    static final double CONVERGED = 1e-6;
    /** Steps tried per derivative, each a quarter of the previous. */
    static final int MAX_REFINEMENTS = 6;

    private static final XrdSimulator SIMULATOR = new PowderSimulator();

    enum Variant {
        /** The study's instrument with raw intensities. */
        STUDY_RAW,
        /** Pattern divided by its maximum (the study's representation). */
        MAX_ONE,
        /** Exact tails, unit-height peaks. */
        EXACT_UNIT_HEIGHT,
        /** Cu Kα1 + Kα2 doublet and Debye-Waller factors on every site. */
        DOUBLET_DEBYE_WALLER,
        /** A measured-data instrument: doublet, sample displacement, scale factor, raw intensities. */
        INSTRUMENT_RAW,
        /** The same divided by the maximum, then scaled. */
        INSTRUMENT_MAX_ONE
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String set : List.of("paper10", "mp20-dev50")) {
            for (Path cif : References.cifs(set)) {
                cases.add(Arguments.of(cif, Variant.STUDY_RAW));
            }
        }
        for (Path cif : References.cifs("paper10")) {
            for (Variant v : List.of(Variant.MAX_ONE, Variant.EXACT_UNIT_HEIGHT, Variant.DOUBLET_DEBYE_WALLER,
                    Variant.INSTRUMENT_RAW, Variant.INSTRUMENT_MAX_ONE)) {
                cases.add(Arguments.of(cif, v));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void analyticGradientMatchesFiniteDifferences(Path cif, Variant variant) {
        Structure structure = References.read(cif);
        long seed = cif.getFileName().toString().hashCode() * 31L + variant.ordinal();
        SplittableRandom random = new SplittableRandom(seed);
        InstrumentSettings instrument = instrument(variant);
        if (variant == Variant.DOUBLET_DEBYE_WALLER) {
            List<Site> sites = new ArrayList<>();
            for (Site s : structure.sites()) {
                sites.add(s.withBIso(0.2 + random.nextDouble()));
            }
            structure = structure.withSites(sites);
        }
        XrdSession session = SIMULATOR.open(structure, instrument);
        double[] lattice = structure.lattice().parameters();
        for (int i = 0; i < 3; i++) {
            lattice[i] *= 1 + 0.02 * (random.nextDouble() - 0.5);
            lattice[i + 3] += 2 * (random.nextDouble() - 0.5);
        }
        double[] x = new double[3 * structure.size()];
        for (int j = 0; j < structure.size(); j++) {
            for (int a = 0; a < 3; a++) {
                x[3 * j + a] = structure.site(j).frac(a) + 0.04 * (random.nextDouble() - 0.5);
            }
        }
        double[] profile = {0.1 * (0.8 + 0.4 * random.nextDouble()), 0.01 * (0.8 + 0.4 * random.nextDouble()),
                0.1 * (0.8 + 0.4 * random.nextDouble()), 0.05 + 0.3 * random.nextDouble(),
                0.1 * (random.nextDouble() - 0.5)};
        session.setLatticeParameters(lattice);
        session.setFractionalCoordinates(x);
        session.setProfile(ProfileParameters.fromArray(profile));
        if (variant == Variant.INSTRUMENT_RAW || variant == Variant.INSTRUMENT_MAX_ONE) {
            InstrumentSettings s = session.instrument();
            s = InstrumentParameter.DISPLACEMENT.with(s, 0.4 * (random.nextDouble() - 0.5));
            s = InstrumentParameter.SCALE.with(s, 0.5 + 1.5 * random.nextDouble());
            s = InstrumentParameter.ALPHA2_RATIO.with(s, 0.3 + 0.3 * random.nextDouble());
            session.setInstrument(s);
        }
        double[] weights = new double[session.patternSize()];
        for (int j = 0; j < weights.length; j++) {
            weights[j] = random.nextDouble();
        }
        XrdGradient gradient = new XrdGradient(session.siteCount());
        session.computeGradient(weights, gradient);
        Probe probe = new Probe(session, weights, instrument.scaling() == PatternScaling.MAX_ONE);

        compare("lattice", gradient.lattice, 6, i -> i < 3 ? 4e-3 : 4e-2, (i, t) -> {
            double[] p = lattice.clone();
            p[i] += t;
            session.setLatticeParameters(p);
        }, () -> session.setLatticeParameters(lattice), probe);
        compare("coordinates", gradient.coordinates, x.length, i -> 2e-3, (i, t) -> {
            double[] p = x.clone();
            p[i] += t;
            session.setFractionalCoordinates(p);
        }, () -> session.setFractionalCoordinates(x), probe);
        compare("profile (U, V, W, eta, zero)", gradient.profile, 5, i -> 4e-3, (i, t) -> {
            double[] p = profile.clone();
            p[i] += t;
            session.setProfile(ProfileParameters.fromArray(p));
        }, () -> session.setProfile(ProfileParameters.fromArray(profile)), probe);
        InstrumentSettings start = session.instrument();
        for (InstrumentParameter parameter : InstrumentParameter.values()) {
            if (parameter == InstrumentParameter.ALPHA2_RATIO && !start.radiation().hasAlpha2()) {
                continue;
            }
            double value = parameter.value(start);
            compare(parameter.id(), new double[] {parameter.derivative(gradient)}, 1,
                    i -> parameter == InstrumentParameter.DISPLACEMENT ? 8e-3 : 4e-3,
                    (i, t) -> session.setInstrument(parameter.with(start, value + t)),
                    () -> session.setInstrument(start), probe);
        }
    }

    private static InstrumentSettings instrument(Variant variant) {
        InstrumentSettings study = InstrumentSettings.study(Radiation.of(1.5406));
        return switch (variant) {
            case STUDY_RAW -> study.withScaling(PatternScaling.RAW);
            case MAX_ONE -> study;
            case EXACT_UNIT_HEIGHT -> study.withScaling(PatternScaling.RAW).withTails(TailMode.EXACT)
                    .withNormalisation(PeakNormalisation.UNIT_HEIGHT);
            case DOUBLET_DEBYE_WALLER, INSTRUMENT_RAW -> study.withScaling(PatternScaling.RAW)
                    .withRadiation(Radiation.of(XrayLine.CuKa1).withDoublet(Radiation.DEFAULT_ALPHA2_RATIO));
            case INSTRUMENT_MAX_ONE -> study.withGoniometer(new Goniometer(217.5, 0))
                    .withRadiation(Radiation.of(XrayLine.CuKa1).withDoublet(Radiation.DEFAULT_ALPHA2_RATIO));
        };
    }

    interface Shift {
        void apply(int index, double step);
    }

    interface Step {
        double of(int index);
    }

    private static void compare(String block, double[] analytic, int count, Step step, Shift shift, Runnable reset,
            Probe probe) {
        double largest = 0;
        for (int i = 0; i < count; i++) {
            largest = Math.max(largest, Math.abs(analytic[i]));
        }
        assertThat(largest).as(block + " gradient").isPositive();
        for (int i = 0; i < count; i++) {
            double scale = Math.max(Math.abs(analytic[i]), FLOOR * largest);
            double h = step.of(i);
            double fd = Double.NaN;
            double previous = Double.NaN;
            double bestChange = Double.POSITIVE_INFINITY;
            for (int attempt = 0; attempt < MAX_REFINEMENTS; attempt++, h /= 4) {
                final int index = i;
                double d = probe.derivative(t -> shift.apply(index, t), h);
                if (Double.isNaN(d)) {
                    continue;
                }
                if (Double.isNaN(fd)) {
                    fd = d;
                }
                double change = Math.abs(d - previous);
                if (change < bestChange) {
                    // truncation error falls with the step, rounding error grows: keep the most stable estimate
                    bestChange = change;
                    fd = d;
                }
                if (change < CONVERGED * scale) {
                    break;
                }
                previous = d;
            }
            reset.run();
            assertThat(fd).as("%s[%d]: a reflection enters or leaves the range at every step tried", block, i)
                    .isNotNaN();
            assertThat(Math.abs(fd - analytic[i]) / scale)
                    .as("%s[%d]: analytic %.10g, finite difference %.10g", block, i, analytic[i], fd)
                    .isLessThan(TOLERANCE);
        }
    }

    /** Evaluates the loss at shifted parameters and checks that the model stays differentiable across a stencil. */
    private static final class Probe {
        private final XrdSession session;
        private final double[] weights;
        private final double[] y;
        private final boolean maxNormalised;

        Probe(XrdSession session, double[] weights, boolean maxNormalised) {
            this.session = session;
            this.weights = weights;
            this.y = new double[weights.length];
            this.maxNormalised = maxNormalised;
        }

        /**
         * (16 D(h/2) − D(h)) / 15 with D(h) = (−L(2h) + 8L(h) − 8L(−h) + L(−2h)) / 12h, or NaN when reflections (or
         * the maximum's bin) change across the stencil.
         */
        double derivative(Consumer<Double> set, double h) {
            double[] offsets = {0, 2 * h, h, h / 2, -h / 2, -h, -2 * h};
            double[] l = new double[offsets.length];
            int reflections = -1;
            int peaks = -1;
            int argMax = -1;
            for (int k = 0; k < offsets.length; k++) {
                set.accept(offsets[k]);
                session.computePattern(y);
                int m = 0;
                double loss = 0;
                for (int j = 0; j < y.length; j++) {
                    loss += weights[j] * y[j];
                    if (y[j] > y[m]) {
                        m = j;
                    }
                }
                if (k > 0 && (session.reflectionCount() != reflections || session.profilePeakCount() != peaks
                        || (maxNormalised && m != argMax))) {
                    return Double.NaN;
                }
                reflections = session.reflectionCount();
                peaks = session.profilePeakCount();
                argMax = m;
                l[k] = loss;
            }
            double coarse = (-l[1] + 8 * l[2] - 8 * l[5] + l[6]) / (12 * h);
            double fine = (-l[2] + 8 * l[3] - 8 * l[4] + l[5]) / (6 * h);
            return (16 * fine - coarse) / 15;
        }
    }
}
