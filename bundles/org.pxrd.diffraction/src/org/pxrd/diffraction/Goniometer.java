package org.pxrd.diffraction;

import java.util.Locale;

/**
 * The Bragg-Brentano goniometer and where the sample surface sits on it: the radius R (mm) and the sample
 * displacement s (mm), refinable. The displacement moves every peak by (see {@link XrdPhysics#displacementShift})
 * <pre>
 *   Δ2θ = −(360/π) (s/R) cos θ      (degrees 2θ)
 * </pre>
 * Sign convention: s &gt; 0 when the sample surface lies below the goniometer axis (too deep in its holder, away from
 * the incident and diffracted beams), which moves peaks to lower 2θ; s &lt; 0 when it stands proud of the axis. Only
 * s/R changes the pattern: R states the scale on which s is reported.
 *
 * @param radius R in mm, positive (the distance from the axis to the receiving slit or detector)
 * @param displacement s in mm
 */
public record Goniometer(double radius, double displacement) {

    /**
     * R used when none is given (mm): the PANalytical Empyrean/X'Pert radius. Bruker D8 instruments have 217.5 or
     * 250 mm; with no displacement the radius changes nothing.
     */
    public static final double DEFAULT_RADIUS_MM = 240;

    /** The sample surface on the axis of a goniometer of the default radius. */
    public static final Goniometer IDEAL = new Goniometer(DEFAULT_RADIUS_MM, 0);

    /**
     * @throws IllegalArgumentException for a radius that is not positive and finite or a non-finite displacement
     */
    public Goniometer {
        if (!(radius > 0 && Double.isFinite(radius))) {
            throw new IllegalArgumentException("goniometer radius " + radius + " mm must be positive and finite");
        }
        if (!Double.isFinite(displacement)) {
            throw new IllegalArgumentException("sample displacement " + displacement + " mm must be finite");
        }
    }

    /** The same goniometer with another displacement s (mm). */
    public Goniometer withDisplacement(double s) {
        return new Goniometer(radius, s);
    }

    /** s/R (dimensionless). */
    public double displacementOverRadius() {
        return displacement / radius;
    }

    /** {@code R=240mm,s=0.01mm}. */
    public String describe() {
        return String.format(Locale.ROOT, "R=%smm,s=%smm", radius, displacement);
    }
}
