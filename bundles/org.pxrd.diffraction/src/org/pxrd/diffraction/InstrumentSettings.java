package org.pxrd.diffraction;

import java.util.Objects;

/**
 * Everything about the (virtual) diffractometer that a simulated pattern depends on, as one immutable, typed value
 * that serialises to JSON as it is (a record of records, enums and numbers: Jackson reads and writes it without
 * annotations).
 *
 * <p>The simulated pattern is y_j = k · P_j (k = {@link #scale()}), P the profile sum at bin j, divided by its
 * maximum when {@link #scaling()} is {@link PatternScaling#MAX_ONE}. Which of these values a refinement may change
 * in an open session (the "instrument" parameter group: scale, zero shift, sample displacement, U, V, W, η, Kα2
 * ratio) is listed by {@link InstrumentParameter}; the others (grid, wavelengths, goniometer radius, normalisation,
 * scaling, tails) are fixed for a session ({@link #sameFixedParts}).
 *
 * @param radiation the wavelength(s): always explicit
 * @param grid the 2θ axis; reflections are simulated up to its upper edge
 * @param profile the pseudo-Voigt profile and zero shift
 * @param normalisation unit area or unit height per peak
 * @param scaling pattern maximum 1, or raw intensities
 * @param tails how far peak tails are evaluated
 * @param goniometer the goniometer radius and the sample displacement (null: {@link Goniometer#IDEAL})
 * @param scale the scale factor k multiplying the whole pattern (dimensionless, finite)
 */
public record InstrumentSettings(Radiation radiation, TwoThetaGrid grid, ProfileParameters profile,
        PeakNormalisation normalisation, PatternScaling scaling, TailMode tails, Goniometer goniometer,
        double scale) {

    public InstrumentSettings {
        Objects.requireNonNull(radiation, "radiation");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(normalisation, "normalisation");
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(tails, "tails");
        goniometer = goniometer == null ? Goniometer.IDEAL : goniometer;
        if (!Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale factor " + scale + " must be finite");
        }
        double[] range = profile.fwhmSquaredRange(Math.toRadians(grid.max() / 2));
        if (!(range[0] > 0)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "profile %s gives no positive peak width below 2theta = %s degrees (min H^2 = %.4g deg^2)",
                    profile.describe(), grid.max(), range[0]));
        }
    }

    /** Settings with the sample on the goniometer axis and scale factor 1. */
    public InstrumentSettings(Radiation radiation, TwoThetaGrid grid, ProfileParameters profile,
            PeakNormalisation normalisation, PatternScaling scaling, TailMode tails) {
        this(radiation, grid, profile, normalisation, scaling, tails, Goniometer.IDEAL, 1);
    }

    /**
     * The study's instrument at the given wavelength: 2θ 0..90° in 0.01° bins, U, V, W = 0.1, 0.01, 0.1 deg², η = 0.1,
     * unit-area peaks, pattern maximum 1, exact tails through the multilevel evaluation, no sample displacement,
     * scale 1.
     */
    public static InstrumentSettings study(Radiation radiation) {
        return new InstrumentSettings(radiation, TwoThetaGrid.STUDY, ProfileParameters.STUDY,
                PeakNormalisation.UNIT_AREA, PatternScaling.MAX_ONE, TailMode.MULTILEVEL);
    }

    public InstrumentSettings withRadiation(Radiation r) {
        return new InstrumentSettings(r, grid, profile, normalisation, scaling, tails, goniometer, scale);
    }

    public InstrumentSettings withGrid(TwoThetaGrid g) {
        return new InstrumentSettings(radiation, g, profile, normalisation, scaling, tails, goniometer, scale);
    }

    public InstrumentSettings withProfile(ProfileParameters p) {
        return new InstrumentSettings(radiation, grid, p, normalisation, scaling, tails, goniometer, scale);
    }

    public InstrumentSettings withNormalisation(PeakNormalisation n) {
        return new InstrumentSettings(radiation, grid, profile, n, scaling, tails, goniometer, scale);
    }

    public InstrumentSettings withScaling(PatternScaling s) {
        return new InstrumentSettings(radiation, grid, profile, normalisation, s, tails, goniometer, scale);
    }

    public InstrumentSettings withTails(TailMode t) {
        return new InstrumentSettings(radiation, grid, profile, normalisation, scaling, t, goniometer, scale);
    }

    public InstrumentSettings withGoniometer(Goniometer g) {
        return new InstrumentSettings(radiation, grid, profile, normalisation, scaling, tails, g, scale);
    }

    /** A copy with another scale factor k. */
    public InstrumentSettings withScale(double k) {
        return new InstrumentSettings(radiation, grid, profile, normalisation, scaling, tails, goniometer, k);
    }

    /**
     * Whether the other settings differ from these only in refinable values (profile, zero shift, sample
     * displacement, scale, Kα2 ratio): same grid, wavelengths, goniometer radius, normalisation, scaling and tails.
     */
    public boolean sameFixedParts(InstrumentSettings other) {
        return grid.equals(other.grid) && normalisation == other.normalisation && scaling == other.scaling
                && tails == other.tails && goniometer.radius() == other.goniometer.radius()
                && radiation.wavelength() == other.radiation.wavelength()
                && radiation.alpha2Wavelength() == other.radiation.alpha2Wavelength();
    }
}
