package org.pxrd.diffraction;

import java.util.Locale;
import java.util.Optional;

/**
 * The X-ray source: one wavelength, or a Kα1 + Kα2 doublet. Wavelengths are always explicit: a number in Å or a named
 * {@link XrayLine}. Serialisable as JSON (a record of plain values).
 *
 * @param wavelength the (first) wavelength λ₁ in Å, positive
 * @param name the line's name when it was given by name (e.g. {@code CuKa1}), or null for a plain number
 * @param alpha2Wavelength λ₂ of the Kα2 line in Å, or 0 for a single line
 * @param alpha2Ratio intensity of the λ₂ line relative to the λ₁ line (e.g. 0.5 for Cu), in [0, 1]; ignored when
 *        {@code alpha2Wavelength} is 0
 */
public record Radiation(double wavelength, String name, double alpha2Wavelength, double alpha2Ratio) {

    /** Kα2/Kα1 intensity ratio used when none is given: 0.5, the ratio of the transition probabilities. */
    public static final double DEFAULT_ALPHA2_RATIO = 0.5;

    /**
     * @throws IllegalArgumentException naming the bad value
     */
    public Radiation {
        if (!(wavelength > 0 && Double.isFinite(wavelength))) {
            throw new IllegalArgumentException("wavelength " + wavelength + " Å must be positive and finite");
        }
        if (!(alpha2Wavelength == 0 || (alpha2Wavelength > 0 && Double.isFinite(alpha2Wavelength)))) {
            throw new IllegalArgumentException("Kα2 wavelength " + alpha2Wavelength + " Å must be positive and finite"
                    + " (0 for a single line)");
        }
        if (alpha2Wavelength > 0 && !(alpha2Ratio >= 0 && alpha2Ratio <= 1)) {
            throw new IllegalArgumentException("Kα2/Kα1 intensity ratio " + alpha2Ratio + " must lie in [0, 1]");
        }
        if (alpha2Wavelength == 0) {
            alpha2Ratio = 0;
        }
        name = name == null || name.isBlank() ? null : name.trim();
    }

    /** A single line of the given wavelength in Å. */
    public static Radiation of(double wavelength) {
        return new Radiation(wavelength, null, 0, 0);
    }

    /** A single named line. */
    public static Radiation of(XrayLine line) {
        return new Radiation(line.wavelength(), line.name(), 0, 0);
    }

    /**
     * A wavelength in Å ({@code 1.5406}) or a line name ({@code CuKa1}, {@code CuKa}, {@code MoKa1}, ...).
     *
     * @throws IllegalArgumentException naming the text and the known lines
     */
    public static Radiation parse(String text) {
        String t = text == null ? "" : text.trim();
        Optional<XrayLine> line = XrayLine.find(t);
        if (line.isPresent()) {
            return of(line.get());
        }
        double value;
        try {
            value = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            StringBuilder known = new StringBuilder();
            for (XrayLine l : XrayLine.values()) {
                known.append(known.length() == 0 ? "" : ", ").append(l.name());
            }
            throw new IllegalArgumentException("unknown wavelength '" + text + "': give a value in Å or one of "
                    + known);
        }
        return of(value);
    }

    /**
     * This source as a Kα1 + Kα2 doublet from its named line's anode (λ₁ = Kα1, λ₂ = Kα2).
     *
     * @param ratio the Kα2/Kα1 intensity ratio
     * @throws IllegalArgumentException when the wavelength is not a named Kα line
     */
    public Radiation withDoublet(double ratio) {
        XrayLine line = name == null ? null : XrayLine.find(name).orElse(null);
        if (line == null || !line.isKAlpha() || line == line.alpha2()) {
            throw new IllegalArgumentException("no Kα2 line is known for " + describe()
                    + ": name a Kα or Kα1 line (e.g. CuKa1) or give the Kα2 wavelength");
        }
        return new Radiation(line.alpha1().wavelength(), line.alpha1().name(), line.alpha2().wavelength(), ratio);
    }

    /** This source with a second line of wavelength λ₂ (Å) and relative intensity {@code ratio}. */
    public Radiation withAlpha2(double alpha2, double ratio) {
        return new Radiation(wavelength, name, alpha2, ratio);
    }

    /** Whether a second (Kα2) line is present. */
    public boolean hasAlpha2() {
        return alpha2Wavelength > 0;
    }

    /** The number of lines: 1 or 2. */
    public int lineCount() {
        return hasAlpha2() ? 2 : 1;
    }

    /** Wavelength of line i (0 = λ₁, 1 = λ₂) in Å. */
    public double lineWavelength(int i) {
        return i == 0 ? wavelength : alpha2Wavelength;
    }

    /** Relative intensity of line i (1 for λ₁). */
    public double lineWeight(int i) {
        return i == 0 ? 1 : alpha2Ratio;
    }

    /** The shortest wavelength of the lines in Å (it reaches the largest |g|). */
    public double shortestWavelength() {
        return hasAlpha2() ? Math.min(wavelength, alpha2Wavelength) : wavelength;
    }

    /** A one-line description for headers, e.g. {@code 1.54056 Å (CuKa1)} or {@code 1.54056 Å + 1.54439 Å (0.5)}. */
    public String describe() {
        String first = String.format(Locale.ROOT, "%s Å%s", number(wavelength), name == null ? "" : " (" + name + ")");
        return hasAlpha2() ? first + String.format(Locale.ROOT, " + Kα2 %s Å (ratio %s)", number(alpha2Wavelength),
                number(alpha2Ratio)) : first;
    }

    /**
     * The machine-readable form of {@code # wavelength=...} header lines: {@code 1.54056}, or for a doublet
     * {@code 1.54056+1.54439:0.5} (λ₁+λ₂:ratio).
     */
    public String headerValue() {
        return hasAlpha2() ? number(wavelength) + "+" + number(alpha2Wavelength) + ":" + number(alpha2Ratio)
                : number(wavelength);
    }

    private static String number(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
