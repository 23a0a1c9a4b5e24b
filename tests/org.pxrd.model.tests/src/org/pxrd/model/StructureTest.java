package org.pxrd.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class StructureTest {

    @Test
    void formulaCompositionAndDensityAgreeWithPymatgen() {
        Structure s = Fixtures.bpo4();
        assertThat(s.formula()).isEqualTo("B1 P1 O4");
        assertThat(s.reducedFormula()).isEqualTo("BPO4");
        assertThat(s.density()).isCloseTo(2.653531542436807, within(1e-7));
        assertThat(s.composition()).containsEntry(Element.O, 4.0);
    }

    @Test
    void reducedFormulaDividesByTheCommonFactorAndKeepsFractions() {
        Lattice l = Lattice.cubic(5);
        Structure fe2o3x2 = new Structure("x", l, List.of(Site.of(Element.Fe, 0, 0, 0), Site.of(Element.Fe, .5, 0, 0),
                Site.of(Element.O, 0, .5, 0), Site.of(Element.O, 0, 0, .5), Site.of(Element.O, .5, .5, .5)));
        assertThat(fe2o3x2.reducedFormula()).isEqualTo("Fe2O3");
        Structure disordered = new Structure("y", l, List.of(Site.of(Element.Na, 0, 0, 0).withOccupancy(0.5),
                Site.of(Element.Cl, .5, .5, .5)));
        assertThat(disordered.formula()).isEqualTo("Na0.5 Cl1");
        assertThat(disordered.mass()).isCloseTo(0.5 * Element.Na.mass() + Element.Cl.mass(), within(1e-12));
    }

    @Test
    void copiesLeaveTheOriginalUnchanged() {
        Structure s = Fixtures.bpo4();
        Structure bigger = s.withLattice(s.lattice().scaleVolume(2));
        assertThat(bigger.lattice().volume()).isCloseTo(2 * s.lattice().volume(), within(1e-9));
        assertThat(bigger.fracCoords()).isDeepEqualTo(s.fracCoords());
        double[][] moved = s.fracCoords();
        moved[0][0] = 1.25;
        Structure shifted = s.withFracCoords(moved);
        assertThat(shifted.site(0).frac(0)).isEqualTo(0.25);
        assertThat(s.site(0).frac(0)).isEqualTo(0.75);
        assertThatThrownBy(() -> s.withFracCoords(new double[2][3])).hasMessageContaining("expected 6");
    }

    @Test
    void sitesWrapCoordinatesAndValidateTheirValues() {
        Site s = Site.of(Element.Fe, -0.25, 1.0, 2.5);
        assertThat(s.frac()).containsExactly(0.75, 0.0, 0.5);
        assertThat(Site.wrap(-1e-18)).isEqualTo(0.0);
        assertThat(s.label()).isEqualTo("Fe");
        assertThatThrownBy(() -> Site.of(Element.Fe, Double.NaN, 0, 0)).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("x = NaN");
        assertThatThrownBy(() -> s.withOccupancy(1.5)).hasMessageContaining("occupancy 1.5");
        assertThatThrownBy(() -> s.withOccupancy(0)).hasMessageContaining("occupancy 0.0");
        assertThatThrownBy(() -> s.withBIso(-1)).hasMessageContaining("B = -1.0");
        assertThat(s.withBIso(0.5).hasDisplacement()).isTrue();
    }

    @Test
    void aStructureNeedsSites() {
        assertThatThrownBy(() -> new Structure("empty", Lattice.cubic(3), List.of()))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("'empty' has no atomic sites");
    }
}
