package org.pxrd.model;

import java.util.List;

/** Structures shared by the model tests (no test-framework imports: also used on a plain JVM). */
final class Fixtures {

    private Fixtures() {
    }

    /** BPO4 (mp-3589) primitive cell as in the study's reference CIF; pymatgen: formula "B1 P1 O4", density 2.653531542436807. */
    static Structure bpo4() {
        Lattice l = Lattice.fromParameters(4.59577453, 4.59577453, 4.59577453, 122.20170512, 122.20170512,
                86.22704439);
        return new Structure("BPO4", l, List.of(Site.of(Element.B, 0.75, 0.25, 0.5), Site.of(Element.P, 0, 0, 0),
                Site.of(Element.O, 0.11, 0.37, 0.26), Site.of(Element.O, 0.63, 0.85, 0.74),
                Site.of(Element.O, 0.89, 0.37, 0.52), Site.of(Element.O, 0.37, 0.85, 0.48)));
    }

}
