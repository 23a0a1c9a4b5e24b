package org.pxrd.optimization.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.Radiation;
import org.pxrd.io.PatternFiles;
import org.pxrd.io.StructureFiles;
import org.pxrd.model.Pattern;
import org.pxrd.model.Structure;
import org.pxrd.optimization.noise.LatticeNoise;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.testdata.TestData;

/**
 * A real laboratory pattern: rutile TiO2 (RRUFF R040049, Cu Kα1 + Kα2, 2θ 5-90° in 0.01° steps, background removed;
 * see the test data's {@code measured/README.md}). Refining the lattice from a start distorted by 0.5% together with
 * the instrument profile (zero shift included) returns to the cell RRUFF refined from these data and finds the zero
 * offset that the test data's independent pymatgen check reports (+0.068°); without the profile the unmodelled zero
 * offset pulls the cell away.
 */
class MeasuredPatternTest {

    /** RRUFF's cell of this sample (Å), as in the test data's structure.cif. */
    private static final double A = 4.5955;
    private static final double C = 2.9598;
    /** The zero offset of this pattern against Kα1, from the test data's pymatgen check (degrees 2θ). */
    private static final double ZERO_OFFSET = 0.068;
    /**
     * Agreement with RRUFF's cell: RRUFF refines it from the same data with other software (background, profile and
     * Kα2 treated its own way), so a few 1e-4 relative, well inside the 1e-3.
     */
    private static final double CELL_TOLERANCE = 1e-3;
    /** Agreement of the zero shift with the pymatgen check, whose peak positions are read to about 0.01°. */
    private static final double ZERO_TOLERANCE = 0.02;

    @Test
    void latticeAndProfileRefinedAgainstRutilesMeasuredPatternReturnToItsCell() throws Exception {
        Path dir = TestData.path("measured/Rutile_R040049");
        Structure truth = new StructureFiles(RefineFixtures.SOURCE).read(dir.resolve("structure.cif")).get(0);
        Pattern measured = new PatternFiles(RefineFixtures.SOURCE).read(dir.resolve("pattern.xy"));
        InstrumentSettings instrument = InstrumentSettings.study(Radiation.parse("CuKa1").withDoublet(0.5));
        Structure start = new LatticeNoise(0.005).apply(truth, 3);
        LearningRates rates = LearningRates.of(Map.of("lattice", 5e-4, "angles", 0.3, "profile", 1e-3));
        RefinementOptions withProfile = RefinementOptions.study("cosine", "auto",
                EnumSet.of(ParameterGroup.LATTICE, ParameterGroup.PROFILE), rates);
        RefinementResult r = RefineFixtures.ENGINE.prepare(withProfile, instrument).run(start,
                RefinementTarget.pattern(measured), 1);
        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.CONVERGED);
        assertThat(Math.abs(r.lattice()[0] - A) / A).isLessThan(CELL_TOLERANCE);
        assertThat(Math.abs(r.lattice()[2] - C) / C).isLessThan(CELL_TOLERANCE);
        assertThat(r.profile().zeroShift()).isCloseTo(ZERO_OFFSET, within(ZERO_TOLERANCE));
        RefinementResult latticeOnly = RefineFixtures.ENGINE.prepare(withProfile.withRefine(EnumSet.of(
                ParameterGroup.LATTICE)), instrument).run(start, RefinementTarget.pattern(measured), 1);
        assertThat(latticeOnly.finalLoss()).isGreaterThan(r.finalLoss());
        assertThat(Math.abs(latticeOnly.lattice()[0] - A) / A).isGreaterThan(CELL_TOLERANCE);
    }
}
