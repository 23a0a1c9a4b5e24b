package org.pxrd.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lattice geometry against pymatgen 2022.11.7 (values printed by Lattice.from_parameters(4.1, 5.3, 6.7, 81, 97.5, 112.25)). */
class LatticeTest {

    private static final double TOL = 1e-12;
    private final Lattice triclinic = Lattice.fromParameters(4.1, 5.3, 6.7, 81, 97.5, 112.25);

    @Test
    void matrixFollowsPymatgensOrientation() {
        double[][] expected = {{4.064923931632622, 0.0, -0.5351573881022115},
            {-1.9150011585642108, 4.871894840209829, 0.8291026647132239}, {0.0, 0.0, 6.7}};
        assertMatrix(triclinic.matrix(), expected, TOL);
        assertThat(triclinic.volume()).isCloseTo(132.68600892005503, within(1e-10));
    }

    @Test
    void reciprocalLatticesWithAndWithout2Pi() {
        assertMatrix(triclinic.reciprocalCrystallographic().matrix(), new double[][] {
            {0.24600706355613486, 0.09669827185857068, 0.0}, {0.0, 0.2052589460155365, 0.0},
            {0.01964962650558147, -0.01767640962625057, 0.14925373134328357}}, TOL);
        assertMatrix(triclinic.reciprocal().matrix(), new double[][] {
            {1.5457079671983012, 0.6075731609714285, 0.0}, {0.0, 1.2896799937719867, 0.0},
            {0.12346224455143605, -0.11106415724734538, 0.9377888518178487}}, 1e-12);
    }

    @Test
    void parametersRoundTripThroughTheMatrix() {
        double[] p = Lattice.fromMatrix(triclinic.matrix()).parameters();
        double[] q = {4.1, 5.3, 6.7, 81, 97.5, 112.25};
        for (int i = 0; i < 6; i++) {
            assertThat(p[i]).isCloseTo(q[i], within(1e-12));
        }
    }

    @Test
    void fractionalAndCartesianAreInverse() {
        double[] cart = triclinic.toCartesian(new double[] {0.1, 0.2, 0.3});
        assertThat(cart).containsExactly(new double[] {0.023492161450420046, 0.9743789680419659, 2.1223047941324236},
                within(1e-13));
        assertThat(triclinic.toFractional(cart)).containsExactly(new double[] {0.1, 0.2, 0.3}, within(1e-14));
    }

    @Test
    void metricTensorHoldsTheParameters() {
        double[][] g = triclinic.metricTensor();
        assertThat(g[0][0]).isCloseTo(4.1 * 4.1, within(1e-12));
        assertThat(g[1][2]).isCloseTo(5.3 * 6.7 * Math.cos(Math.toRadians(81)), within(1e-12));
        assertThat(g[0][1]).isCloseTo(4.1 * 5.3 * Math.cos(Math.toRadians(112.25)), within(1e-12));
    }

    @Test
    void cubicCellIsExactlyOrthogonal() {
        double[][] m = Lattice.cubic(4).matrix();
        assertMatrix(m, new double[][] {{4, 0, 0}, {0, 4, 0}, {0, 0, 4}}, 0);
        assertThat(Lattice.cubic(4).scaleVolume(8).a()).isCloseTo(8, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"0,1,1,90,90,90,lattice length a = 0.0", "1,-2,1,90,90,90,lattice length b = -2.0",
        "1,1,NaN,90,90,90,lattice length c = NaN", "1,1,1,0,90,90,lattice angle alpha = 0.0",
        "1,1,1,90,180,90,lattice angle beta = 180.0", "1,1,1,90,90,Infinity,lattice angle gamma = Infinity",
        "1,1,1,120,120,120,do not form a cell", "1,1,1,30,30,90,do not form a cell"})
    void impossibleCellsAreRejectedWithTheReason(double a, double b, double c, double al, double be, double ga,
            String message) {
        assertThatThrownBy(() -> Lattice.fromParameters(a, b, c, al, be, ga)).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining(message);
    }

    @Test
    void coplanarOrNonFiniteMatricesAreRejected() {
        assertThatThrownBy(() -> Lattice.fromMatrix(new double[][] {{1, 0, 0}, {0, 1, 0}, {1, 1, 0}}))
                .hasMessageContaining("span no volume");
        assertThatThrownBy(() -> Lattice.fromMatrix(new double[][] {{1, 0, 0}, {0, Double.NaN, 0}, {0, 0, 1}}))
                .hasMessageContaining("non-finite");
    }

    static void assertMatrix(double[][] actual, double[][] expected, double tol) {
        for (int i = 0; i < 3; i++) {
            assertThat(actual[i]).containsExactly(expected[i], within(tol));
        }
    }
}
