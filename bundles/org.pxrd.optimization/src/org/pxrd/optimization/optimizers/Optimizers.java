package org.pxrd.optimization.optimizers;

import java.util.List;
import java.util.Map;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ContributionRegistry;
import org.pxrd.core.extensions.ExtensionSource;

/**
 * The registry of optimizers: the contributions to {@value #EXTENSION_POINT}, built-in ({@code gd}, {@code momentum},
 * {@code adam}, {@code lbfgs}) and third-party alike, and configured instances of them.
 */
public final class Optimizers {

    /** Extension point id of optimizers. */
    public static final String EXTENSION_POINT = "org.pxrd.optimization.optimizers";
    /** The study's plain gradient descent θ ← P(θ − η∇f). */
    public static final String GRADIENT_DESCENT = "org.pxrd.optimization.gd";

    private final ContributionRegistry<Optimizer> registry;

    public Optimizers(ExtensionSource source) {
        this.registry = new ContributionRegistry<>(source, EXTENSION_POINT, Optimizer.class);
    }

    /** Every contributed optimizer, sorted by id. */
    public List<Contribution> contributions() {
        return registry.contributions();
    }

    /**
     * An optimizer by id (also without namespace: {@code adam}) with settings given as text over its defaults.
     *
     * @throws ContributionException for an unknown id (listing the known ones), an unknown or invalid setting,
     *         or a contribution that fails to start
     */
    public Optimizer create(String id, Map<String, String> settings) throws ContributionException {
        return registry.create(id, settings);
    }

    /** The underlying registry (contribution lookup, {@code check()}). */
    public ContributionRegistry<Optimizer> registry() {
        return registry;
    }
}
