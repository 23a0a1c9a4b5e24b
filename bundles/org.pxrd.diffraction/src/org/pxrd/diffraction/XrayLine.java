package org.pxrd.diffraction;

import java.util.Locale;
import java.util.Optional;

/**
 * Characteristic X-ray emission lines of the usual anode materials, wavelengths in Å. Kα is the intensity-weighted
 * mean (2 Kα1 + Kα2)/3 that tables quote for unresolved doublets. Values: International Tables for Crystallography
 * Vol. C, Table 4.2.2.1 (Hölzer et al. 1997, Bearden 1967), as also used by pymatgen's XRDCalculator, so
 * {@code CuKa} (1.54184 Å) is what pymatgen calls "CuKa".
 */
public enum XrayLine {
    CuKa1(1.54056), CuKa2(1.54439), CuKa(1.54184), CuKb1(1.39222),
    MoKa1(0.70930), MoKa2(0.71359), MoKa(0.71073), MoKb1(0.63229),
    CrKa1(2.28970), CrKa2(2.29361), CrKa(2.29100), CrKb1(2.08487),
    FeKa1(1.93604), FeKa2(1.93998), FeKa(1.93735), FeKb1(1.75661),
    CoKa1(1.78896), CoKa2(1.79285), CoKa(1.79026), CoKb1(1.63079),
    AgKa1(0.559421), AgKa2(0.563813), AgKa(0.560885), AgKb1(0.497082);

    private final double wavelength;

    XrayLine(double wavelength) {
        this.wavelength = wavelength;
    }

    /** Wavelength in Å. */
    public double wavelength() {
        return wavelength;
    }

    /** The anode element symbol, e.g. {@code Cu}. */
    public String anode() {
        return name().substring(0, 2);
    }

    /** The line by name, case-insensitive ({@code CuKa1}, {@code cuka1}, {@code CUKA1}). */
    public static Optional<XrayLine> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (XrayLine line : values()) {
            if (line.name().toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** The Kα1 line of this line's anode (for Kα, Kα1, Kα2 and Kβ1 alike). */
    public XrayLine alpha1() {
        return valueOf(anode() + "Ka1");
    }

    /** The Kα2 line of this line's anode. */
    public XrayLine alpha2() {
        return valueOf(anode() + "Ka2");
    }

    /** Whether this is a Kα line (Kα, Kα1 or Kα2). */
    public boolean isKAlpha() {
        return name().contains("Ka");
    }
}
