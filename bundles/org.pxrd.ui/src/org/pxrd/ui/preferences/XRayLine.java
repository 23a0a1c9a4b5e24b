package org.pxrd.ui.preferences;

import java.util.Locale;
import java.util.Optional;

/**
 * Named characteristic X-ray lines a user can pick instead of typing a wavelength, with their wavelengths in Å as
 * pymatgen 2022.11.7 lists them ({@code pymatgen.analysis.diffraction.xrd.WAVELENGTHS}), so that patterns agree
 * with the reference data. {@code CuKa} is the intensity-weighted mean of Cu Kα1 and Kα2.
 */
public enum XRayLine {
    CuKa1(1.54056),
    CuKa(1.54184),
    MoKa1(0.70930),
    CoKa1(1.78896),
    FeKa1(1.93604),
    CrKa1(2.28970),
    AgKa1(0.559421);

    private final double wavelength;

    XRayLine(double wavelength) {
        this.wavelength = wavelength;
    }

    /** Wavelength in Å. */
    public double wavelength() {
        return wavelength;
    }

    /** The line with this name (case-insensitive), if any. */
    public static Optional<XRayLine> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (XRayLine line : values()) {
            if (line.name().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }
}
