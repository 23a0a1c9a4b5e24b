package org.pxrd.symmetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;

/** The reductions on a face-centred cubic lattice written in a badly skewed basis. */
class LatticeReductionTest {

    /** fcc with cubic edge 4 Å: primitive vectors (0,2,2), (2,0,2), (2,2,0), then mixed by a unimodular matrix. */
    private static final double[][] SKEWED = Matrix3.multiply(new double[][] {{1, 3, 1}, {0, 1, 2}, {1, 4, 4}},
            new double[][] {{0, 2, 2}, {2, 0, 2}, {2, 2, 0}});

    @Test
    void niggliFindsTheRhombohedralCellOfFcc() {
        LatticeReduction.Reduced r = LatticeReduction.niggli(SKEWED);
        Lattice l = Lattice.fromMatrix(r.basis());
        double edge = 2 * Math.sqrt(2);
        assertThat(l.parameters()).containsExactly(new double[] {edge, edge, edge, 60, 60, 60}, within(1e-9));
        assertThat(IntMatrix.det(r.transform())).isIn(1, -1);
        assertThat(Matrix3.multiply(IntMatrix.toDouble(r.transform()), SKEWED)).isDeepEqualTo(r.basis());
    }

    @Test
    void delaunayEndsWithTheThreeShortestLatticeVectors() {
        LatticeReduction.Reduced r = LatticeReduction.delaunay(SKEWED);
        double[][] b = r.basis();
        assertThat(Math.abs(Matrix3.det(b))).isCloseTo(16, within(1e-9));
        assertThat(Matrix3.det(b)).as("right-handed").isPositive();
        for (double[] v : b) {
            // the shortest vectors of fcc with cubic edge 4 Å are the face diagonals a/2 (1,1,0): 2√2 Å
            assertThat(Matrix3.norm(v)).isCloseTo(2 * Math.sqrt(2), within(1e-9));
        }
        assertThat(Matrix3.multiply(IntMatrix.toDouble(r.transform()), SKEWED)).isDeepEqualTo(b);
    }

    @Test
    void lllShortensTheBasisWithoutChangingTheLattice() {
        LatticeReduction.Reduced r = LatticeReduction.lll(SKEWED);
        assertThat(Math.abs(Matrix3.det(r.basis()))).isCloseTo(16, within(1e-9));
        assertThat(IntMatrix.det(r.transform())).isIn(1, -1);
        for (double[] v : r.basis()) {
            assertThat(Matrix3.norm(v)).isLessThan(4.1);
        }
    }
}
