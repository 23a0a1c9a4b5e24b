/**
 * PXRD optimization: noise models, energy potentials, relaxation and (next) the refinement engine.
 *
 * <ul>
 * <li>{@link org.pxrd.optimization.noise}: the study's seeded lattice and coordinate noise.</li>
 * <li>{@link org.pxrd.optimization.run}: what every iterative run shares: step events, listeners, trace files,
 * progress and cancellation ({@link org.pxrd.optimization.run.RunMonitor}).</li>
 * <li>{@link org.pxrd.optimization.potentials}: energy, forces and stress of a structure through the extension
 * point {@code org.pxrd.optimization.potentials} (a built-in UFF Lennard-Jones pair potential and a bridge to
 * any ASE calculator in a Python worker).</li>
 * <li>{@link org.pxrd.optimization.relax}: FIRE and BFGS relaxation of atoms and cell.</li>
 * </ul>
 * Units: lengths in Å, energies in eV, forces in eV/Å, stress in eV/Å³ (ASE's sign convention), angles in degrees.
 */
package org.pxrd.optimization;
