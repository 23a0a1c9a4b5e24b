package org.pxrd.ui.preferences;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instrument of simulated patterns as the user sets it in the preferences: a plain value, independent of
 * Eclipse, from which the diffraction bundle's instrument settings are built.
 *
 * <ul>
 * <li>wavelength λ in Å, and the name of the X-ray line it came from ({@link XRayLine}), or null for a typed
 * wavelength;</li>
 * <li>the pseudo-Voigt profile of the study (supplementary 1.2): FWHM H from Caglioti,
 * H² = U tan²θ + V tanθ + W, with U, V, W in deg², and η the weight of the Gaussian part, pV = η·G + (1 − η)·L;</li>
 * <li>the 2θ grid in degrees: from {@code twoThetaMin} to {@code twoThetaMax} in steps of {@code twoThetaStep}.</li>
 * </ul>
 *
 * @param line the X-ray line name, or null when the wavelength was typed
 * @param wavelength λ in Å
 * @param u Caglioti U in deg²
 * @param v Caglioti V in deg²
 * @param w Caglioti W in deg²
 * @param eta Gaussian weight η of the pseudo-Voigt, in [0, 1]
 * @param twoThetaMin start of the 2θ range in degrees
 * @param twoThetaMax end of the 2θ range in degrees
 * @param twoThetaStep 2θ step in degrees
 */
public record InstrumentSettings(String line, double wavelength, double u, double v, double w, double eta,
        double twoThetaMin, double twoThetaMax, double twoThetaStep) {

    /**
     * The study's instrument: Cu Kα1, U, V, W = 0.1, 0.01, 0.1 deg², η = 0.1, 2θ from 0° to 90° in 0.01° steps
     * (issue 5 and the study's supplementary section 1.2).
     */
    public static final InstrumentSettings STUDY = new InstrumentSettings(XRayLine.CuKa1.name(),
            XRayLine.CuKa1.wavelength(), 0.1, 0.01, 0.1, 0.1, 0, 90, 0.01);

    /** A copy with the wavelength of a named line. */
    public InstrumentSettings withLine(XRayLine newLine) {
        return new InstrumentSettings(newLine.name(), newLine.wavelength(), u, v, w, eta, twoThetaMin, twoThetaMax,
                twoThetaStep);
    }

    /** A copy with a typed wavelength in Å (no line name). */
    public InstrumentSettings withWavelength(double angstrom) {
        return new InstrumentSettings(null, angstrom, u, v, w, eta, twoThetaMin, twoThetaMax, twoThetaStep);
    }

    /**
     * What makes these settings unusable, one line each; empty when they are valid. λ must be positive and finite;
     * a named line must exist and carry its own wavelength; U, V, W finite with W &gt; 0 (so the width at 2θ → 0 is
     * real and positive); η in [0, 1]; 0 ≤ 2θ min &lt; 2θ max ≤ 180°; 0 &lt; step ≤ max − min.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!(wavelength > 0) || !Double.isFinite(wavelength)) {
            problems.add("wavelength " + wavelength + " Å must be positive and finite");
        }
        if (line != null && XRayLine.named(line).map(l -> l.wavelength() != wavelength).orElse(true)) {
            problems.add("X-ray line '" + line + "' is unknown or does not have the wavelength " + wavelength + " Å");
        }
        if (!Double.isFinite(u) || !Double.isFinite(v) || !Double.isFinite(w)) {
            problems.add("U, V and W must be finite numbers (deg²)");
        } else if (!(w > 0)) {
            problems.add("W = " + w + " deg² must be positive (it is the squared peak width at 2θ = 0)");
        }
        if (!(eta >= 0 && eta <= 1)) {
            problems.add("η = " + eta + " must lie in [0, 1]");
        }
        if (!(twoThetaMin >= 0 && twoThetaMin < twoThetaMax && twoThetaMax <= 180)) {
            problems.add("2θ range " + twoThetaMin + "°..." + twoThetaMax + "° must satisfy 0 ≤ min < max ≤ 180");
        }
        if (!(twoThetaStep > 0 && twoThetaStep <= twoThetaMax - twoThetaMin)) {
            problems.add("2θ step " + twoThetaStep + "° must be positive and at most the range");
        }
        return problems;
    }

    /** The wavelength as shown in titles, e.g. {@code λ = 1.54056 Å (CuKa1)}. */
    public String describeWavelength() {
        return String.format(Locale.ROOT, "λ = %s Å", trim(wavelength)) + (line == null ? "" : " (" + line + ")");
    }

    private static String trim(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
