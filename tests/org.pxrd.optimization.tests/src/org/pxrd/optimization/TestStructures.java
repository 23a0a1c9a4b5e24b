package org.pxrd.optimization;

import java.util.ArrayList;
import java.util.List;

import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.testdata.ReferenceJson;

import com.fasterxml.jackson.databind.JsonNode;

/** Small structures the tests build by hand. */
public final class TestStructures {

    private TestStructures() {
    }

    /** The conventional 4-atom cubic cell of an fcc element with edge a (Å). */
    public static Structure fcc(Element element, double a) {
        return new Structure("fcc " + element.symbol(), Lattice.cubic(a), List.of(Site.of(element, 0, 0, 0),
                Site.of(element, 0.5, 0.5, 0), Site.of(element, 0.5, 0, 0.5), Site.of(element, 0, 0.5, 0.5)));
    }

    /** A structure from lattice rows (Å), element symbols and fractional coordinates. */
    public static Structure of(double[][] lattice, String[] species, double[][] frac) {
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < species.length; i++) {
            sites.add(Site.of(Element.of(species[i]), frac[i][0], frac[i][1], frac[i][2]));
        }
        return new Structure("test", Lattice.fromMatrix(lattice), sites);
    }

    /** A structure from a reference JSON object with "lattice", "species" and "frac". */
    public static Structure of(JsonNode node) {
        String[] species = new String[node.get("species").size()];
        for (int i = 0; i < species.length; i++) {
            species[i] = node.get("species").get(i).asText();
        }
        return of(ReferenceJson.matrix(node.get("lattice")), species, ReferenceJson.matrix(node.get("frac")));
    }

    /**
     * The structure with its cell and atoms deformed by the deformation gradient 1 + e (row vectors: every
     * lattice vector and position r becomes r·(1 + e)ᵀ); fractional coordinates are kept.
     */
    public static Structure strained(Structure s, double[][] e) {
        double[][] f = Matrix3.identity();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                f[a][b] += e[a][b];
            }
        }
        return s.withLattice(Lattice.fromMatrix(Matrix3.multiply(s.lattice().matrix(), Matrix3.transpose(f))));
    }

    /** The structure with site i moved by the Cartesian vector d (Å). */
    public static Structure displaced(Structure s, int i, double[] d) {
        double[][] r = s.cartCoords();
        double[][] frac = s.fracCoords();
        frac[i] = s.lattice().toFractional(new double[] {r[i][0] + d[0], r[i][1] + d[1], r[i][2] + d[2]});
        return s.withFracCoords(frac);
    }
}
