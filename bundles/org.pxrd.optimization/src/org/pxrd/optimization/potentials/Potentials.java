package org.pxrd.optimization.potentials;

import java.util.List;
import java.util.Map;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ContributionRegistry;
import org.pxrd.core.extensions.ExtensionSource;

/**
 * The registry of energy potentials: the contributions to {@value #EXTENSION_POINT}, built-in and third-party
 * alike, and configured instances of them.
 */
public final class Potentials {

    /** Extension point id of energy potentials. */
    public static final String EXTENSION_POINT = "org.pxrd.optimization.potentials";

    private final ContributionRegistry<Potential> registry;

    public Potentials(ExtensionSource source) {
        this.registry = new ContributionRegistry<>(source, EXTENSION_POINT, Potential.class);
    }

    /** Every contributed potential, sorted by id. */
    public List<Contribution> contributions() {
        return registry.contributions();
    }

    /**
     * A potential by id (the namespace may be left out when unambiguous: {@code lj-uff}) with settings given as
     * text over its defaults.
     *
     * @throws ContributionException for an unknown id (listing the known ones), an unknown or invalid setting,
     *         or a contribution that fails to start
     */
    public Potential create(String id, Map<String, String> settings) throws ContributionException {
        return registry.create(id, settings);
    }

    /** The underlying registry (contribution lookup, {@code check()}). */
    public ContributionRegistry<Potential> registry() {
        return registry;
    }
}
