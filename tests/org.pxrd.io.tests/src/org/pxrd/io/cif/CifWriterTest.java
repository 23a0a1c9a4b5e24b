package org.pxrd.io.cif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pxrd.io.ReferenceStructures.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.io.ReferenceStructures;
import org.pxrd.io.StructureFiles;
import org.pxrd.model.CrystalSymmetry;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Species;
import org.pxrd.model.Structure;
import org.pxrd.model.SymmetryOperation;
import org.pxrd.testdata.TestData;

/** Write-then-read round trips of CIFs, P1 and with symmetry, on every reference structure. */
class CifWriterTest {

    /** What a round trip must reproduce (Å, degrees, fractional): the bound. */
    private static final double ROUND_TRIP_TOLERANCE = 1e-8;

    private static final StructureFiles FILES = new StructureFiles(ExtensionSources.detect());
    private final CifFormat cif = new CifFormat();

    static Stream<Arguments> referenceCifs() {
        return ReferenceStructures.cifs().stream().map(p -> Arguments.of(ReferenceStructures.relative(p), p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCifs")
    void writeThenReadReproducesEveryReferenceStructure(String name, Path file) throws Exception {
        for (Structure original : FILES.read(file)) {
            Structure back = single(cif.read(cif.write(original), "back.cif"));
            assertSame(original, back, ROUND_TRIP_TOLERANCE);
            assertSame(original, single(cif.read(cif.write(original.withSymmetry(null)), "p1.cif")),
                    ROUND_TRIP_TOLERANCE);
            assertThat(back.symmetry().map(s -> s.operations().size()))
                    .isEqualTo(original.symmetry().map(s -> s.operations().size()));
        }
    }

    @Test
    void writeThenReadReproducesEveryMatcherPair() throws Exception {
        for (Path file : TestData.files(ReferenceStructures.MATCHER_PAIRS, ".cif")) {
            Structure original = FILES.readFirst(file);
            assertSame(original, single(cif.read(cif.write(original), file.getFileName().toString())),
                    ROUND_TRIP_TOLERANCE);
        }
    }

    static Stream<Arguments> symmetricCifs() {
        return ReferenceStructures.symmetricCifs().stream().map(p -> Arguments.of(ReferenceStructures.relative(p), p));
    }

    /**
     * The asymmetric unit the writer finds has as many atoms as the asymmetric unit pymatgen wrote (or the authors
     * listed) in the file, and the written file lists the operations and no more atoms than that.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("symmetricCifs")
    void symmetricStructuresAreWrittenAsTheirAsymmetricUnit(String name, Path file) throws Exception {
        CifBlock block = new CifParser(name).parse(Files.readString(file)).stream()
                .filter(CifStructureReader::hasStructure).findFirst().orElseThrow();
        int atomRows = block.loop("_atom_site_fract_x").orElseThrow().rows().size();
        Structure structure = FILES.readFirst(file);
        int operations = structure.symmetry().orElseThrow().operations().size();
        CifBlock written = new CifParser("out.cif").parse(cif.write(structure)).get(0);

        assertThat(written.loop("_atom_site_fract_x").orElseThrow().rows()).hasSize(atomRows);
        assertThat(written.loop("_symmetry_equiv_pos_as_xyz").orElseThrow().rows()).hasSize(operations);
        if (operations == 1) {
            // spglib found no symmetry at 0.01: pymatgen wrote P1, and so does the writer
            assertThat(new CifWriter().asymmetricUnit(structure)).isEmpty();
            assertThat(written.value("_symmetry_Int_Tables_number").orElseThrow().text()).isEqualTo("1");
        } else {
            assertThat(new CifWriter().asymmetricUnit(structure)).hasValueSatisfying(unit -> assertThat(unit)
                    .hasSize(atomRows));
            assertThat(written.value("_symmetry_space_group_name_H-M").orElseThrow().text())
                    .isEqualTo(structure.symmetry().get().hermannMauguin());
        }
    }

    @Test
    void sitesThatBreakTheSymmetryAreWrittenInP1WithAComment() throws Exception {
        Structure symmetric = FILES.readFirst(TestData.path(
                "paper10/conventional-cif/mp-3589_BPO4_sg82.cif"));
        List<Site> moved = new ArrayList<>(symmetric.sites());
        Site o = moved.get(moved.size() - 1);
        moved.set(moved.size() - 1, o.withFrac(new double[] {o.frac(0) + 1e-3, o.frac(1), o.frac(2)}));
        Structure broken = new Structure("broken", symmetric.lattice(), moved, symmetric.symmetry().get());

        assertThat(new CifWriter().asymmetricUnit(broken)).isEmpty();
        String text = cif.write(broken);
        assertThat(text).contains("# written in P1: the sites are not invariant").contains("'P 1'");
        assertSame(broken, single(cif.read(text, "broken.cif")), ROUND_TRIP_TOLERANCE);
    }

    @Test
    void oxidationStatesDisplacementsOccupanciesAndAwkwardNamesSurvive() throws Exception {
        Lattice lattice = Lattice.fromParameters(5.1, 6.2, 7.3, 81, 97, 113);
        List<Site> sites = List.of(
                new Site(Species.parse("Fe3+"), new double[] {0.1, 0.2, 0.3}, 0.5, 0.75, "Fe 1"),
                new Site(Species.parse("Co2+"), new double[] {0.1, 0.2, 0.3}, 0.5, Double.NaN, "Fe 1"),
                new Site(Species.parse("O2-"), new double[] {0.7, 1e-17, 0.999999999999}, 1, 1.25, "'O1'"),
                new Site(Species.of(Element.O), new double[] {0.3, 0.4, 0.5}));
        Structure s = new Structure("it's a \"test\" name", lattice, sites);

        String text = cif.write(s);
        Structure back = single(cif.read(text, "x.cif"));
        assertSame(s, back, 1e-12);
        assertThat(back.sites()).extracting(Site::label).doesNotHaveDuplicates();
        assertThat(back.name()).doesNotContain(" ").contains("test");
    }

    @Test
    void theOperationsAndSymbolOfACarriedSymmetryAreWritten() throws Exception {
        // rock salt in Fm-3m written from its 8 atoms with the 4 centring translations and the inversion only:
        // any operation list under which the sites are invariant is written as such
        List<SymmetryOperation> ops = new ArrayList<>();
        for (String t : new String[] {"x,y,z", "x,y+1/2,z+1/2", "x+1/2,y,z+1/2", "x+1/2,y+1/2,z"}) {
            ops.add(SymmetryOperation.parse(t));
            ops.add(SymmetryOperation.parse(t.replace("x", "-x").replace("y", "-y").replace("z", "-z")));
        }
        List<Site> sites = new ArrayList<>();
        for (double[] f : new double[][] {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}}) {
            sites.add(Site.of(Element.Na, f[0], f[1], f[2]));
        }
        for (double[] f : new double[][] {{0.5, 0.5, 0.5}, {0.5, 0, 0}, {0, 0.5, 0}, {0, 0, 0.5}}) {
            sites.add(Site.of(Element.Cl, f[0], f[1], f[2]));
        }
        Structure nacl = new Structure("NaCl", Lattice.cubic(5.64), sites, new CrystalSymmetry("F m -3 m", 225, ops));

        String text = cif.write(nacl);
        assertThat(text).contains("'F m -3 m'").contains("_symmetry_Int_Tables_number   225");
        CifBlock block = new CifParser("nacl.cif").parse(text).get(0);
        assertThat(block.loop("_atom_site_fract_x").orElseThrow().rows()).hasSize(2);
        Structure back = single(cif.read(text, "nacl.cif"));
        assertThat(back.size()).isEqualTo(8);
        assertThat(back.reducedFormula()).isEqualTo("NaCl");
        assertThat(back.symmetry().orElseThrow().number()).isEqualTo(225);
    }

    @Test
    void severalStructuresBecomeSeveralBlocksReadBackByName() throws Exception {
        Structure a = new Structure("same", Lattice.cubic(3), List.of(Site.of(Element.Fe, 0, 0, 0)));
        Structure b = new Structure("SAME", Lattice.cubic(4), List.of(Site.of(Element.Cu, 0, 0, 0)));
        String text = new CifWriter().write(List.of(a, b));

        assertThat(cif.read(text, "two.cif")).extracting(Structure::name).containsExactly("same", "SAME_2");
        assertThat(cif.read(text, "two.cif", "same_2").lattice().a()).isEqualTo(4);
    }

    private static Structure single(List<Structure> structures) {
        assertThat(structures).hasSize(1);
        return structures.get(0);
    }
}
