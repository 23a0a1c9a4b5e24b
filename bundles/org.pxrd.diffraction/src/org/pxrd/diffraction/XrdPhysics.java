package org.pxrd.diffraction;

/**
 * The physics of the powder X-ray diffraction simulator, in one place: every formula the simulator evaluates, with
 * its units. The hot loops of {@link PowderSession} and {@link ProfileRenderer} call these small methods (the JIT
 * inlines them), so this class is the single definition of the model.
 *
 * <h2>Reflections</h2>
 * A reflection is a reciprocal lattice vector g = h a* + k b* + l c* (crystallographic convention, no 2π; a*, b*, c*
 * in Å⁻¹). With the reciprocal metric tensor G* = G⁻¹ (G the direct metric tensor, G_ij = a_i · a_j in Å²):
 * <pre>
 *   Q = |g|² = hᵀ G* h         (Å⁻²)      d = 1/|g|   (Å)
 *   sin θ = λ |g| / 2           (Bragg's law; λ in Å)
 *   s = sin θ / λ = |g| / 2     s² = Q / 4   (Å⁻²)
 * </pre>
 * Reflections with 0 &lt; |g| ≤ 2 sin(θmax)/λ are kept, θmax being half the largest 2θ of the pattern.
 *
 * <h2>Intensities</h2>
 * <pre>
 *   F(g) = Σ_j occ_j f_j(s) exp(−B_j s²) exp(2πi g·x_j)     (x_j fractional; exp(−B s²) only when B is given)
 *   I(g) = |F(g)|² · LP(θ),     LP(θ) = (1 + cos² 2θ) / (sin² θ cos θ)
 * </pre>
 * f_j is the atomic scattering factor of the site's element ({@link ScatteringFactorTable}); the default table is
 * the Mott-Bethe form f(s) = Z − 8π²a₀ s² Σ_{i=1..4} a_i exp(−b_i s²), 8π²a₀ = {@value #MOTT_BETHE_CONSTANT} Å. Without
 * anomalous dispersion |F(−g)| = |F(g)|, so the simulator enumerates one of each Friedel pair (g, −g) and counts it
 * twice. Peaks: reflections whose 2θ differ by less than {@value #MERGE_TOLERANCE_DEG}° are one peak (as pymatgen).
 *
 * <h2>Peak positions</h2>
 * Each reflection and wavelength line λ_l (Kα1, and Kα2 with relative intensity r, {@link Radiation}) gives a peak
 * of intensity w_l·I(g) (w = 1 for Kα1, r for Kα2) centred on
 * <pre>
 *   c = 2θ + Z + Δ_s(θ),     Δ_s(θ) = −(360/π) (s/R) cos θ                (degrees)
 * </pre>
 * with Z the zero shift (degrees) and Δ_s the sample-displacement shift of Bragg-Brentano geometry (s the
 * displacement of the sample surface below the goniometer axis, R the goniometer radius, both in mm; see
 * {@link Goniometer}). Width and Lorentz-polarisation are taken at the Bragg angle θ of the line.
 *
 * <h2>Profile</h2>
 * Each peak is a pseudo-Voigt centred on c with a full width at half maximum
 * H (degrees 2θ) from the Caglioti relation, the same H for both parts:
 * <pre>
 *   H² = U tan²θ + V tanθ + W                              (U, V, W in deg²)
 *   pV(x) = I · [ n_G · exp(−4 ln2 (x−c)²/H²) + n_L / (1 + 4 (x−c)²/H²) ]
 *   unit area:   n_G = η √(4 ln2 / π) / H,   n_L = (1 − η) · 2 / (π H)
 *   unit height: n_G = η,                    n_L = 1 − η
 * </pre>
 * η weights the Gaussian part (the study's convention; FullProf's η is the Lorentzian fraction, 1 − ours). The
 * pattern is the sum of the profiles at the bin centres P_j, optionally divided by its maximum, times the scale
 * factor k:
 * <pre>
 *   y_j = k · P_j   or   y_j = k · P_j / max_m P_m
 * </pre>
 */
public final class XrdPhysics {

