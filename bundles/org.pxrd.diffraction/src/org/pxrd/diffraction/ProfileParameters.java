package org.pxrd.diffraction;

import java.util.Locale;

/**
 * The peak profile of the instrument (the study's supplementary section 1.2): a pseudo-Voigt whose Gaussian and
 * Lorentzian parts share the full width at half maximum H(θ) of the Caglioti relation H² = U tan²θ + V tanθ + W
 * (U, V, W in deg², H in degrees 2θ), with mixing η (the weight of the Gaussian part), and a zero shift Z (degrees)
 * added to every peak position. See {@link XrdPhysics} for the formulas.
 *
 * @param u Caglioti U in deg²
 * @param v Caglioti V in deg²
 * @param w Caglioti W in deg²
 * @param eta the Gaussian fraction η in [0, 1]
 * @param zeroShift Z in degrees 2θ
 */
public record ProfileParameters(double u, double v, double w, double eta, double zeroShift) {

    /** The study's profile: U, V, W = 0.1, 0.01, 0.1 deg², η = 0.1, no zero shift. */
    public static final ProfileParameters STUDY = new ProfileParameters(0.1, 0.01, 0.1, 0.1, 0);

    /** Number of profile parameters in gradient vectors: U, V, W, η, Z, in that order. */
    public static final int COUNT = 5;

    /**
     * @throws IllegalArgumentException for a non-finite value or η outside [0, 1]
     */
    public ProfileParameters {
        if (!(Double.isFinite(u) && Double.isFinite(v) && Double.isFinite(w) && Double.isFinite(zeroShift))) {
            throw new IllegalArgumentException("profile parameters U, V, W, zero shift must be finite, got "
                    + text(u, v, w, eta, zeroShift));
        }
        if (!(eta >= 0 && eta <= 1)) {
            throw new IllegalArgumentException("pseudo-Voigt mixing eta = " + eta + " must lie in [0, 1]");
        }
    }

    /** The values {U, V, W, η, Z}. */
    public double[] toArray() {
        return new double[] {u, v, w, eta, zeroShift};
    }

    /** From {U, V, W, η, Z}. */
    public static ProfileParameters fromArray(double[] p) {
        if (p.length != COUNT) {
            throw new IllegalArgumentException("expected 5 profile parameters (U, V, W, eta, zero shift), got "
                    + p.length);
        }
        return new ProfileParameters(p[0], p[1], p[2], p[3], p[4]);
    }

    /**
     * Parses {@code U,V,W,eta} or {@code U,V,W,eta,zeroShift}.
     *
     * @throws IllegalArgumentException naming the text and the problem
     */
    public static ProfileParameters parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split(",", -1);
        if (parts.length != 4 && parts.length != 5) {
            throw new IllegalArgumentException("profile '" + text + "' must be U,V,W,eta or U,V,W,eta,zeroShift");
        }
        double[] p = new double[COUNT];
        for (int i = 0; i < parts.length; i++) {
            try {
                p[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("profile '" + text + "' has a bad number '" + parts[i] + "'");
            }
        }
        return fromArray(p);
    }

    /** H in degrees at Bragg angle θ (radians); NaN when H² ≤ 0. */
    public double fwhm(double theta) {
        return fwhmAtTan(Math.tan(theta));
    }

    /** H in degrees at tan θ; NaN when H² ≤ 0. */
    public double fwhmAtTan(double tanTheta) {
        double h2 = XrdPhysics.fwhmSquared(u, v, w, tanTheta);
        return h2 > 0 ? Math.sqrt(h2) : Double.NaN;
    }

    /**
     * The smallest and largest H² (deg²) over Bragg angles 0 ≤ θ ≤ θmax (radians): H² is a parabola in t = tan θ, so
     * they lie at t = 0, t = tan θmax or the vertex t = −V/(2U).
     */
    public double[] fwhmSquaredRange(double thetaMax) {
        double tMax = Math.tan(thetaMax);
        double lo = Math.min(w, (u * tMax + v) * tMax + w);
        double hi = Math.max(w, (u * tMax + v) * tMax + w);
        if (u != 0) {
            double vertex = -v / (2 * u);
            if (vertex > 0 && vertex < tMax) {
                double h2 = (u * vertex + v) * vertex + w;
                lo = Math.min(lo, h2);
                hi = Math.max(hi, h2);
            }
        }
        return new double[] {lo, hi};
    }

    /** A copy with another zero shift. */
    public ProfileParameters withZeroShift(double z) {
        return new ProfileParameters(u, v, w, eta, z);
    }

    /** {@code U,V,W,eta,Z}. */
    public String describe() {
        return text(u, v, w, eta, zeroShift);
    }

    private static String text(double u, double v, double w, double eta, double z) {
        return String.format(Locale.ROOT, "U=%s,V=%s,W=%s,eta=%s,zero=%s", u, v, w, eta, z);
    }
}
