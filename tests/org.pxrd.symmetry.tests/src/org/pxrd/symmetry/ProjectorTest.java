package org.pxrd.symmetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.model.Lattice;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

class ProjectorTest {

    private static final double EXACT = 1e-12;

    private final ProjectorRegistry registry = new ProjectorRegistry(ExtensionSources.detect());

    @Test
    void theExtensionPointOffersTheStudysFamiliesAndMore() {
        List<String> ids = registry.projectors().stream().map(Contribution::id).toList();
        assertThat(ids).contains("org.pxrd.symmetry.cubic", "org.pxrd.symmetry.hexagonal",
                "org.pxrd.symmetry.tetragonal", "org.pxrd.symmetry.orthorhombic", "org.pxrd.symmetry.monoclinic",
                "org.pxrd.symmetry.triclinic", "org.pxrd.symmetry.rhombohedral", "org.pxrd.symmetry.auto",
                "org.pxrd.symmetry.spacegroup");
        assertThat(registry.registry().check()).isEmpty();
    }

    /** family; a distorted cell (a b c alpha beta gamma); the projected cell by the family's formula. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "cubic;        4.0 4.3 4.5 88 91 93;   4.266666666666667 4.266666666666667 4.266666666666667 90 90 90",
        "hexagonal;    3.1 3.3 5.0 89 92 118;  3.2 3.2 5.0 90 90 120",
        "tetragonal;   3.9 4.1 6.0 89 91 92;   4.0 4.0 6.0 90 90 90",
        "orthorhombic; 3.9 4.1 6.0 89 91 92;   3.9 4.1 6.0 90 90 90",
        "monoclinic;   3.9 4.1 6.0 89 101 92;  3.9 4.1 6.0 90 101 90",
        "triclinic;    3.9 4.1 6.0 89 101 92;  3.9 4.1 6.0 89 101 92",
        "rhombohedral; 5.0 5.3 5.6 58 60 65;   5.3 5.3 5.3 61 61 61"})
    void familiesFollowTheirFormulasAreIdempotentAndKeepTheirOwnCells(String family, String cell, String expected)
            throws Exception {
        SymmetryProjector projector = registry.create(family);
        Structure s = structure(parse(cell));
        SymmetryProjector.Projection p = projector.prepare(s);
        double[] in = ParameterVector.of(s);
        double[] once = p.apply(in);
        double[] want = parse(expected);
        for (int i = 0; i < 6; i++) {
            assertThat(once[i]).as(family + " parameter " + i).isCloseTo(want[i], within(1e-9));
        }
        for (int i = 6; i < in.length; i++) {
            assertThat(once[i]).as("coordinates are untouched").isEqualTo(in[i]);
        }
        assertThat(p.apply(once)).as("idempotent").containsExactly(once, within(EXACT));
        // a cell of the family is left as it is; in place as well
        double[] copy = once.clone();
        p.apply(copy, copy);
        assertThat(copy).containsExactly(once, within(EXACT));
    }

    @Test
    void autoUsesTheFamilyOfTheSpaceGroupAndRefusesOtherCells() throws Exception {
        Structure fcc = SymmetryTestData.readCif(TestData.path("paper10/cif/mp-1009077_FeH_sg225.cif"));
        Structure conventional = new SymmetryFinder().analyze(fcc).conventionalStandardStructure();
        Structure distorted = conventional.withLattice(Lattice.fromParameters(3.70, 3.78, 3.80, 89, 90.5, 91));
        SymmetryProjector.Projection p = registry.create("auto", Map.of("spaceGroup", "Fm-3m")).prepare(distorted);
        double[] q = p.apply(ParameterVector.of(distorted));
        assertThat(q[0]).isCloseTo((3.70 + 3.78 + 3.80) / 3, within(1e-12));
        assertThat(q[1]).isEqualTo(q[0]);
        assertThat(q[5]).isEqualTo(90);
        // found rather than named: the conventional cell of FeH is cubic
        double[] r = registry.create("auto").prepare(conventional).apply(ParameterVector.of(conventional));
        assertThat(r[3]).isEqualTo(90);
        // the primitive rhombohedral cell of an fcc lattice is no cubic cell
        assertThatThrownBy(() -> registry.create("auto").prepare(fcc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a conventional cell");
    }

    @Test
    void spaceGroupProjectorRestoresTheSymmetryOfANoisyStructure() throws Exception {
        Structure reference = SymmetryTestData.readCif(TestData.path("mp20-dev50/cif/mp-1102662_CaMgPd_sg62.cif"));
        SymmetryDataset truth = new SymmetryFinder().analyze(reference);
        assertThat(truth.number()).isEqualTo(62);
        Structure symmetric = truth.symmetrizedStructure();
        SymmetryProjector.Projection p = registry.create("spacegroup", Map.of("symprec", "0.1")).prepare(symmetric);
        double[] exact = ParameterVector.of(symmetric);
        double[] kept = p.apply(exact);
        assertThat(kept).as("a symmetric structure is left unchanged").containsExactly(exact, within(1e-9));

        SplittableRandom random = new SplittableRandom(42);
        double[] noisy = exact.clone();
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += (i < 3 ? 0.02 : i < 6 ? 0.3 : 0.004) * (2 * random.nextDouble() - 1);
        }
        double[] projected = p.apply(noisy);
        assertThat(p.apply(projected)).as("idempotent").containsExactly(projected, within(1e-9));
        Structure restored = ParameterVector.toStructure(symmetric, projected);
        SymmetryDataset found = new SymmetryFinder(1e-4, SymmetryFinder.DEFAULT_ANGLE_TOLERANCE).analyze(restored);
        assertThat(found.number()).as("exact symmetry at 1e-4 Å").isEqualTo(62);
        assertThat(new SymmetryFinder(1e-4, SymmetryFinder.DEFAULT_ANGLE_TOLERANCE)
                .analyze(ParameterVector.toStructure(symmetric, noisy)).number()).as("noise broke it").isNotEqualTo(62);
        assertThat(projected[3]).isCloseTo(90, within(1e-9));
    }

    @Test
    void badNamesAndVectorsAreRefused() {
        assertThatThrownBy(() -> LatticeConstraint.parse("cubicle")).hasMessageContaining("unknown crystal family");
        assertThatThrownBy(() -> new SpaceGroupProjector("Q 99", 0.1).prepare(structure(parse("4 4 4 90 90 90"))))
                .hasMessageContaining("unknown space group 'Q 99'");
        Structure s = structure(parse("4 4 4 90 90 90"));
        assertThatThrownBy(() -> ParameterVector.toStructure(s, new double[7])).hasMessageContaining("does not fit");
    }

    private static double[] parse(String text) {
        String[] f = text.trim().split("\\s+");
        double[] v = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            v[i] = Double.parseDouble(f[i]);
        }
        return v;
    }

    private static Structure structure(double[] cell) {
        return new Structure("test", Lattice.fromParameters(cell),
                List.of(org.pxrd.model.Site.of(org.pxrd.model.Element.of("Fe"), 0.1, 0.2, 0.3),
                        org.pxrd.model.Site.of(org.pxrd.model.Element.of("O"), 0.5, 0.6, 0.7)));
    }
}