    /** 8π²a₀ in Å (a₀ = 0.529177 Å, the Bohr radius): the constant of the Mott-Bethe formula. */
    public static final double MOTT_BETHE_CONSTANT = 41.78214;
    /** Reflections closer than this in 2θ (degrees) form one peak (pymatgen's XRDCalculator.TWO_THETA_TOL). */
    public static final double MERGE_TOLERANCE_DEG = 1e-5;
    /** 4 ln 2: the Gaussian exponent in units of (x/H)². */
    public static final double GAUSS_EXPONENT = 4 * Math.log(2);
    /** √(4 ln2 / π): height × H of a unit-area Gaussian of FWHM H. */
    public static final double GAUSS_AREA_NORM = Math.sqrt(4 * Math.log(2) / Math.PI);
    /** 2/π: height × H of a unit-area Lorentzian of FWHM H. */
    public static final double LORENTZ_AREA_NORM = 2 / Math.PI;

    private static final double DEG_PER_RAD = 180 / Math.PI;

    private XrdPhysics() {
    }

    /**
     * sin θ = λ √Q / 2 of a reflection: Bragg's law with |g| = √Q.
     *
     * @param q |g|² in Å⁻²
     * @param wavelength λ in Å
     */
    public static double sinTheta(double q, double wavelength) {
        return wavelength * Math.sqrt(q) / 2;
    }

    /** 2θ in degrees from s = sin θ (NaN when s &gt; 1: the reflection does not diffract). */
    public static double twoThetaDegrees(double sinTheta) {
        return 2 * DEG_PER_RAD * Math.asin(sinTheta);
    }

    /** The largest |g|² (Å⁻²) that diffracts below 2θ = twoThetaMax (degrees): (2 sin(θmax)/λ)². */
    public static double maxQ(double twoThetaMax, double wavelength) {
        double g = 2 * Math.sin(Math.toRadians(twoThetaMax / 2)) / wavelength;
        return g * g;
    }

    /** dθ/dQ in rad·Å², from sin θ = λ√Q/2: λ / (4 √Q cos θ), with s = sin θ. */
    public static double dThetaDq(double q, double wavelength, double sinTheta) {
        return wavelength / (4 * Math.sqrt(q) * Math.sqrt(1 - sinTheta * sinTheta));
    }

    /** d(2θ in degrees)/dθ(radians) = 360/π. */
    public static double twoThetaDegreesPerTheta() {
        return 2 * DEG_PER_RAD;
    }

    /**
     * The Lorentz-polarisation factor LP(θ) = (1 + cos² 2θ) / (sin² θ cos θ), from s = sin θ: cos 2θ = 1 − 2s²,
     * cos θ = √(1 − s²) (no trigonometric call on the hot path).
     */
    public static double lorentzPolarization(double sinTheta) {
        double s2 = sinTheta * sinTheta;
        double c2 = 1 - 2 * s2;
        return (1 + c2 * c2) / (s2 * Math.sqrt(1 - s2));
    }

    /**
     * dLP/dθ (per radian) from s = sin θ: with N = 1 + cos² 2θ, D = sin² θ cos θ, N' = −4 sin 2θ cos 2θ and
     * D' = sin θ (2cos² θ − sin² θ), LP' = (N' D − N D') / D².
     */
    public static double lorentzPolarizationDerivative(double sinTheta) {
        double s2 = sinTheta * sinTheta;
        double c = Math.sqrt(1 - s2);
        double c2 = 1 - 2 * s2;
        double n = 1 + c2 * c2;
        double dn = -8 * sinTheta * c * c2;
        double d = s2 * c;
        double dd = sinTheta * (2 * (1 - s2) - s2);
        return (dn * d - n * dd) / (d * d);
    }

    /** tan θ from s = sin θ. */
    public static double tanTheta(double sinTheta) {
        return sinTheta / Math.sqrt(1 - sinTheta * sinTheta);
    }

