package org.pxrd.diffraction;

/**
 * The instrument parameters a refinement may change in an open {@link XrdSession} (with
 * {@link XrdSession#setInstrument}), by name: where each lives in {@link InstrumentSettings}, where its derivative
 * lives in {@link XrdGradient}, its unit and its bounds. The formulas are in {@link XrdPhysics}.
 *
 * <table>
 * <caption>Instrument parameters</caption>
 * <tr><th>id</th><th>quantity</th><th>unit</th><th>in the settings</th><th>derivative</th><th>bounds</th></tr>
 * <tr><td>scale</td><td>scale factor k of the whole pattern</td><td>1</td><td>{@code scale()}</td>
 * <td>{@code XrdGradient.scale}</td><td>k ≥ 0</td></tr>
 * <tr><td>zero</td><td>zero shift Z</td><td>degrees 2θ</td><td>{@code profile().zeroShift()}</td>
 * <td>{@code profile[4]}</td><td>none</td></tr>
 * <tr><td>displacement</td><td>sample displacement s (Δ2θ = −(360/π)(s/R) cos θ)</td><td>mm</td>
 * <td>{@code goniometer().displacement()}</td><td>{@code XrdGradient.displacement}</td><td>none</td></tr>
 * <tr><td>U, V, W</td><td>Caglioti H² = U tan²θ + V tanθ + W</td><td>deg²</td><td>{@code profile()}</td>
 * <td>{@code profile[0..2]}</td><td>H² &gt; 0 on the range (checked by the settings)</td></tr>
 * <tr><td>eta</td><td>Gaussian fraction η of the pseudo-Voigt</td><td>1</td><td>{@code profile().eta()}</td>
 * <td>{@code profile[3]}</td><td>[0, 1]</td></tr>
 * <tr><td>alpha2Ratio</td><td>Kα2/Kα1 intensity ratio r (0.5 for Cu)</td><td>1</td>
 * <td>{@code radiation().alpha2Ratio()}</td><td>{@code XrdGradient.alpha2Ratio}</td><td>[0, 1]; needs a Kα2 line</td></tr>
 * </table>
 */
public enum InstrumentParameter {

    SCALE("scale", "", 0, Double.POSITIVE_INFINITY, "scale factor k of the pattern"),
    ZERO("zero", "deg", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "zero shift Z in degrees 2theta"),
    DISPLACEMENT("displacement", "mm", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            "sample displacement s below the goniometer axis in mm: shift -(360/pi)(s/R)cos(theta)"),
    U("U", "deg^2", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "Caglioti U in deg^2"),
    V("V", "deg^2", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "Caglioti V in deg^2"),
    W("W", "deg^2", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "Caglioti W in deg^2"),
    ETA("eta", "", 0, 1, "pseudo-Voigt Gaussian fraction eta"),
    ALPHA2_RATIO("alpha2Ratio", "", 0, 1, "Kalpha2/Kalpha1 intensity ratio");

    private final String id;
    private final String unit;
    private final double lowerBound;
    private final double upperBound;
    private final String description;

    InstrumentParameter(String id, String unit, double lowerBound, double upperBound, String description) {
        this.id = id;
        this.unit = unit;
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.description = description;
    }

    /** The name used on command lines, in traces and reports: scale, zero, displacement, U, V, W, eta, alpha2Ratio. */
    public String id() {
        return id;
    }

    /** The unit ("" for dimensionless values). */
    public String unit() {
        return unit;
    }

    /** The smallest allowed value (inclusive). */
    public double lowerBound() {
        return lowerBound;
    }

    /** The largest allowed value (inclusive). */
    public double upperBound() {
        return upperBound;
    }

    /** One line: what it is, with its unit. */
    public String description() {
        return description;
    }

    /** The current value in the settings. */
    public double value(InstrumentSettings settings) {
        ProfileParameters p = settings.profile();
        return switch (this) {
            case SCALE -> settings.scale();
            case ZERO -> p.zeroShift();
            case DISPLACEMENT -> settings.goniometer().displacement();
            case U -> p.u();
            case V -> p.v();
            case W -> p.w();
            case ETA -> p.eta();
            case ALPHA2_RATIO -> settings.radiation().alpha2Ratio();
        };
    }

    /**
     * The settings with this parameter set to {@code value}.
     *
     * @throws IllegalArgumentException for a value the settings refuse (η outside [0, 1], a profile without positive
     *         width, a Kα2 ratio for radiation without Kα2)
     */
    public InstrumentSettings with(InstrumentSettings settings, double value) {
        ProfileParameters p = settings.profile();
        return switch (this) {
            case SCALE -> settings.withScale(value);
            case ZERO -> settings.withProfile(p.withZeroShift(value));
            case DISPLACEMENT -> settings.withGoniometer(settings.goniometer().withDisplacement(value));
            case U -> settings.withProfile(new ProfileParameters(value, p.v(), p.w(), p.eta(), p.zeroShift()));
            case V -> settings.withProfile(new ProfileParameters(p.u(), value, p.w(), p.eta(), p.zeroShift()));
            case W -> settings.withProfile(new ProfileParameters(p.u(), p.v(), value, p.eta(), p.zeroShift()));
            case ETA -> settings.withProfile(new ProfileParameters(p.u(), p.v(), p.w(), value, p.zeroShift()));
            case ALPHA2_RATIO -> {
                Radiation r = settings.radiation();
                if (!r.hasAlpha2()) {
                    throw new IllegalArgumentException("the Kα2 ratio cannot be refined: the radiation "
                            + r.describe() + " has no Kα2 line");
                }
                yield settings.withRadiation(r.withAlpha2(r.alpha2Wavelength(), value));
            }
        };
    }

    /** dL/d(this parameter) from a gradient filled by {@link XrdSession#computeGradient}, per unit of the parameter. */
    public double derivative(XrdGradient gradient) {
        return switch (this) {
            case SCALE -> gradient.scale;
            case ZERO -> gradient.profile[4];
            case DISPLACEMENT -> gradient.displacement;
            case U -> gradient.profile[0];
            case V -> gradient.profile[1];
            case W -> gradient.profile[2];
            case ETA -> gradient.profile[3];
            case ALPHA2_RATIO -> gradient.alpha2Ratio;
        };
    }

    /**
     * The parameter of an id (case-insensitive; also the enum name, e.g. {@code ALPHA2_RATIO}).
     *
     * @throws IllegalArgumentException naming the text and the known ids
     */
    public static InstrumentParameter parse(String text) {
        String t = text == null ? "" : text.trim();
        for (InstrumentParameter p : values()) {
            if (p.id.equalsIgnoreCase(t) || p.name().equalsIgnoreCase(t)) {
                return p;
            }
        }
        StringBuilder known = new StringBuilder();
        for (InstrumentParameter p : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(p.id);
        }
        throw new IllegalArgumentException("unknown instrument parameter '" + text + "' (known: " + known + ")");
    }

    /** The id. */
    @Override
    public String toString() {
        return id;
    }
}
