package org.pxrd.io.cif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pxrd.io.StructureFormatException;
import org.pxrd.model.CrystalSymmetry;
import org.pxrd.model.Element;
import org.pxrd.model.Structure;
import org.pxrd.model.SymmetryOperation;

/** What real CIFs contain beyond the basics, and the one-line errors of values that describe no crystal. */
class CifReadingTest {

    /** A P1 iron cell; tests replace parts of it. */
    private static final String BASE = """
            data_iron
            _cell_length_a 2.87
            _cell_length_b 2.87
            _cell_length_c 2.87
            _cell_angle_alpha 90
            _cell_angle_beta 90
            _cell_angle_gamma 90
            loop_
            _atom_site_label
            _atom_site_type_symbol
            _atom_site_fract_x
            _atom_site_fract_y
            _atom_site_fract_z
            Fe1 Fe 0 0 0
            Fe2 Fe 0.5 0.5 0.5
            """;

    private final CifFormat cif = new CifFormat();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "_cell_length_a 2.87|_cell_length_a NaN|a.cif:2: _cell_length_a 'NaN' is not a number",
        "_cell_length_b 2.87|_cell_length_b -inf|a.cif:3: _cell_length_b '-inf' is not a number",
        "_cell_length_c 2.87|_cell_length_c 1e999|a.cif:4: _cell_length_c '1e999' is not a finite number",
        "_cell_length_c 2.87|_cell_length_c 0.0|a.cif:4: impossible cell: lattice length c = 0.0 Å must be positive",
        "_cell_angle_gamma 90|_cell_angle_gamma 180|a.cif:7: impossible cell: lattice angle gamma = 180.0 degrees",
        "Fe2 Fe 0.5 0.5 0.5|Fe2 Fe 0.5 0.5 1.5.2|a.cif:15: fractional coordinate z '1.5.2' is not a number",
        "Fe2 Fe 0.5 0.5 0.5|Fe2 Xx 0.5 0.5 0.5|a.cif:15: unknown element 'Xx'",
        "Fe2 Fe 0.5 0.5 0.5|Fe2 Fe 0.5 0.5 0x1p3|a.cif:15: fractional coordinate z '0x1p3' is not a number",
        "data_iron|data_iron data_IRON|a.cif:1: data_IRON appears twice (block names must be unique)"})
    void valuesThatDescribeNoCrystalAreOneLineErrors(String from, String to, String message) {
        String bad = BASE.replace(from, to);
        assertThatThrownBy(() -> cif.read(bad, "a.cif")).isInstanceOf(StructureFormatException.class)
                .hasMessageStartingWith(message).hasMessageNotContaining("\n");
    }

    @Test
    void aCellWhoseAnglesCloseNoVolumeIsRefused() {
        String flat = BASE.replace("_cell_angle_alpha 90", "_cell_angle_alpha 120").replace("_cell_angle_beta 90",
                "_cell_angle_beta 120").replace("_cell_angle_gamma 90", "_cell_angle_gamma 120");
        assertThatThrownBy(() -> cif.read(flat, "flat.cif")).hasMessageStartingWith("flat.cif:5: impossible cell: "
                + "angles alpha=120.0 beta=120.0 gamma=120.0 do not form a cell");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreFine() throws Exception {
        Structure s = cif.read("\uFEFF" + BASE.replace("\n", "\r\n"), "bom.cif").get(0);
        assertThat(s.size()).isEqualTo(2);
    }

    @Test
    void oneAtomMayBeGivenWithoutALoop() throws Exception {
        String text = BASE.substring(0, BASE.indexOf("loop_")) + """
                _atom_site_label Cu1
                _atom_site_fract_x 0.25
                _atom_site_fract_y 0.5
                _atom_site_fract_z 0.75
                """;
        Structure s = cif.read(text, "one.cif").get(0);
        assertThat(s.site(0).element()).isEqualTo(Element.Cu);
        assertThat(s.site(0).frac()).containsExactly(0.25, 0.5, 0.75);
    }

    @Test
    void p1NamedWithoutOperationsNeedsNoTablesAndIsKeptAsTheStatedSymmetry() throws Exception {
        Structure s = cif.read(BASE.replace("data_iron\n", "data_iron\n_symmetry_space_group_name_H-M 'P 1'\n"
                + "_symmetry_Int_Tables_number 1\n"), "p1.cif").get(0);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.symmetry()).hasValueSatisfying(sym -> {
            assertThat(sym.hermannMauguin()).isEqualTo("P 1");
            assertThat(sym.number()).isEqualTo(1);
            assertThat(sym.operations()).hasSize(1);
        });
        assertThat(cif.read(BASE, "none.cif").get(0).symmetry()).isEmpty();
    }

    @Test
    void aSingleOperationItemAndDummyAtomsAreUnderstood() throws Exception {
        String text = BASE.replace("data_iron\n", "data_iron\n_space_group_symop_operation_xyz 'x,y,z'\n")
                .replace("_atom_site_fract_z\n", "_atom_site_fract_z\n_atom_site_calc_flag\n")
                .replace("Fe1 Fe 0 0 0", "Fe1 Fe 0 0 0 d").replace("Fe2 Fe 0.5 0.5 0.5", "Q1 Q 0.5 0.5 0.5 dum");
        Structure s = cif.read(text, "dummy.cif").get(0);
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.symmetry().orElseThrow().operations()).hasSize(1);
    }

    @Test
    void operationsThatAreNotCrystallographicAreRefused() {
        String shear = BASE.replace("data_iron\n", "data_iron\nloop_ _symmetry_equiv_pos_as_xyz 'x,y,z' 'x+y,y,z'\n");
        assertThatThrownBy(() -> cif.read(shear, "shear.cif")).hasMessage("shear.cif:2: symmetry operation 'x+y,y,z' "
                + "is not a crystallographic operation (its rotation part has no finite order 1, 2, 3, 4 or 6)");
        String twice = BASE.replace("data_iron\n", "data_iron\nloop_ _symmetry_equiv_pos_as_xyz 'x,y,z' '2x,y,z'\n");
        assertThatThrownBy(() -> cif.read(twice, "twice.cif")).hasMessageStartingWith("twice.cif:2: symmetry "
                + "operation '2x,y,z' is not a valid rotation");
    }

    @Test
    void occupanciesAndDisplacementsOutsideTheirRangeAreRefused() {
        String withOcc = BASE.replace("_atom_site_fract_z\n", "_atom_site_fract_z\n_atom_site_occupancy\n"
                + "_atom_site_B_iso_or_equiv\n").replace("Fe1 Fe 0 0 0", "Fe1 Fe 0 0 0 1 0.4");
        assertThatThrownBy(() -> cif.read(withOcc.replace("Fe2 Fe 0.5 0.5 0.5", "Fe2 Fe 0.5 0.5 0.5 1.2 0.4"),
                "o.cif")).hasMessage("o.cif:17: occupancy 1.2 of atom Fe2 is outside (0, 1]");
        assertThatThrownBy(() -> cif.read(withOcc.replace("Fe2 Fe 0.5 0.5 0.5", "Fe2 Fe 0.5 0.5 0.5 1 -0.4"),
                "b.cif")).hasMessage("b.cif:17: atom Fe2 has a negative displacement parameter");
    }

    @Test
    void lowerCaseLabelsGiveTheElement() throws Exception {
        String text = BASE.replace("_atom_site_type_symbol\n", "").replace("Fe1 Fe 0 0 0", "fe1 0 0 0")
                .replace("Fe2 Fe 0.5 0.5 0.5", "CA2 0.5 0.5 0.5");
        Structure s = cif.read(text, "lower.cif").get(0);
        assertThat(s.sites()).extracting(site -> site.element()).containsExactly(Element.Fe, Element.C);
    }

    @Test
    void aResolverSuppliesTheOperationsOfANamedGroup() throws Exception {
        // body-centring given by a resolver: the Fe at the origin expands to both atoms of the bcc cell
        CrystalSymmetry im3m = new CrystalSymmetry("I m -3 m", 229, List.of(SymmetryOperation.identity(),
                SymmetryOperation.parse("x+1/2,y+1/2,z+1/2")));
        CifFormat withTables = new CifFormat((hm, hall, number) -> number == 229 ? Optional.of(im3m)
                : Optional.empty());
        String text = BASE.replace("data_iron\n", "data_iron\n_symmetry_Int_Tables_number 229\n")
                .replace("Fe2 Fe 0.5 0.5 0.5\n", "");
        Structure s = withTables.read(text, "bcc.cif").get(0);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.site(1).frac()).containsExactly(0.5, 0.5, 0.5);
        assertThatThrownBy(() -> new CifFormat(SpaceGroupResolver.NONE).read(text, "bcc.cif")).hasMessage(
                "bcc.cif:1: lists no symmetry operations and the operations of space group number 229 are not available");
        // the default format resolves the number through the space-group tables of org.pxrd.symmetry
        assertThat(cif.read(text, "bcc.cif").get(0).size()).isEqualTo(2);
    }

    @Test
    void aFileCutAtTheEndOfAnAtomRowIsCaughtByItsFormula() throws Exception {
        String whole = java.nio.file.Files.readString(org.pxrd.testdata.TestData.path(
                "paper10/cif/mp-1709_U2Ti_sg191.cif"));
        String cut = whole.substring(0, whole.indexOf("  Ti  Ti2"));
        assertThat(cif.read(whole, "U2Ti.cif").get(0).size()).isEqualTo(3);
        assertThatThrownBy(() -> cif.read(cut, "U2Ti.cif")).hasMessage("U2Ti.cif:12: the atom sites give U2 per "
                + "cell, but _chemical_formula_sum is 'U2 Ti1' with Z = 1: the atom list is incomplete (truncated file?) or the "
                + "formula is wrong");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'Fe2'|", "'Fe'|2", "'Fe1'|", "'Fe H3'|", "'Fe2 H6'|1", "'Fe1.99'|1", "'(Fe)2'|7", "'Fe2 O1'|x?"})
    void formulasPerCellPerFormulaUnitOrWithoutZAgree(String formula, String z) throws Exception {
        String text = BASE.replace("data_iron\n", "data_iron\n_chemical_formula_sum " + formula + "\n"
                + (z == null ? "" : "_cell_formula_units_Z " + z.replace("x", "") + "\n"));
        if (formula.contains("O1")) {
            assertThatThrownBy(() -> cif.read(text, "fe.cif")).hasMessageStartingWith("fe.cif:2: the atom sites give "
                    + "Fe2 per cell, but _chemical_formula_sum is 'Fe2 O1'");
        } else {
            assertThat(cif.read(text, "fe.cif").get(0).size()).isEqualTo(2);
        }
    }
}
