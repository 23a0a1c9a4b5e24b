package org.pxrd.optimization.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pxrd.diffraction.InstrumentParameters;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.PatternScaling;
import org.pxrd.diffraction.PeakNormalisation;
import org.pxrd.diffraction.ProfileParameters;
import org.pxrd.diffraction.Radiation;
import org.pxrd.diffraction.TailMode;
import org.pxrd.diffraction.XrdSession;
import org.pxrd.diffraction.measured.MeasuredTarget;
import org.pxrd.diffraction.measured.TwoThetaRange;
import org.pxrd.diffraction.measured.Weighting;
import org.pxrd.diffraction.preprocess.Preprocessors;
import org.pxrd.io.PatternFiles;
import org.pxrd.io.StructureFiles;
import org.pxrd.model.Lattice;
import org.pxrd.model.Pattern;
import org.pxrd.model.Structure;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.testdata.TestData;

/**
 * The check on real laboratory patterns (test data {@code measured/}, see its README): for each phase, the
 * known structure with every lattice length 1% too long and, in a second run, 1% too short is refined the Rietveld
 * way ({@link RefinementTarget#measured}: residual Σ w (y_o − y_c)², scale in closed form) with the family projector,
 * together with the zero shift and the Caglioti W, by projected L-BFGS. Checked:
 * <ul>
 * <li>every lattice length returns within {@value #CELL_TOLERANCE} (relative) of the published cell: the authors'
 * FullProf cell (RbNb2O5F), RRUFF's cell refined from the same data (corundum, calcite, rutile), the GSAS-II starting
 * model's cell (PbSO4, within 3e-4 of the literature anglesite cell);</li>
 * <li>the zero shift is that of the test data's independent peak-position check (pymatgen sticks against parabola
 * peak tops, README table) within {@value #ZERO_TOLERANCE}°, and the three RRUFF phases, measured on the same Bruker
 * D8 Advance, agree among themselves within {@value #ZERO_TOLERANCE}°; RbNb2O5F (PANalytical Empyrean) and PbSO4 (the
 * GSAS tutorial diffractometer) are the only phases of their instruments;</li>
 * <li>R_wp falls below half its start value, and the run converges.</li>
 * </ul>
 * Both starts reach the same minimum, so the numbers do not depend on the side the start lies on.
 */
class MeasuredRefinementTest {

    /** The criterion: the published lattice constant within 0.1%. */
    private static final double CELL_TOLERANCE = 1e-3;
    /**
     * Zero shifts agree within this (degrees 2θ): the README's peak-position check reads peak tops to about 0.01°, and
     * the fit's zero correlates with the unmodelled sample displacement and peak asymmetry at that level.
     */
    private static final double ZERO_TOLERANCE = 0.02;
    /**
     * Relative agreement of the run's final R_wp with the indices of a fresh simulation of its result: the fresh
     * session plans its profile renderer for the final peak widths, the run's session for the start's, and the two
     * plans' multilevel approximations (each within 2e-5 of the pattern maximum, see ProfileRenderer) move R_wp by up
     * to about 1e-6 of itself (1.1e-6 measured); a bookkeeping error would be orders of magnitude larger.
     */
    private static final double AGREEMENT_TOLERANCE = 1e-5;
    /** How far the start lies off the published lattice (every length, relative). */
    private static final double START_OFFSET = 0.01;
    /**
     * The start profile: laboratory peaks about 0.07° wide at 30° (U = 0.005, V = −0.002, W = 0.003 deg², η = 0.5);
     * W is refined.
     */
    private static final ProfileParameters LAB_PROFILE = new ProfileParameters(0.005, -0.002, 0.003, 0.5, 0);
    /**
     * L-BFGS preconditioner: 1e-7 Å² per unit of R_wp² for a, b, c (a first step of about 1e-3 Å from the start's
     * gradient), 1e-6 deg² for zero and W.
     */
    private static final LearningRates RATES = LearningRates.of(Map.of("lattice", 1e-7, "angles", 1e-3,
            "instrument", 1e-6));

    /** One phase: where its data are, how they are weighted and cleaned, its radiation and the check's zero. */
    private record Phase(String folder, Weighting weighting, String background, TwoThetaRange range,
            Radiation radiation, double checkedZero, String instrument) {
    }

    private static final Radiation CU = Radiation.parse("CuKa1").withDoublet(0.5);

    /** The phases with the README's zero offsets against Kα1 (degrees 2θ). */
    static final List<Phase> PHASES = List.of(
            new Phase("RbNb2O5F_pyrochlore", Weighting.COUNTS, "snip", new TwoThetaRange(5, 120), CU, -0.042,
                    "Empyrean"),
            new Phase("PbSO4_anglesite", Weighting.COUNTS, "snip", new TwoThetaRange(10, 160),
                    new Radiation(1.5405, null, 1.5443, 0.5), -0.033, "GSAS tutorial"),
            // RRUFF processed profiles: background removed, resampled, no counting statistics (README)
            new Phase("Corundum_R040096", Weighting.UNIT, null, new TwoThetaRange(10, 90), CU, 0.072, "RRUFF D8"),
            new Phase("Calcite_R040070", Weighting.UNIT, null, new TwoThetaRange(10, 90), CU, 0.053, "RRUFF D8"),
            new Phase("Rutile_R040049", Weighting.UNIT, null, new TwoThetaRange(10, 90), CU, 0.068, "RRUFF D8"));

