package org.pxrd.optimization.refine;

import org.pxrd.optimization.noise.CoordinateNoise;
import org.pxrd.optimization.noise.LatticeNoise;
import org.pxrd.optimization.noise.NoiseModel;
import org.pxrd.optimization.noise.Seeds;

/**
 * Multi-start, beyond the study: the refinement runs from {@code starts} points and keeps the one that ends with the
 * lowest objective. Start 0 is the given structure; start k ≥ 1 is the given structure perturbed by the study's
 * noise models in the refined groups only (lattice noise L̃ = S·L with half-width {@code latticeSigma} when the
 * lattice is refined, then coordinate noise N(0, {@code coordinateSigma}²) when the coordinates are), drawn from
 * {@link Seeds#stream}(seed, k − 1) with the run's seed: the starts, and so the result, depend on the seed only.
 *
 * @param starts the number of starts, ≥ 1
 * @param latticeSigma σ of the lattice noise of the extra starts (dimensionless, in [0, 1/3))
 * @param coordinateSigma σ of the coordinate noise of the extra starts (fractional units, ≥ 0)
 */
public record MultiStart(int starts, double latticeSigma, double coordinateSigma) {

    /** One start: no multi-start. */
    public static final MultiStart SINGLE = new MultiStart(1, 0, 0);
    /** Default σ of the lattice noise of extra starts: the study's smallest lattice noise level. */
    public static final double DEFAULT_LATTICE_SIGMA = 0.01;
    /** Default σ of the coordinate noise of extra starts (fractional units): the study's level 0.01. */
    public static final double DEFAULT_COORDINATE_SIGMA = 0.01;

    /**
     * @throws IllegalArgumentException for fewer than one start or an invalid σ
     */
    public MultiStart {
        if (starts < 1) {
            throw new IllegalArgumentException("multi-start needs at least 1 start, got " + starts);
        }
        new LatticeNoise(latticeSigma);
        new CoordinateNoise(coordinateSigma);
    }

    /** K starts with the default noise levels. */
    public static MultiStart of(int starts) {
        return new MultiStart(starts, DEFAULT_LATTICE_SIGMA, DEFAULT_COORDINATE_SIGMA);
    }

    /** The noise that makes the extra starts for a layout's refined groups. */
    NoiseModel noise(ParameterLayout layout) {
        NoiseModel lattice = new LatticeNoise(layout.isRefined(ParameterGroup.LATTICE) ? latticeSigma : 0);
        return layout.isRefined(ParameterGroup.COORDINATES) ? lattice.then(new CoordinateNoise(coordinateSigma))
                : lattice;
    }
}
