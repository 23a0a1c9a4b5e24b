package org.pxrd.diffraction;

import java.util.Objects;

/**
 * Everything about the (virtual) diffractometer that a simulated pattern depends on, as one immutable, typed value
 * that serialises to JSON as it is (a record of records, enums and numbers: Jackson reads and writes it without
 * annotations).
 *
 * @param radiation the wavelength(s): always explicit
 * @param grid the 2θ axis; reflections are simulated up to its upper edge
 * @param profile the pseudo-Voigt profile and zero shift
 * @param normalisation unit area or unit height per peak
 * @param scaling pattern maximum 1, or raw intensities
 * @param tails how far peak tails are evaluated
 */
public record InstrumentSettings(Radiation radiation, TwoThetaGrid grid, ProfileParameters profile,
        PeakNormalisation normalisation, PatternScaling scaling, TailMode tails) {

    public InstrumentSettings {
        Objects.requireNonNull(radiation, "radiation");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(normalisation, "normalisation");
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(tails, "tails");
        double[] range = profile.fwhmSquaredRange(Math.toRadians(grid.max() / 2));
        if (!(range[0] > 0)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "profile %s gives no positive peak width below 2theta = %s degrees (min H^2 = %.4g deg^2)",
                    profile.describe(), grid.max(), range[0]));
        }
    }

    /**
     * The study's instrument at the given wavelength: 2θ 0..90° in 0.01° bins, U, V, W = 0.1, 0.01, 0.1 deg², η = 0.1,
     * unit-area peaks, pattern maximum 1, exact tails through the multilevel evaluation.
     */
    public static InstrumentSettings study(Radiation radiation) {
        return new InstrumentSettings(radiation, TwoThetaGrid.STUDY, ProfileParameters.STUDY,
                PeakNormalisation.UNIT_AREA, PatternScaling.MAX_ONE, TailMode.MULTILEVEL);
    }

    public InstrumentSettings withRadiation(Radiation r) {
        return new InstrumentSettings(r, grid, profile, normalisation, scaling, tails);
    }

    public InstrumentSettings withGrid(TwoThetaGrid g) {
        return new InstrumentSettings(radiation, g, profile, normalisation, scaling, tails);
    }

    public InstrumentSettings withProfile(ProfileParameters p) {
        return new InstrumentSettings(radiation, grid, p, normalisation, scaling, tails);
    }

    public InstrumentSettings withNormalisation(PeakNormalisation n) {
        return new InstrumentSettings(radiation, grid, profile, n, scaling, tails);
    }

    public InstrumentSettings withScaling(PatternScaling s) {
        return new InstrumentSettings(radiation, grid, profile, normalisation, s, tails);
    }

    public InstrumentSettings withTails(TailMode t) {
        return new InstrumentSettings(radiation, grid, profile, normalisation, scaling, t);
    }
}
