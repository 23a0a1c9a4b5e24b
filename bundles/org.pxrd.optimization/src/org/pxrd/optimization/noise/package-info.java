/**
 * The study's noise models (Segal et al., Digital Discovery 2026, section 2): seeded perturbations of a
 * structure's lattice ({@link org.pxrd.optimization.noise.LatticeNoise}) and fractional coordinates
 * ({@link org.pxrd.optimization.noise.CoordinateNoise}). Every draw comes from a
 * {@link java.util.SplittableRandom} (SplitMix64, whose output sequence the JDK specifies) and only uses
 * {@link java.util.SplittableRandom#nextDouble()} and {@link java.lang.StrictMath}, so a seed gives the same
 * structure on any machine and JDK; {@link org.pxrd.optimization.noise.Seeds#derive} gives the runs of a batch
 * their own seeds independently of thread scheduling.
 */
package org.pxrd.optimization.noise;
