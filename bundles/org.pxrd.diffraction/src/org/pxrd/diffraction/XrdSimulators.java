package org.pxrd.diffraction;

import java.util.List;
import java.util.Map;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ContributionRegistry;
import org.pxrd.core.extensions.ExtensionSource;

/**
 * The registry of XRD simulators (extension point {@value #EXTENSION_POINT}) and of scattering factor tables
 * ({@value #TABLES_EXTENSION_POINT}), built on {@link ContributionRegistry}. Create one from the environment's
 * {@link ExtensionSource} and share it.
 */
public final class XrdSimulators {

    /** Extension point of simulators. */
    public static final String EXTENSION_POINT = "org.pxrd.diffraction.simulators";
    /** Extension point of atomic scattering factor tables. */
    public static final String TABLES_EXTENSION_POINT = "org.pxrd.diffraction.scatteringFactors";
    /** The built-in simulator. */
    public static final String DEFAULT_SIMULATOR = "org.pxrd.diffraction.powder";
    /** The built-in scattering factor table (pymatgen's Mott-Bethe coefficients). */
    public static final String DEFAULT_TABLE = "org.pxrd.diffraction.mottBethe";

    private final ContributionRegistry<XrdSimulator> simulators;
    private final ContributionRegistry<ScatteringFactorTable> tables;

    public XrdSimulators(ExtensionSource source) {
        this.simulators = new ContributionRegistry<>(source, EXTENSION_POINT, XrdSimulator.class);
        this.tables = new ContributionRegistry<>(source, TABLES_EXTENSION_POINT, ScatteringFactorTable.class);
    }

    /** The contributed simulators, sorted by id. */
    public List<Contribution> simulators() {
        return simulators.contributions();
    }

    /** The contributed scattering factor tables, sorted by id. */
    public List<Contribution> tables() {
        return tables.contributions();
    }

    /**
     * A simulator by id (also without namespace) with settings over its defaults.
     *
     * @throws ContributionException for an unknown id or a simulator that fails to start
     */
    public XrdSimulator simulator(String id, Map<String, String> settings) throws ContributionException {
        return simulators.create(id, settings);
    }

    /** The default simulator. */
    public XrdSimulator defaultSimulator() throws ContributionException {
        return simulators.create(DEFAULT_SIMULATOR);
    }

    /**
     * A scattering factor table by id (also without namespace).
     *
     * @throws ContributionException for an unknown id or a table that fails to load
     */
    public ScatteringFactorTable table(String id) throws ContributionException {
        return tables.create(id);
    }

    /** The simulator registry itself (for the plugins view and checks). */
    public ContributionRegistry<XrdSimulator> simulatorRegistry() {
        return simulators;
    }

    /** The table registry itself. */
    public ContributionRegistry<ScatteringFactorTable> tableRegistry() {
        return tables;
    }
}
