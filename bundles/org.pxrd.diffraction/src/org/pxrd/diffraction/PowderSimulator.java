package org.pxrd.diffraction;

import java.util.Objects;

import org.pxrd.core.extensions.Settings;
import org.pxrd.model.Structure;

/**
 * The built-in powder XRD simulator (contribution {@code org.pxrd.diffraction.powder}): kinematic intensities with
 * the Mott-Bethe scattering factors, the Lorentz-polarisation factor and the study's pseudo-Voigt profile, with exact
 * adjoint gradients ({@link PowderSession}; the formulas are in {@link XrdPhysics}). Peak positions and intensities
 * agree with pymatgen's XRDCalculator. Stateless and thread-safe.
 */
public final class PowderSimulator implements XrdSimulator {

    private final ScatteringFactorTable table;

    /** With the built-in scattering factors ({@link MottBetheScatteringTable}). */
    public PowderSimulator() {
        this(new MottBetheScatteringTable());
    }

    /** As an extension contribution (it declares no settings). */
    public PowderSimulator(Settings settings) {
        this();
    }

    /** With another table of scattering factors. */
    public PowderSimulator(ScatteringFactorTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** The same simulator with another table of scattering factors. */
    public PowderSimulator withScatteringFactors(ScatteringFactorTable other) {
        return new PowderSimulator(other);
    }

    /** The table of scattering factors in use. */
    public ScatteringFactorTable scatteringFactors() {
        return table;
    }

    @Override
    public XrdSession open(Structure structure, InstrumentSettings instrument) {
        return PowderSession.open(structure, instrument, table);
    }
}
