package org.pxrd.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SymmetryOperationTest {

    @Test
    void parsesTheFormsFoundInCifFiles() {
        double[] x = {0.1, 0.2, 0.3};
        assertThat(SymmetryOperation.parse("-x+1/2, y, 1/2-z").apply(x)).containsExactly(
                new double[] {0.4, 0.2, 0.2}, within(1e-15));
        assertThat(SymmetryOperation.parse("x-y,x,z").apply(x)).containsExactly(new double[] {-0.1, 0.1, 0.3},
                within(1e-15));
        assertThat(SymmetryOperation.parse("'X+0.5,Y,-Z+0.25'").apply(x)).containsExactly(
                new double[] {0.6, 0.2, -0.05}, within(1e-15));
        assertThat(SymmetryOperation.parse("-y+1*x,x,+z-1/3").rotation()).isEqualTo(
                new int[][] {{1, -1, 0}, {1, 0, 0}, {0, 0, 1}});
    }

    @Test
    void writesJonesFaithfulTriplets() {
        assertThat(SymmetryOperation.parse("1/2-x, y, -z+1/2").toXyz()).isEqualTo("-x+1/2,y,-z+1/2");
        assertThat(SymmetryOperation.parse("x-y,x,z-1/3").toXyz()).isEqualTo("x-y,x,z+2/3");
        assertThat(SymmetryOperation.identity().toXyz()).isEqualTo("x,y,z");
    }

    @Test
    void composesOperations() {
        SymmetryOperation fourFold = SymmetryOperation.parse("-y,x,z");
        SymmetryOperation twoFold = fourFold.compose(fourFold);
        assertThat(twoFold.toXyz()).isEqualTo("-x,-y,z");
        assertThat(twoFold.compose(twoFold).equivalent(SymmetryOperation.identity(), 1e-12)).isTrue();
        assertThat(SymmetryOperation.parse("x+1,y,z").equivalent(SymmetryOperation.identity(), 1e-12)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"x,y;three comma-separated parts", "x,y,;empty part", "x,y,q;malformed",
        "x,x,z;not a valid rotation", "x,y,z+1/0;bad number", "x,y,z+;ends in a sign", "1.5x,y,z;non-integer"})
    void rejectsMalformedOperations(String text, String message) {
        assertThatThrownBy(() -> SymmetryOperation.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
