package org.pxrd.ui.services;

import java.util.Objects;

import org.pxrd.core.extensions.ContributionRegistry;
import org.pxrd.core.extensions.ExtensionSource;
import org.pxrd.diffraction.XrdSimulators;
import org.pxrd.io.PatternFiles;
import org.pxrd.io.StructureFiles;
import org.pxrd.losses.LossRegistry;

/**
 * What the workbench's editors and views use to reach the science bundles: one {@link ExtensionSource} for the
 * whole UI and the registries built on it. Views never hard-code contributions; they ask a registry for its
 * contributions, so third-party plugins appear in menus and choosers automatically.
 *
 * <p>Obtain the instance of the running workbench with {@code PxrdUiPlugin.services()}. A view of a new capability
 * (pattern, refinement, landscape, study) builds its family's registry class from {@link #extensions()} (for
 * example {@code new ContributionRegistry<>(services.extensions(), "org.pxrd.losses.lossFunctions", Loss.class)},
 * or the family's own registry class), or calls {@link #registry}.
 */
public final class PxrdServices {

    private final ExtensionSource extensions;
    private final StructureFiles structureFiles;
    private final PatternFiles patternFiles;
    private final XrdSimulators simulators;
    private final LossRegistry losses;

    public PxrdServices(ExtensionSource extensions) {
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        this.structureFiles = new StructureFiles(extensions);
        this.patternFiles = new PatternFiles(extensions);
        this.simulators = new XrdSimulators(extensions);
        this.losses = new LossRegistry(extensions);
    }

    /** The extension source every registry of the UI is built on. */
    public ExtensionSource extensions() {
        return extensions;
    }

    /** Structure file reading and writing through the contributed formats. */
    public StructureFiles structureFiles() {
        return structureFiles;
    }

    /** Pattern file reading and writing through the contributed pattern formats (.xy, .xye, .csv, .xrdml, ...). */
    public PatternFiles patternFiles() {
        return patternFiles;
    }

    /** The XRD simulators and scattering factor tables ({@code org.pxrd.diffraction.simulators}). */
    public XrdSimulators simulators() {
        return simulators;
    }

    /** The loss functions ({@code org.pxrd.losses.lossFunctions}). */
    public LossRegistry losses() {
        return losses;
    }

    /** A registry of one extension point whose contributions implement {@code type}. */
    public <T> ContributionRegistry<T> registry(String extensionPointId, Class<T> type) {
        return new ContributionRegistry<>(extensions, extensionPointId, type);
    }
}
