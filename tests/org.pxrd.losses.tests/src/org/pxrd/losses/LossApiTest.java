package org.pxrd.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.core.extensions.SettingDescriptor;
import org.pxrd.model.Pattern;

/** The registry's metadata, the grid type and the Pattern entry points. */
class LossApiTest {

    private static final List<String> BUILT_INS = List.of("org.pxrd.losses.cosine", "org.pxrd.losses.crosscorrelation",
            "org.pxrd.losses.entropy", "org.pxrd.losses.mse", "org.pxrd.losses.multiscale", "org.pxrd.losses.rwp",
            "org.pxrd.losses.wasserstein");

    private final LossRegistry registry = new LossRegistry(ExtensionSources.detect());

    @Test
    void builtInsAreContributedWithNameDescriptionReferenceAndDirection() {
        List<Contribution> builtIns = registry.contributions().stream()
                .filter(c -> c.bundle().equals("org.pxrd.losses")).toList();
        assertThat(builtIns).extracting(Contribution::id).containsExactlyElementsOf(BUILT_INS);
        for (Contribution c : builtIns) {
            assertThat(c.name()).as(c.id()).isNotEqualTo(c.id()).isNotBlank();
            assertThat(c.description()).as(c.id()).isNotBlank();
            assertThat(LossRegistry.reference(c)).as(c.id()).matches(".*(19|20)\\d\\d.*");
            assertThat(LossRegistry.lowerIsBetter(c)).as(c.id()).isTrue();
            assertThat(LossRegistry.sign(c)).isEqualTo(1);
        }
        Contribution cc = registry.find("org.pxrd.losses.crosscorrelation").orElseThrow();
        assertThat(cc.settings()).extracting(SettingDescriptor::key).containsExactly("width");
        assertThat(cc.settings().get(0).description()).contains("degrees 2theta");
    }

    @Test
    void lossesAreCreatedByShortIdWithValidatedSettings() throws Exception {
        assertThat(registry.create("cosine")).isInstanceOf(org.pxrd.losses.builtin.CosineLoss.class);
        assertThat(((org.pxrd.losses.builtin.CrossCorrelationLoss) registry.create("crosscorrelation",
                Map.of("width", "0.3"))).width()).isEqualTo(0.3);
        assertThatThrownBy(() -> registry.create("crosscorrelation", Map.of("width", "-1")))
                .hasMessageContaining("'width'");
        assertThatThrownBy(() -> registry.create("rwp", Map.of("weighting", "sqrt")))
                .hasMessageContaining("[poisson, unit]");
        assertThatThrownBy(() -> registry.create("chi2")).hasMessageContaining("unknown id 'chi2'")
                .hasMessageContaining("org.pxrd.losses.wasserstein");
    }

    @Test
    void gridsKnowTheirStepAndCompareWithinAHundredthOfAStep() {
        TwoThetaGrid grid = TwoThetaGrid.uniform(0.005, 0.01, 9000);
        assertThat(grid.size()).isEqualTo(9000);
        assertThat(grid.uniformStep("test")).isCloseTo(0.01, within(1e-15));
        double[] rounded = grid.toArray();
        rounded[4000] += 5e-5;
        assertThat(grid.sameAs(TwoThetaGrid.of(rounded))).isTrue();
        rounded[4000] += 1e-4;
        assertThat(grid.sameAs(TwoThetaGrid.of(rounded))).isFalse();
        assertThat(grid.describe()).isEqualTo("9000 points, 2theta 0.00500000..89.9950 deg");
        assertThatThrownBy(() -> TwoThetaGrid.of(1, 2, 2)).hasMessageContaining("not strictly increasing")
                .hasMessageContaining("point 3");
        assertThatThrownBy(() -> TwoThetaGrid.of(1, Double.NaN)).hasMessageContaining("non-finite");
        assertThatThrownBy(() -> TwoThetaGrid.of()).hasMessageContaining("at least one point");
        assertThatThrownBy(() -> TwoThetaGrid.of(5).uniformStep("the multi-scale loss"))
                .hasMessageContaining("the multi-scale loss needs a uniform 2theta grid of at least two points");
    }

    @Test
    void patternEntryPointsCheckTheGridsAndReturnTheGradient() throws Exception {
        double[] x = {10, 10.5, 11, 11.5};
        Pattern sim = new Pattern("sim.csv", x, new double[] {1, 2, 3, 4}, 1.5406);
        Pattern target = new Pattern("target.csv", x, new double[] {1, 1, 1, 1}, Double.NaN);
        LossFunction mse = registry.create("mse");
        double[] gradient = new double[4];
        assertThat(mse.valueAndGradient(sim, target, gradient)).isCloseTo(14 / 4.0, within(1e-15));
        assertThat(gradient).containsExactly(0, 0.5, 1, 1.5);
        assertThat(mse.value(sim, target)).isCloseTo(14 / 4.0, within(1e-15));
        Pattern shifted = new Pattern("shifted.csv", new double[] {10.2, 10.7, 11.2, 11.7}, new double[4],
                Double.NaN);
        assertThatThrownBy(() -> mse.value(sim, shifted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sim.csv' has 4 points, 2theta 10.0000..11.5000 deg")
                .hasMessageContaining("'shifted.csv' has 4 points, 2theta 10.2000..11.7000 deg");
        assertThatThrownBy(() -> mse.valueAndGradient(sim, target, new double[5]))
                .hasMessageContaining("gradient array has 5 elements");
    }

    @Test
    void aLossReturningNaNIsReportedAsItsFault() {
        LossFunction broken = new LossFunction() {
            @Override
            public LossEvaluator evaluator(TwoThetaGrid simGrid, TwoThetaGrid targetGrid) {
                return new LossEvaluator() {
                    @Override
                    public double value(double[] sim, double[] target) {
                        return Math.sqrt(-sim[0]);
                    }

                    @Override
                    public double valueAndGradient(double[] sim, double[] target, double[] gradient) {
                        return value(sim, target);
                    }
                };
            }
        };
        PreparedLoss prepared = broken.prepare(TwoThetaGrid.of(1, 2));
        assertThatThrownBy(() -> prepared.value(new double[] {1, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("returned a non-finite value NaN");
    }
}
