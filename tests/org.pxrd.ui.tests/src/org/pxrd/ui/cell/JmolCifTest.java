package org.pxrd.ui.cell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pxrd.io.cif.CifFormat;
import org.pxrd.model.Structure;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.testsupport.Ui;

/** The text Jmol loads is the CIF writer's P1 block of exactly the editor's sites. */
class JmolCifTest {

    @Test
    void aStructureWithItsSpaceGroupIsGivenToJmolInP1WithEverySiteExactly() throws Exception {
        Structure bpo4 = PxrdUiPlugin.services().structureFiles().readFirst(Ui.example("BPO4"));
        assertThat(bpo4.symmetry()).isPresent(); // the CIF writer would write its asymmetric unit
        String text = JmolCif.of(bpo4);
        assertThat(text).contains("_symmetry_space_group_name_H-M   'P 1'").contains("_symmetry_Int_Tables_number   1");

        List<Structure> back = new CifFormat().read(text, "jmol.cif");
        assertThat(back).hasSize(1);
        Structure s = back.get(0);
        assertThat(s.lattice().parameters()).containsExactly(bpo4.lattice().parameters());
        assertThat(s.size()).isEqualTo(bpo4.size());
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.site(i).element()).isEqualTo(bpo4.site(i).element());
            assertThat(s.site(i).frac()).containsExactly(bpo4.site(i).frac());
        }
    }
}
