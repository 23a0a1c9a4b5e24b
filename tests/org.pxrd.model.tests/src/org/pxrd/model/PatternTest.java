package org.pxrd.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.junit.jupiter.api.Test;

class PatternTest {

    @Test
    void exposesJanuaryDatasetsAndDefensiveCopies() {
        double[] x = {10, 10.5, 11};
        double[] y = {1, 5, 2};
        Pattern p = new Pattern("p", x, y, 1.5406);
        x[0] = 99;
        Dataset tt = p.twoTheta();
        assertThat(tt.getDouble(0)).isEqualTo(10.0);
        assertThat(tt.getName()).isEqualTo(Pattern.TWO_THETA_NAME);
        tt.set(42.0, 0);
        assertThat(p.twoThetaArray()[0]).isEqualTo(10.0);
        assertThat(p.intensity().max().doubleValue()).isEqualTo(5.0);
        assertThat(p.wavelength()).hasValue(1.5406);
        assertThat(p.withIntensity(new double[] {0, 0, 1}).intensityArray()).containsExactly(0, 0, 1);
    }

    @Test
    void buildsFromIntegerDatasets() {
        Pattern p = Pattern.of("ints", DatasetFactory.createFromObject(new int[] {1, 2, 3}),
                DatasetFactory.createFromObject(new int[] {7, 8, 9}), Double.NaN);
        assertThat(p.intensityArray()).containsExactly(7, 8, 9);
        assertThat(p.wavelength()).isEmpty();
    }

    @Test
    void rejectsEmptyNanMismatchedAndUnsortedData() {
        assertThatThrownBy(() -> new Pattern("e", new double[0], new double[0], 1.54)).hasMessageContaining("'e' is empty");
        assertThatThrownBy(() -> new Pattern("n", new double[] {1, 2}, new double[] {1, Double.NaN}, 1.54))
                .hasMessageContaining("non-finite value at point 2");
        assertThatThrownBy(() -> new Pattern("m", new double[] {1, 2}, new double[] {1}, 1.54))
                .hasMessageContaining("2 2theta values but 1 intensities");
        assertThatThrownBy(() -> new Pattern("s", new double[] {1, 1}, new double[] {1, 1}, 1.54))
                .hasMessageContaining("not strictly increasing at point 2");
        assertThatThrownBy(() -> new Pattern("w", new double[] {1}, new double[] {1}, -1))
                .hasMessageContaining("wavelength -1.0");
        assertThatThrownBy(() -> new Pattern("d", new double[] {1}, new double[] {1}, new double[] {0}, 1))
                .hasMessageContaining("esd 0.0");
    }
}
