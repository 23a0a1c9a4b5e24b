package org.pxrd.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ExtensionSources;

/**
 * The sample third-party plugin {@code org.pxrd.examples.lab} is part of this test runtime, so the contract tests
 * ({@link LossContractTest}, which iterate over every contribution) check its loss too; here, that it is really
 * there, from its own bundle, and computes the Pearson correlation.
 */
class LabPluginTest {

    private static final String ID = "org.pxrd.examples.lab.pearson";

    private final LossRegistry registry = new LossRegistry(ExtensionSources.detect());

    @Test
    void theLabLossIsContributedByItsOwnBundleAndCoveredByTheContractTests() {
        Contribution lab = registry.find(ID).orElseThrow(() -> new AssertionError("the lab bundle's loss is not in "
                + "the test runtime: " + registry.contributions()));
        assertThat(lab.bundle()).isEqualTo("org.pxrd.examples.lab");
        assertThat(LossRegistry.lowerIsBetter(lab)).isTrue();
        assertThat(LossRegistry.reference(lab)).contains("Pearson");
        assertThat(registry.check()).doesNotContainKey(lab);
    }

    @Test
    void itIsMinusThePearsonCorrelationAndIgnoresScaleAndBackground() throws Exception {
        LossFunction loss = registry.create("pearson");
        TwoThetaGrid grid = TwoThetaGrid.uniform(10, 0.5, 5);
        PreparedLoss prepared = loss.prepare(grid);
        double[] t = {1, 3, 2, 5, 4};
        double[] s = {2, 1, 4, 3, 5};
        // by hand: means 3 and 3; centred t (-2, 0, -1, 2, 1), s (-1, -2, 1, 0, 2): <s,t> = 2 + 0 - 1 + 0 + 2 = 3,
        // |s|^2 = 10, |t|^2 = 10, r = 0.3
        assertThat(prepared.value(s, t)).isCloseTo(-0.3, within(1e-15));
        double[] affine = new double[5];
        for (int i = 0; i < 5; i++) {
            affine[i] = 7.5 * t[i] + 100;
        }
        assertThat(prepared.value(affine, t)).isCloseTo(-1, within(1e-15));
        assertThatThrownBy(() -> prepared.value(new double[] {2, 2, 2, 2, 2}, t))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("simulated pattern is constant");
    }
}
