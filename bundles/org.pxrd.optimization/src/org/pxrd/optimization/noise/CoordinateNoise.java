package org.pxrd.optimization.noise;

import java.util.Locale;
import java.util.SplittableRandom;

import org.pxrd.model.Structure;

/**
 * The study's coordinate noise: every fractional coordinate becomes x + N(0, σ²), wrapped to [0, 1); the
 * lattice is kept. σ is in fractional units (a displacement of σ·a Å along a for a cell edge a).
 *
 * <p>Draw order: sites in order, x then y then z, each one {@link Seeds#gaussian} deviate.
 */
public final class CoordinateNoise implements NoiseModel {

    private final double sigma;

    /**
     * @param sigma standard deviation σ of the displacement in fractional units
     * @throws IllegalArgumentException when σ is negative or not finite
     */
    public CoordinateNoise(double sigma) {
        if (!(sigma >= 0 && Double.isFinite(sigma))) {
            throw new IllegalArgumentException("coordinate noise sigma must be finite and non-negative, got " + sigma);
        }
        this.sigma = sigma;
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public Structure apply(Structure structure, SplittableRandom random) {
        double[][] frac = structure.fracCoords();
        for (double[] f : frac) {
            for (int k = 0; k < 3; k++) {
                f[k] += sigma * Seeds.gaussian(random);
            }
        }
        return structure.withFracCoords(frac);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "coordinate noise sigma=%s", sigma);
    }
}
