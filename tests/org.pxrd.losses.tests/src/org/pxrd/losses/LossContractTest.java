package org.pxrd.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ExtensionSources;

/**
 * The contract of {@link LossEvaluator}, checked for every contribution to {@code org.pxrd.losses.lossFunctions}
 * installed in the test runtime, third-party ones included: the list comes from the registry, never from the
 * built-ins' ids. Each contribution runs with its default settings.
 */
class LossContractTest {

    private static final long SEED = 20260410L;

    private final LossRegistry registry = new LossRegistry(ExtensionSources.detect());

    @Test
    void theRegistryHasContributions() {
        assertThat(registry.contributions()).isNotEmpty();
        assertThat(registry.check()).as("contributions that fail to start").isEmpty();
    }

    @TestFactory
    Stream<DynamicNode> everyContributionKeepsTheContract() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Contribution c : registry.contributions()) {
            boolean lowerIsBetter = LossRegistry.lowerIsBetter(c);
            nodes.add(DynamicContainer.dynamicContainer(c.id(), Stream.of(
                    DynamicTest.dynamicTest("minimum at sim = target",
                            () -> LossContract.minimumAtTarget(create(c), lowerIsBetter, SEED)),
                    DynamicTest.dynamicTest("gradient against central differences",
                            () -> LossContract.gradientMatchesCentralDifferences(create(c), SEED)),
                    DynamicTest.dynamicTest("inputs unchanged", () -> LossContract.inputsUnchanged(create(c), SEED)),
                    DynamicTest.dynamicTest("clear errors", () -> LossContract.clearErrors(create(c), SEED)),
                    DynamicTest.dynamicTest("thread safe", () -> LossContract.threadSafe(create(c), SEED)))));
        }
        return nodes.stream();
    }

    private LossFunction create(Contribution c) throws Exception {
        return registry.create(c, c.defaultSettings());
    }
}
