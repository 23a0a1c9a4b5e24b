package org.pxrd.matching;

import java.util.List;
import java.util.Map;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ContributionRegistry;
import org.pxrd.core.extensions.ExtensionSource;

/**
 * The registry of structure matchers: the contributions to {@code org.pxrd.matching.matchers} (built-ins:
 * {@value #STRUCTURE_MATCHER}, {@value #AMD}, {@value #PDD}), created with their typed settings.
 */
public final class Matchers {

    /** Extension point id. */
    public static final String EXTENSION_POINT = "org.pxrd.matching.matchers";
    /** pymatgen-style StructureMatcher ({@link StructureMatcher}). */
    public static final String STRUCTURE_MATCHER = "org.pxrd.matching.structureMatcher";
    /** AMD distance ({@link AmdMatcher}). */
    public static final String AMD = "org.pxrd.matching.amd";
    /** PDD earth mover's distance ({@link PddMatcher}). */
    public static final String PDD = "org.pxrd.matching.pdd";

    private final ContributionRegistry<CrystalMatcher> registry;

    public Matchers(ExtensionSource source) {
        this.registry = new ContributionRegistry<>(source, EXTENSION_POINT, CrystalMatcher.class);
    }

    /** Every contributed matcher, sorted by id. */
    public List<Contribution> contributions() {
        return registry.contributions();
    }

    /** The contribution with this id (also without its namespace, e.g. {@code amd}). */
    public Contribution get(String id) throws ContributionException {
        return registry.get(id);
    }

    /** A matcher with its declared defaults. */
    public CrystalMatcher create(String id) throws ContributionException {
        return registry.create(id);
    }

    /** A matcher with settings (by key, as text) over its declared defaults. */
    public CrystalMatcher create(String id, Map<String, String> settings) throws ContributionException {
        return registry.create(id, settings);
    }
}
