package org.pxrd.optimization.noise;

import java.util.SplittableRandom;

import org.pxrd.model.Structure;

/**
 * A random perturbation of a structure. Implementations are immutable and thread-safe; all randomness comes
 * from the generator passed in, in a documented order, so the same seed gives the same structure everywhere.
 */
public interface NoiseModel {

    /** A perturbed copy of {@code structure}, drawing from {@code random}. */
    Structure apply(Structure structure, SplittableRandom random);

    /** A perturbed copy of {@code structure} for a seed: {@code apply(structure, new SplittableRandom(seed))}. */
    default Structure apply(Structure structure, long seed) {
        return apply(structure, new SplittableRandom(seed));
    }

    /** This model, then {@code next}, drawing from the same generator in that order. */
    default NoiseModel then(NoiseModel next) {
        NoiseModel first = this;
        return new NoiseModel() {
            @Override
            public Structure apply(Structure structure, SplittableRandom random) {
                return next.apply(first.apply(structure, random), random);
            }

            @Override
            public String describe() {
                return first.describe() + " then " + next.describe();
            }
        };
    }

    /** A short description with the parameters, e.g. {@code lattice noise sigma=0.01}. */
    String describe();
}
