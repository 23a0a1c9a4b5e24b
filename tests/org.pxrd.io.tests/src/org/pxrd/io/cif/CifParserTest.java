package org.pxrd.io.cif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pxrd.io.StructureFormatException;
import org.pxrd.model.Element;
import org.pxrd.model.Structure;

class CifParserTest {

    private static final String RUTILE = """
            # rutile, P4_2/mnm, written by hand with every syntax feature
            data_first
            _journal_name 'not a structure'
            data_rutile
            _chemical_name_mineral   "Rutile"
            _publ_section_title
            ;
             A text field with 'quotes' and # not-a-comment
            ;
            _cell_length_a 4.5937(3)
            _cell_length_b 4.5937(3)
            _cell_length_c 2.9587(2)
            _cell_angle_alpha 90
            _cell_angle_beta 90.
            _cell_angle_gamma 90.0
            _symmetry_space_group_name_H-M 'P 42/m n m'
            loop_
            _space_group_symop_operation_xyz
            'x, y, z'   '-x, -y, z'  '1/2-y, 1/2+x, 1/2+z'  '1/2+y, 1/2-x, 1/2+z'
            '1/2-x, 1/2+y, 1/2-z' '1/2+x, 1/2-y, 1/2-z' 'y, x, -z' '-y, -x, -z'
            '-x, -y, -z' 'x, y, -z' '1/2+y,1/2-x,1/2-z' '1/2-y,1/2+x,1/2-z'
            '1/2+x,1/2-y,1/2+z' '1/2-x,1/2+y,1/2+z' '-y,-x,z' 'y,x,z'
            loop_
            _atom_site_label
            _atom_site_occupancy
            _atom_site_fract_x
            _atom_site_fract_y
            _atom_site_fract_z
            _atom_site_U_iso_or_equiv
            Ti1 1.0 0 0 0 0.0060(2)
            O2- . 0.30478(6) 0.30478(6) 0 ?
            """;

    @Test
    void readsBlocksQuotesTextFieldsUncertaintiesAndExpandsSymmetry() throws Exception {
        List<Structure> structures = new CifFormat().read(RUTILE, "rutile.cif");
        assertThat(structures).hasSize(1);
        Structure rutile = structures.get(0);
        assertThat(rutile.name()).isEqualTo("rutile");
        assertThat(rutile.lattice().a()).isCloseTo(4.5937, within(1e-12));
        assertThat(rutile.size()).isEqualTo(6);
        assertThat(rutile.reducedFormula()).isEqualTo("TiO2");
        assertThat(rutile.site(0).bIso()).isCloseTo(0.0060 * 8 * Math.PI * Math.PI, within(1e-12));
        assertThat(rutile.site(2).element()).isEqualTo(Element.O);
        assertThat(rutile.site(2).species().oxidationState()).isEqualTo(-2);
        assertThat(rutile.symmetry()).isPresent();
        assertThat(rutile.symmetry().get().operations()).hasSize(16);
    }

    @Test
    void readsSeveralStructureBlocks() throws Exception {
        String two = RUTILE + RUTILE.replace("data_first", "data_third").replace("data_rutile", "data_second");
        List<Structure> structures = new CifFormat().read(two, "two.cif");
        assertThat(structures).extracting(Structure::name).containsExactly("rutile", "second");
    }

    @Test
    void labelsGiveTheElementWhenThereIsNoTypeSymbol() throws Exception {
        String cif = """
                data_x
                _cell_length_a 5 _cell_length_b 5 _cell_length_c 5
                _cell_angle_alpha 90 _cell_angle_beta 90 _cell_angle_gamma 90
                loop_ _atom_site_label _atom_site_fract_x _atom_site_fract_y _atom_site_fract_z
                Fe1 0 0 0  Ca1a 0.5 0 0  OW1 0 0.5 0  Cl12 0 0 0.5
                """;
        Structure s = new CifFormat().read(cif, "x.cif").get(0);
        assertThat(s.sites()).extracting(site -> site.element().symbol()).containsExactly("Fe", "Ca", "O", "Cl");
        assertThat(s.site(0).label()).isEqualTo("Fe1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "|x.cif: no data_ block (empty or not a CIF file)",
        "data_a\\n_cell_length_a|x.cif:2: tag _cell_length_a has no value",
        "data_a\\n_cell_length_a 'open|x.cif:2: quoted value 'open is never closed",
        "data_a\\n;\\nnever closed|x.cif:2: text field starting with ';' is never closed",
        "data_a\\nloop_\\n_a\\n_b\\n1 2 3|x.cif:2: loop_ has 3 values for 2 tags (_a, ...): not a whole number of rows",
        "data_a\\n_x 1\\n_X 2|x.cif:3: tag _X appears twice in data_a",
        "junk\\ndata_a|x.cif:1: 'junk' before the first data_ block",
        "data_a\\n_x 1 2|x.cif:2: value '2' without a tag"})
    void syntaxErrorsNameTheLine(String text, String message) {
        assertThatThrownBy(() -> new CifParser("x.cif").parse(text == null ? "" : text.replace("\\n", "\n")))
                .isInstanceOf(StructureFormatException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "_cell_length_a 4.2|no _cell_length_b",
        "_cell_length_a 0|impossible cell",
        "_cell_length_a nan|not a number",
        "_cell_angle_gamma 200|impossible cell",
        "XX 0 0 0|unknown element 'XX'",
        "Fe 0.1 0.2 inf|fractional coordinate z 'inf' is not a number",
        "Fe 0.1 ? 0.3|has no y coordinate",
        "'x, y, z, w'|three comma-separated parts"})
    void structuralErrorsNameTheProblem(String replacement, String message) {
        String cif = """
                data_a
                _cell_length_a 4 _cell_length_b 4 _cell_length_c 4
                _cell_angle_alpha 90 _cell_angle_beta 90 _cell_angle_gamma 90
                loop_ _symmetry_equiv_pos_as_xyz 'x, y, z'
                loop_ _atom_site_type_symbol _atom_site_fract_x _atom_site_fract_y _atom_site_fract_z
                Fe 0.1 0.2 0.3
                """;
        String bad;
        if (replacement.startsWith("_cell_length_a 4.2")) {
            bad = cif.replace("_cell_length_b 4 ", "");
        } else if (replacement.startsWith("_cell")) {
            String tag = replacement.substring(0, replacement.indexOf(' '));
            bad = cif.replaceFirst(tag + " [0-9]+", replacement);
        } else if (replacement.startsWith("'")) {
            bad = cif.replace("'x, y, z'", replacement);
        } else {
            bad = cif.replace("Fe 0.1 0.2 0.3", replacement);
        }
        assertThatThrownBy(() -> new CifFormat().read(bad, "a.cif")).isInstanceOf(StructureFormatException.class)
                .hasMessageStartingWith("a.cif:").hasMessageContaining(message);
    }

    @Test
    void aNamedSpaceGroupWithoutOperationsNeedsTheTables() {
        String cif = """
                data_nacl
                _symmetry_space_group_name_H-M 'F m -3 m'
                _cell_length_a 5.64 _cell_length_b 5.64 _cell_length_c 5.64
                _cell_angle_alpha 90 _cell_angle_beta 90 _cell_angle_gamma 90
                loop_ _atom_site_type_symbol _atom_site_fract_x _atom_site_fract_y _atom_site_fract_z
                Na 0 0 0 Cl 0.5 0.5 0.5
                """;
        assertThatThrownBy(() -> new CifFormat(SpaceGroupResolver.NONE).read(cif, "nacl.cif")).hasMessageContaining(
                "operations of space group 'F m -3 m' are not available");
    }
}
