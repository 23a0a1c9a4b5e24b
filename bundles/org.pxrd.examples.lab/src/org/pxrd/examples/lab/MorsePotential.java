package org.pxrd.examples.lab;

import org.pxrd.core.extensions.Settings;
import org.pxrd.model.Element;
import org.pxrd.optimization.potentials.PairPotential;

/**
 * A sample third-party potential: the Morse pair potential (Morse, Phys. Rev. 34 (1929) 57),
 * <pre>
 *   φ(r)  = D [e^(−2α(r − r₀)) − 2 e^(−α(r − r₀))]          (minimum −D at r = r₀; eV, Å)
 *   φ'(r) = −2αD [e^(−2α(r − r₀)) − e^(−α(r − r₀))]         (eV/Å)
 * </pre>
 * with one parameter set for every pair of atoms (the defaults are Girifalco and Weizer's for copper, Phys. Rev.
 * 114 (1959) 687: D = 0.3429 eV, α = 1.3588 Å⁻¹, r₀ = 2.866 Å). The periodic sums, the shifted-force cutoff,
 * forces and stress come from the platform's {@link PairPotential}. Immutable, hence thread-safe.
 */
public final class MorsePotential extends PairPotential {

    private final double[] parameters;

    /**
     * @param depth D in eV
     * @param alpha α in Å⁻¹
     * @param r0 r₀ in Å
     * @param cutoff the cutoff in Å
     * @throws IllegalArgumentException for a parameter that is not positive and finite
     */
    public MorsePotential(double depth, double alpha, double r0, double cutoff) {
        super("Morse (lab sample)", cutoff);
        for (double v : new double[] {depth, alpha, r0}) {
            if (!(v > 0 && Double.isFinite(v))) {
                throw new IllegalArgumentException("Morse parameters D, alpha and r0 must be positive, got D=" + depth
                        + ", alpha=" + alpha + ", r0=" + r0);
            }
        }
        this.parameters = new double[] {depth, alpha, r0};
    }

    /** From the settings {@code depth} (eV), {@code alpha} (1/Å), {@code r0} (Å) and {@code cutoff} (Å). */
    public MorsePotential(Settings settings) {
        this(settings.getDouble("depth"), settings.getDouble("alpha"), settings.getDouble("r0"),
                settings.getDouble("cutoff"));
    }

    /** {D, α, r₀}, the same for every pair of elements. */
    @Override
    public double[] pairParameters(Element a, Element b) {
        return parameters.clone();
    }

    @Override
    protected double pairEnergy(double r, double[] p) {
        double e = Math.exp(-p[1] * (r - p[2]));
        return p[0] * (e * e - 2 * e);
    }

    @Override
    protected double pairDerivative(double r, double[] p) {
        double e = Math.exp(-p[1] * (r - p[2]));
        return -2 * p[1] * p[0] * (e * e - e);
    }
}
