package org.pxrd.diffraction.measured;

import java.util.Optional;

import org.pxrd.diffraction.Radiation;
import org.pxrd.io.PatternData;

/**
 * The X-ray radiation of a measured pattern, from what its file states ({@link PatternData}) or from the user, never
 * by default.
 *
 * <p>From the file: when it states both a Kα1 and a Kα2 wavelength ({@link PatternData#KALPHA1},
 * {@link PatternData#KALPHA2}, e.g. a PANalytical XRDML file), the doublet λ₁ + λ₂ with the file's intensity ratio
 * ({@link PatternData#KALPHA2_RATIO}; {@value Radiation#DEFAULT_ALPHA2_RATIO} when the file gives none): laboratory
 * patterns without a primary monochromator hold both lines, and XRDML files state them whichever line they name as
 * "intended". Otherwise the pattern's single wavelength when the file states one. Otherwise nothing: the user must
 * give it.
 */
public final class MeasuredRadiation {

    private MeasuredRadiation() {
    }

    /** The radiation the file states, if any (see the class comment). */
    public static Optional<Radiation> fromFile(PatternData data) {
        String a1 = data.metadata().get(PatternData.KALPHA1);
        String a2 = data.metadata().get(PatternData.KALPHA2);
        if (a1 != null && a2 != null) {
            try {
                double ratio = data.metadata().containsKey(PatternData.KALPHA2_RATIO)
                        ? Double.parseDouble(data.metadata().get(PatternData.KALPHA2_RATIO))
                        : Radiation.DEFAULT_ALPHA2_RATIO;
                return Optional.of(new Radiation(Double.parseDouble(a1), null, Double.parseDouble(a2), ratio));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("pattern '" + data.pattern().name() + "' states Kα lines "
                        + a1 + " / " + a2 + " Å that are not numbers", e);
            }
        }
        return data.pattern().wavelength().isPresent()
                ? Optional.of(Radiation.of(data.pattern().wavelength().getAsDouble()))
                : Optional.empty();
    }

    /**
     * The user's radiation when given (it overrides the file's), else the file's.
     *
     * @param given the user's radiation, or null
     * @throws IllegalArgumentException when neither states a wavelength, saying how to give one
     */
    public static Radiation resolve(PatternData data, Radiation given) {
        if (given != null) {
            return given;
        }
        return fromFile(data).orElseThrow(() -> new IllegalArgumentException("'" + data.pattern().name()
                + "' does not state its X-ray wavelength: give it (e.g. --wavelength CuKa1 --doublet for Cu Kα1+Kα2, "
                + "or a value in Å)"));
    }
}