    /**
     * The sample-displacement shift of a peak, Δ_s = −(360/π)(s/R) cos θ, in degrees 2θ.
     *
     * @param displacementOverRadius s/R (dimensionless; {@link Goniometer#displacementOverRadius()})
     * @param cosTheta cos θ of the Bragg angle
     */
    public static double displacementShift(double displacementOverRadius, double cosTheta) {
        return -2 * DEG_PER_RAD * displacementOverRadius * cosTheta;
    }

    /** ∂Δ_s/∂(s/R) = −(360/π) cos θ, in degrees 2θ. */
    public static double displacementShiftDerivative(double cosTheta) {
        return -2 * DEG_PER_RAD * cosTheta;
    }

    /**
     * dc/dθ of the peak centre c = (360/π)θ + Z + Δ_s(θ), in degrees per radian: (360/π)(1 + (s/R) sin θ).
     */
    public static double dCentreDtheta(double displacementOverRadius, double sinTheta) {
        return 2 * DEG_PER_RAD * (1 + displacementOverRadius * sinTheta);
    }

    /** H² = U tan²θ + V tanθ + W in deg². */
    public static double fwhmSquared(double u, double v, double w, double tanTheta) {
        return (u * tanTheta + v) * tanTheta + w;
    }

    /** dH/dθ (degrees per radian) = (2U tanθ + V) sec²θ / (2H). */
    public static double dFwhmDtheta(double u, double v, double tanTheta, double fwhm) {
        return (2 * u * tanTheta + v) * (1 + tanTheta * tanTheta) / (2 * fwhm);
    }

    /** The Debye-Waller factor exp(−B s²), B in Å², s² in Å⁻². */
    public static double debyeWaller(double b, double s2) {
        return Math.exp(-b * s2);
    }

    /** Amplitude n_G of the Gaussian part per unit intensity (see the class comment), FWHM H in degrees. */
    public static double gaussAmplitude(PeakNormalisation normalisation, double eta, double fwhm) {
        return normalisation == PeakNormalisation.UNIT_AREA ? eta * GAUSS_AREA_NORM / fwhm : eta;
    }

    /** Amplitude n_L of the Lorentzian part per unit intensity (see the class comment), FWHM H in degrees. */
    public static double lorentzAmplitude(PeakNormalisation normalisation, double eta, double fwhm) {
        return normalisation == PeakNormalisation.UNIT_AREA ? (1 - eta) * LORENTZ_AREA_NORM / fwhm : 1 - eta;
    }

    /** ∂n_G/∂H: −n_G/H for unit area, 0 for unit height. */
    public static double gaussAmplitudeDfwhm(PeakNormalisation normalisation, double eta, double fwhm) {
        return normalisation == PeakNormalisation.UNIT_AREA ? -eta * GAUSS_AREA_NORM / (fwhm * fwhm) : 0;
    }

    /** ∂n_L/∂H: −n_L/H for unit area, 0 for unit height. */
    public static double lorentzAmplitudeDfwhm(PeakNormalisation normalisation, double eta, double fwhm) {
        return normalisation == PeakNormalisation.UNIT_AREA ? -(1 - eta) * LORENTZ_AREA_NORM / (fwhm * fwhm) : 0;
    }

    /** ∂n_G/∂η. */
    public static double gaussAmplitudeDeta(PeakNormalisation normalisation, double fwhm) {
        return normalisation == PeakNormalisation.UNIT_AREA ? GAUSS_AREA_NORM / fwhm : 1;
    }

    /** ∂n_L/∂η. */
    public static double lorentzAmplitudeDeta(PeakNormalisation normalisation, double fwhm) {
        return normalisation == PeakNormalisation.UNIT_AREA ? -LORENTZ_AREA_NORM / fwhm : -1;
    }

    /** The pseudo-Voigt of one peak of unit intensity at distance x − c (degrees) from its centre. */
    public static double pseudoVoigt(PeakNormalisation normalisation, double eta, double fwhm, double distance) {
        double u2 = distance * distance / (fwhm * fwhm);
        return gaussAmplitude(normalisation, eta, fwhm) * Math.exp(-GAUSS_EXPONENT * u2)
                + lorentzAmplitude(normalisation, eta, fwhm) / (1 + 4 * u2);
    }
}
