package org.pxrd.diffraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pxrd.diffraction.ScatteringFactorTable.AtomicScatteringFactor;
import org.pxrd.model.Element;

/**
 * The built-in Mott-Bethe factors as sessions read them ({@code evaluate}: a cubic Hermite table of the Gaussian sum)
 * against the formula itself ({@code value}), for every element of the table over 0 ≤ s² ≤ 1 Å⁻² (sin θ/λ up to
 * 1 Å⁻¹: 2θ = 180° at λ = 1 Å).
 */
class ScatteringFactorTest {

    /** |f_table − f_formula| in electrons: 41.78 s² times the table's bound 1e-10 on the Gaussian sum. */
    static final double VALUE_TOLERANCE = 1e-8;

    @Test
    void theTableIsWithinItsBoundOfTheFormulaAndItsDerivativeIsItsOwn() {
        MottBetheScatteringTable table = new MottBetheScatteringTable();
        int count = 20_001;
        double[] s2 = new double[count];
        for (int r = 0; r < count; r++) {
            // an irregular set of s² in [0, 1], not on the table's nodes
            s2[r] = (r + 0.5 * Math.sin(r * 1.7)) / (count - 1);
        }
        s2[0] = 0;
        s2[count - 1] = 1;
        double[] f = new double[count];
        double[] df = new double[count];
        double[] probe = new double[2];
        double[] fProbe = new double[2];
        double[] dfProbe = new double[2];
        int elements = 0;
        for (Element e : Element.values()) {
            if (!table.covers(e)) {
                continue;
            }
            elements++;
            AtomicScatteringFactor factor = table.factor(e);
            factor.evaluate(s2, count, f, df);
            for (int r = 0; r < count; r++) {
                assertThat(Math.abs(f[r] - factor.value(s2[r]))).as("%s at s² = %.6f", e, s2[r])
                        .isLessThan(VALUE_TOLERANCE);
            }
            // the derivative returned is that of the values returned: central differences of evaluate() itself
            for (int r = 1; r < count - 1; r += 997) {
                double step = 1e-7;
                probe[0] = s2[r] - step;
                probe[1] = s2[r] + step;
                factor.evaluate(probe, 2, fProbe, dfProbe);
                double difference = (fProbe[1] - fProbe[0]) / (2 * step);
                assertThat(Math.abs(difference - df[r])).as("%s df/ds² at s² = %.6f", e, s2[r])
                        .isLessThan(1e-6 * Math.max(1, Math.abs(df[r])));
            }
        }
        assertThat(elements).isGreaterThan(90);
    }
}
