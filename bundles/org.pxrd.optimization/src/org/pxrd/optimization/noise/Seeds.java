package org.pxrd.optimization.noise;

import java.util.SplittableRandom;

/**
 * Seeded random numbers that do not depend on the machine, the JDK or the number of threads.
 *
 * <ul>
 * <li>{@link #derive(long, long)}: the seed of run {@code index} of a batch with seed {@code seed}, a pure
 * function of both (so runs can execute in any order on any number of threads). It is the SplitMix64 output
 * function (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; the
 * "variant 13" mixer of D. Stafford) applied to {@code seed + (index + 1)·γ}, γ = 0x9e3779b97f4a7c15 (the
 * golden-ratio increment of the same paper).</li>
 * <li>{@link #gaussian(SplittableRandom)}: a standard normal deviate by Marsaglia's polar method (Marsaglia and
 * Bray, SIAM Review 6 (1964) 260), from two {@link SplittableRandom#nextDouble()} per attempt and
 * {@link StrictMath#log}, so the value is bit-for-bit the same on every platform (unlike
 * {@code nextGaussian()}, whose algorithm the JDK does not fix).</li>
 * </ul>
 */
public final class Seeds {

    /** The golden-ratio increment γ of SplitMix64. */
    static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private Seeds() {
    }

    /** The seed of run {@code index} (0, 1, ...) of a batch seeded with {@code seed}. */
    public static long derive(long seed, long index) {
        return mix64(seed + (index + 1) * GOLDEN_GAMMA);
    }

    /** The generator of run {@code index} of a batch seeded with {@code seed}. */
    public static SplittableRandom stream(long seed, long index) {
        return new SplittableRandom(derive(seed, index));
    }

    /** SplitMix64's output mixer (Stafford's variant 13). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * A standard normal deviate N(0, 1), Marsaglia's polar method: draw u, v uniform in (−1, 1) until
     * 0 < s = u² + v² < 1, then return u·√(−2 ln s / s) (the second deviate of the pair is not used, so the
     * generator's state is all a caller needs to reproduce a draw).
     */
    public static double gaussian(SplittableRandom random) {
        while (true) {
            double u = 2 * random.nextDouble() - 1;
            double v = 2 * random.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
            }
        }
    }

    /** A deviate uniform in [lo, hi): lo + (hi − lo)·u with u = {@link SplittableRandom#nextDouble()}. */
    public static double uniform(SplittableRandom random, double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }
}