    @Test
    void everyPhaseReturnsToItsPublishedCellWithAZeroShiftConsistentPerInstrument() throws Exception {
        RefinementOptions options = new RefinementOptions(RefinementOptions.RESIDUAL, Map.of(), "auto", Map.of(),
                EnumSet.of(ParameterGroup.LATTICE), "lbfgs", Map.of(), RATES, new StopRule(1e-9, 50, 3000, Double.NaN),
                MultiStart.SINGLE, null, null, InstrumentParameters.parse("zero,scale,W"));
        Map<String, List<Double>> zeros = new LinkedHashMap<>();
        List<String> report = new ArrayList<>();
        for (Phase phase : PHASES) {
            Path dir = TestData.path("measured/" + phase.folder());
            Structure published = new StructureFiles(RefineFixtures.SOURCE).read(dir.resolve("structure.cif")).get(0);
            MeasuredTarget target = target(phase, dir);
            Refinement refinement = RefineFixtures.ENGINE.prepare(options, instrument(phase, target));
            double[] cell = published.lattice().parameters();
            for (double sign : new double[] {1, -1}) {
                double f = 1 + sign * START_OFFSET;
                Structure start = published.withLattice(Lattice.fromParameters(cell[0] * f, cell[1] * f, cell[2] * f,
                        cell[3], cell[4], cell[5]));
                RefinementResult r = refinement.run(start, RefinementTarget.measured(target), 1);
                String name = phase.folder() + (sign > 0 ? " +1%" : " -1%");
                assertThat(r.status()).as(name + ": " + r.message()).isEqualTo(RunStatus.CONVERGED);
                double[] refined = r.lattice();
                for (int k = 0; k < 3; k++) {
                    assertThat(Math.abs(refined[k] / cell[k] - 1)).as("%s: lattice length %d refined to %s, published "
                            + "%s", name, k, refined[k], cell[k]).isLessThan(CELL_TOLERANCE);
                }
                double zero = r.instrument().profile().zeroShift();
                assertThat(zero).as(name + " zero shift").isCloseTo(phase.checkedZero(), within(ZERO_TOLERANCE));
                double rwpStart = Math.sqrt(r.initialLoss());
                double rwpEnd = Math.sqrt(r.finalLoss());
                assertThat(rwpEnd).as(name + " Rwp").isLessThan(0.5 * rwpStart);
                assertThat(rwpEnd).as(name + " Rwp against the agreement indices").isCloseTo(
                        agreementRwp(r, target), within(AGREEMENT_TOLERANCE * rwpEnd));
                zeros.computeIfAbsent(phase.instrument(), i -> new ArrayList<>()).add(zero);
                report.add(String.format(Locale.ROOT, "%s: Rwp %.4f -> %.4f, a b c %.5f %.5f %.5f (published %.5f "
                        + "%.5f %.5f), zero %.4f, W %.5f", name, rwpStart, rwpEnd, refined[0], refined[1], refined[2],
                        cell[0], cell[1], cell[2], zero, r.instrument().profile().w()));
            }
        }
        report.forEach(System.out::println);
        for (Map.Entry<String, List<Double>> e : zeros.entrySet()) {
            double spread = e.getValue().stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                    - e.getValue().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            assertThat(spread).as("zero shifts of the phases of " + e.getKey() + ": " + e.getValue())
                    .isLessThan(ZERO_TOLERANCE);
        }
    }

    /**
     * The reported scale is the weighted least-squares one: simulating the refined structure with the refined
     * instrument in a fresh session and fitting k again ({@link MeasuredTarget#optimalScale}) gives the same k, and
     * the agreement indices of that calculation give the run's final R_wp.
     */
    private static double agreementRwp(RefinementResult r, MeasuredTarget target) throws Exception {
        XrdSession session = RefineFixtures.ENGINE.simulators().defaultSimulator().open(r.structure(),
                r.instrument().withScale(1));
        double[] simulated = new double[session.patternSize()];
        session.computePattern(simulated);
        double[] shape = new double[target.size()];
        target.grid().project(simulated, shape);
        double k = target.optimalScale(shape);
        assertThat(r.instrument().scale()).isCloseTo(k, within(AGREEMENT_TOLERANCE * k));
        double[] calculated = new double[target.size()];
        for (int i = 0; i < shape.length; i++) {
            calculated[i] = k * shape[i] + (target.background() == null ? 0 : target.background()[i]);
        }
        return target.agreement(calculated, 0).rwp();
    }

    static MeasuredTarget target(Phase phase, Path dir) throws Exception {
        Pattern raw = new PatternFiles(RefineFixtures.SOURCE).read(dir.resolve("pattern.xy"));
        Pattern observed = phase.weighting().attach(raw);
        double[] background = phase.background() == null ? null
                : new Preprocessors(RefineFixtures.SOURCE).background(phase.background()).background(observed);
        return MeasuredTarget.of(observed, background, phase.range());
    }

    static InstrumentSettings instrument(Phase phase, MeasuredTarget target) {
        return new InstrumentSettings(phase.radiation(), target.simulationGrid(), LAB_PROFILE,
                PeakNormalisation.UNIT_AREA, PatternScaling.RAW, TailMode.MULTILEVEL);
    }
}
