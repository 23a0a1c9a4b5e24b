package org.pxrd.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

/**
 * Primitive cells against pymatgen 2022.11.7's {@code get_primitive_structure} ({@code data/primitive_reference.csv}:
 * the reference structures as P1 cells, conventional cells and 2x1x2 supercells).
 */
class PrimitiveCellFinderTest {

    /** Lengths of Niggli cells agree up to ties of rounded hexagonal parameters (Å). */
    static final double LENGTH_TOLERANCE = 1e-5;

    @Test
    void primitiveCellsHavePymatgensSizeVolumeAndLengths() {
        List<Map<String, String>> rows = Inputs.csv(Inputs.ownData("primitive_reference.csv"));
        assertThat(rows).hasSizeGreaterThan(150);
        int reduced = 0;
        for (Map<String, String> r : rows) {
            Structure s = Inputs.asPymatgenReadsIt(Inputs.read(TestData.path(r.get("file"))));
            if (r.get("variant").equals("supercell")) {
                s = supercell212(s);
            }
            String what = r.get("file") + " " + r.get("variant");
            assertThat(s.size()).as(what + " input sites").isEqualTo(Integer.parseInt(r.get("nsites")));
            Structure p = PrimitiveCellFinder.primitive(s);
            assertThat(p.size()).as(what + " primitive sites").isEqualTo(Integer.parseInt(r.get("prim_nsites")));
            double volume = Double.parseDouble(r.get("prim_volume"));
            assertThat(p.lattice().volume()).as(what + " volume").isCloseTo(volume, within(1e-9 * volume));
            assertThat(p.reducedFormula()).as(what).isEqualTo(s.reducedFormula());
            if (p.size() < s.size()) {
                reduced++;
                double[] ours = {p.lattice().a(), p.lattice().b(), p.lattice().c()};
                double[] theirs = {Double.parseDouble(r.get("prim_a")), Double.parseDouble(r.get("prim_b")),
                    Double.parseDouble(r.get("prim_c"))};
                Arrays.sort(ours);
                Arrays.sort(theirs);
                assertThat(ours).as(what + " lengths").containsExactly(theirs, within(LENGTH_TOLERANCE));
            } else {
                assertThat(p).as(what + " unchanged").isSameAs(s);
            }
        }
        assertThat(reduced).as("cells that had a smaller primitive cell").isGreaterThan(60);
    }

    @Test
    void bodyCentredCellHalves() {
        Structure bcc = new Structure("Fe", Lattice.cubic(2.87),
                List.of(Site.of(Element.of("Fe"), 0, 0, 0), Site.of(Element.of("Fe"), 0.5, 0.5, 0.5)));
        Structure p = PrimitiveCellFinder.primitive(bcc);
        assertThat(p.size()).isEqualTo(1);
        assertThat(p.lattice().volume()).isCloseTo(2.87 * 2.87 * 2.87 / 2, within(1e-9));
        // Niggli cell of bcc: three vectors a√3/2 at 109.47° (all obtuse)
        assertThat(p.lattice().a()).isCloseTo(2.87 * Math.sqrt(3) / 2, within(1e-9));
        assertThat(p.lattice().alpha()).isCloseTo(Math.toDegrees(Math.acos(-1.0 / 3)), within(1e-9));
    }

    @Test
    void sitesWithinTheToleranceMergeAtTheirMean() {
        // a 2x1x1 supercell whose copies disagree by 0.1 Å along a: one site at the mean position
        Structure s = new Structure("Po", Lattice.fromParameters(6, 3, 3, 90, 90, 90),
                List.of(Site.of(Element.of("Po"), 0.1, 0.2, 0.3), Site.of(Element.of("Po"), 0.6 + 0.1 / 6, 0.2, 0.3)));
        Structure p = PrimitiveCellFinder.primitive(s, 0.25);
        assertThat(p.size()).isEqualTo(1);
        assertThat(p.lattice().volume()).isCloseTo(27, within(1e-9));
        // beyond the tolerance nothing merges
        assertThat(PrimitiveCellFinder.primitive(s, 0.05)).isSameAs(s);
        assertThatThrownBy(() -> PrimitiveCellFinder.primitive(s, -1)).hasMessageContaining("-1");
    }

    @Test
    void differentSpeciesNeverMerge() {
        Structure cscl = new Structure("CsCl", Lattice.cubic(4.1),
                List.of(Site.of(Element.of("Cs"), 0, 0, 0), Site.of(Element.of("Cl"), 0.5, 0.5, 0.5)));
        assertThat(PrimitiveCellFinder.primitive(cscl)).isSameAs(cscl);
    }

    private static Structure supercell212(Structure s) {
        double[][] m = s.lattice().matrix();
        double[][] big = {{2 * m[0][0], 2 * m[0][1], 2 * m[0][2]}, m[1], {2 * m[2][0], 2 * m[2][1], 2 * m[2][2]}};
        List<Site> sites = new ArrayList<>();
        for (Site site : s.sites()) {
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < 2; k++) {
                    sites.add(site.withFrac(new double[] {(site.frac(0) + i) / 2, site.frac(1), (site.frac(2) + k) / 2}));
                }
            }
        }
        return new Structure(s.name(), Lattice.fromMatrix(big), sites);
    }
}
