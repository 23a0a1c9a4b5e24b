package org.pxrd.diffraction;

import org.pxrd.model.Element;

/**
 * A table of atomic X-ray scattering factors f(s) (electrons), s = sin θ / λ in Å⁻¹, contributed through the extension
 * point {@code org.pxrd.diffraction.scatteringFactors}. The built-in table ({@link MottBetheScatteringTable}) is the
 * one pymatgen uses; another table plugs in by contributing a class implementing this interface. Implementations
 * are immutable and thread-safe.
 */
public interface ScatteringFactorTable {

    /**
     * The scattering factor of one element.
     *
     * @throws IllegalArgumentException naming the element when the table has no entry for it
     */
    AtomicScatteringFactor factor(Element element);

    /** One element's f(s²) and its derivative, evaluated in bulk on the simulator's hot path. */
    interface AtomicScatteringFactor {

        /** f in electrons at s² = (sin θ / λ)² in Å⁻². */
        double value(double s2);

        /**
         * f and df/d(s²) (electrons·Å²) at {@code count} values of s² (Å⁻²), written into caller-owned arrays.
         * Called once per element and lattice update: must not allocate.
         */
        void evaluate(double[] s2, int count, double[] f, double[] dfds2);
    }
}
