package org.pxrd.optimization.noise;

import java.util.Locale;
import java.util.SplittableRandom;

import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;
import org.pxrd.model.Structure;

/**
 * The study's lattice noise: the lattice matrix L (lattice vectors as rows, Å) becomes L̃ = S·L with a random
 * matrix S whose entries are independent,
 * <pre>
 *   s_ii ~ U(1 − σ, 1 + σ),   s_ij ~ U(−σ, σ) (i ≠ j),
 * </pre>
 * and the fractional coordinates are kept, so every atom moves with the cell. Each new lattice vector is a
 * small random combination of the old ones: lengths change by about σ relative, angles by about σ radians.
 *
 * <p>Draw order: s_00, s_01, s_02, s_10, ..., s_22 (row-major), each {@link Seeds#uniform} from one
 * {@link SplittableRandom#nextDouble()}.
 *
 * <p>σ is limited to [0, {@link #MAX_SIGMA}): then 1 − σ > 2σ, S is strictly diagonally dominant and hence
 * invertible, and the new lattice always spans a volume.
 */
public final class LatticeNoise implements NoiseModel {

    /** Upper bound (exclusive) of σ: S stays strictly diagonally dominant, so L̃ is never degenerate. */
    public static final double MAX_SIGMA = 1.0 / 3;

    private final double sigma;

    /**
     * @param sigma the half-width σ of the uniform distributions (dimensionless)
     * @throws IllegalArgumentException when σ is not in [0, 1/3)
     */
    public LatticeNoise(double sigma) {
        if (!(sigma >= 0 && sigma < MAX_SIGMA)) {
            throw new IllegalArgumentException("lattice noise sigma must lie in [0, 1/3), got " + sigma);
        }
        this.sigma = sigma;
    }

    public double sigma() {
        return sigma;
    }

    /** One random matrix S (row-major draws, see the class comment). */
    public double[][] sampleMatrix(SplittableRandom random) {
        double[][] s = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                s[i][j] = i == j ? Seeds.uniform(random, 1 - sigma, 1 + sigma) : Seeds.uniform(random, -sigma, sigma);
            }
        }
        return s;
    }

    /** The lattice S·L for a drawn S. */
    public Lattice apply(Lattice lattice, SplittableRandom random) {
        return Lattice.fromMatrix(Matrix3.multiply(sampleMatrix(random), lattice.matrix()));
    }

    @Override
    public Structure apply(Structure structure, SplittableRandom random) {
        return structure.withLattice(apply(structure.lattice(), random));
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "lattice noise sigma=%s", sigma);
    }
}
