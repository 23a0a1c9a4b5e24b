package org.pxrd.diffraction;

import org.pxrd.model.Pattern;
import org.pxrd.model.Structure;

/**
 * A powder X-ray diffraction simulator, contributed through the extension point
 * {@code org.pxrd.diffraction.simulators} (the built-in {@link PowderSimulator} is the default). Implementations are
 * stateless and thread-safe; the per-structure, per-thread work happens in the {@link XrdSession}s they open.
 */
public interface XrdSimulator {

    /**
     * Prepares a differentiable session for a structure under an instrument.
     *
     * @throws IllegalArgumentException naming the problem (e.g. an element without scattering factor)
     */
    XrdSession open(Structure structure, InstrumentSettings instrument);

    /** The peak list of a structure (at the instrument's first wavelength, without profile). */
    default PeakList peaks(Structure structure, InstrumentSettings instrument) {
        return open(structure, instrument).peaks();
    }

    /** The profile pattern of a structure on the instrument's 2θ grid. */
    default Pattern pattern(Structure structure, InstrumentSettings instrument) {
        return open(structure, instrument).pattern();
    }
}
