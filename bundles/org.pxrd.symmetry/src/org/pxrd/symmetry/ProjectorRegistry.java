package org.pxrd.symmetry;

import java.util.List;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ContributionRegistry;
import org.pxrd.core.extensions.ExtensionSource;

/**
 * The symmetry projectors contributed to {@value #EXTENSION_POINT}: the crystal-family lattice projectors of the
 * study ({@code cubic}, {@code hexagonal}, {@code tetragonal}, {@code orthorhombic}, {@code monoclinic},
 * {@code triclinic}), {@code rhombohedral}, {@code auto} and the space-group coordinate projector
 * {@code spacegroup}, and any third-party ones.
 */
public final class ProjectorRegistry {

    /** Extension point id. */
    public static final String EXTENSION_POINT = "org.pxrd.symmetry.projectors";

    private final ContributionRegistry<SymmetryProjector> registry;

    public ProjectorRegistry(ExtensionSource source) {
        this.registry = new ContributionRegistry<>(source, EXTENSION_POINT, SymmetryProjector.class);
    }

    /** Every contributed projector, sorted by id. */
    public List<Contribution> projectors() {
        return registry.contributions();
    }

    /** A projector by id (with or without its namespace, e.g. {@code cubic}) with its default settings. */
    public SymmetryProjector create(String id) throws ContributionException {
        return registry.create(id);
    }

    /** A projector with settings (as text) over its defaults, e.g. {@code spaceGroup=Fm-3m}. */
    public SymmetryProjector create(String id, java.util.Map<String, String> settings) throws ContributionException {
        return registry.create(id, settings);
    }

    /** The underlying registry (for the plugins view and checks). */
    public ContributionRegistry<SymmetryProjector> registry() {
        return registry;
    }
}
