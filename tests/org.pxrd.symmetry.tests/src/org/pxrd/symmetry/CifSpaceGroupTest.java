package org.pxrd.symmetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

/** CIFs that name their space group without listing operations are expanded from the tables. */
class CifSpaceGroupTest {

    private static final String ROCK_SALT = """
            data_nacl
            %s
            _cell_length_a 5.64 _cell_length_b 5.64 _cell_length_c 5.64
            _cell_angle_alpha 90 _cell_angle_beta 90 _cell_angle_gamma 90
            loop_ _atom_site_type_symbol _atom_site_fract_x _atom_site_fract_y _atom_site_fract_z
            Na 0 0 0 Cl 0.5 0.5 0.5
            """;

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "_symmetry_space_group_name_H-M 'F m -3 m'",
        "_space_group_name_H-M_alt 'Fm-3m'",
        "_symmetry_space_group_name_Hall '-F 4 2 3'",
        "_space_group_IT_number 225"})
    void rockSaltByAnyName(String tag) throws Exception {
        Structure s = SymmetryTestData.parseCif(ROCK_SALT.formatted(tag), "nacl.cif");
        assertThat(s.size()).isEqualTo(8);
        assertThat(s.composition().values()).containsOnly(4.0);
        SymmetryDataset d = new SymmetryFinder().analyze(s);
        assertThat(d.number()).isEqualTo(225);
        assertThat(d.wyckoffSymbols()).containsExactly("4a", "4b");
    }

    @Test
    void referenceConventionalCellsExpandTheSameWithoutTheirOperations() throws Exception {
        for (String name : new String[] {"mp-10026_ScTe_sg194.cif", "mp-3589_BPO4_sg82.cif", "mp-947_Au2S_sg224.cif",
            "mp20train-row1_NdAl8Cu4_sg139.cif"}) {
            Path file = TestData.path("paper10/conventional-cif/" + name);
            String text = Files.readString(file);
            Structure withOps = SymmetryTestData.parseCif(text, name);
            String withoutOps = text.replaceAll("(?s)loop_\\s+_symmetry_equiv_pos_site_id\\s+_symmetry_equiv_pos_as_xyz.*?(?=loop_)", "");
            assertThat(withoutOps).isNotEqualTo(text);
            Structure byName = SymmetryTestData.parseCif(withoutOps, name);
            assertThat(byName.size()).as(name).isEqualTo(withOps.size());
            assertThat(byName.composition()).as(name).isEqualTo(withOps.composition());
            assertThat(new SymmetryFinder().analyze(byName).number()).as(name)
                    .isEqualTo(new SymmetryFinder().analyze(withOps).number());
        }
    }
}
