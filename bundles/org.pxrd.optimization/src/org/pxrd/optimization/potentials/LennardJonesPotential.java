package org.pxrd.optimization.potentials;

import java.util.Locale;

import org.pxrd.core.extensions.Settings;
import org.pxrd.model.Element;

/**
 * A 12-6 Lennard-Jones pair potential with the per-element parameters of the Universal Force Field
 * ({@link UffParameters}: Rappé et al., J. Am. Chem. Soc. 114 (1992) 10024), in UFF's form
 * <pre>
 *   φ(r) = D_ij·[(x_ij/r)¹² − 2·(x_ij/r)⁶]          (minimum −D_ij at r = x_ij)
 * </pre>
 * with the combination rule of UFF, geometric means x_ij = √(x_i·x_j), D_ij = √(D_i·D_j) (Rappé et al.,
 * eqs. 20-21), or Lorentz-Berthelot, x_ij = (x_i + x_j)/2, D_ij = √(D_i·D_j). Periodic images are summed up to a
 * cutoff with the shifted-force truncation of {@link PairPotential}. Instances are immutable and thread-safe.
 */
public final class LennardJonesPotential extends PairPotential {

    /** Default cutoff in Å (about 3 UFF distances x of light elements). */
    public static final double DEFAULT_CUTOFF = 10.0;
    /** How the parameters of two elements combine. */
    public enum Combination {
        /** UFF's own rule: x_ij = √(x_i·x_j), D_ij = √(D_i·D_j). */
        GEOMETRIC,
        /** Lorentz-Berthelot: x_ij = (x_i + x_j)/2, D_ij = √(D_i·D_j). */
        LORENTZ_BERTHELOT;

        /** Parses {@code geometric} or {@code lorentz-berthelot}. */
        public static Combination parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "geometric" -> GEOMETRIC;
                case "lorentz-berthelot" -> LORENTZ_BERTHELOT;
                default -> throw new IllegalArgumentException("unknown combination rule '" + text
                        + "' (expected geometric or lorentz-berthelot)");
            };
        }
    }

    private static final String NAME = "Lennard-Jones (UFF)";

    private final Combination combination;
    private final UffParameters parameters;

    /** From the contribution's settings {@code cutoff} (Å) and {@code combination}. */
    public LennardJonesPotential(Settings settings) {
        this(settings.getDouble("cutoff"), Combination.parse(settings.getString("combination")));
    }

    /**
     * @param cutoff r_c in Å
     * @throws IllegalArgumentException when the cutoff is not positive and finite
     */
    public LennardJonesPotential(double cutoff, Combination combination) {
        super(NAME, cutoff);
        this.combination = combination;
        this.parameters = UffParameters.standard();
    }

    public Combination combination() {
        return combination;
    }

    /** The pair parameters {x_ij (Å), D_ij (eV)} of two elements. */
    @Override
    public double[] pairParameters(Element a, Element b) throws PotentialException {
        UffParameters.Entry pa = entry(a);
        UffParameters.Entry pb = entry(b);
        double x = combination == Combination.GEOMETRIC ? Math.sqrt(pa.x() * pb.x()) : (pa.x() + pb.x()) / 2;
        return new double[] {x, Math.sqrt(pa.dEv() * pb.dEv())};
    }

    private UffParameters.Entry entry(Element e) throws PotentialException {
        return parameters.get(e).orElseThrow(() -> new PotentialException(NAME + ": UFF has no parameters for "
                + e.symbol()));
    }

    /** The untruncated pair energy φ(r) = D·[(x/r)¹² − 2(x/r)⁶] in eV. */
    static double pairEnergy(double r, double x, double d) {
        double s6 = Math.pow(x / r, 6);
        return d * (s6 * s6 - 2 * s6);
    }

    /** Its derivative φ'(r) = (12·D/r)·[(x/r)⁶ − (x/r)¹²] in eV/Å. */
    static double pairDerivative(double r, double x, double d) {
        double s6 = Math.pow(x / r, 6);
        return 12 * d / r * (s6 - s6 * s6);
    }

    @Override
    protected double pairEnergy(double r, double[] p) {
        return pairEnergy(r, p[0], p[1]);
    }

    @Override
    protected double pairDerivative(double r, double[] p) {
        return pairDerivative(r, p[0], p[1]);
    }
}
