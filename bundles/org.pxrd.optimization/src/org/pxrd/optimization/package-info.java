/**
 * PXRD optimization: noise models, energy potentials, relaxation, optimizers and the refinement engine.
 *
 * <ul>
 * <li>{@link org.pxrd.optimization.noise}: the study's seeded lattice and coordinate noise.</li>
 * <li>{@link org.pxrd.optimization.run}: what every iterative run shares: step events, listeners, trace files,
 * progress and cancellation ({@link org.pxrd.optimization.run.RunMonitor}).</li>
 * <li>{@link org.pxrd.optimization.potentials}: energy, forces and stress of a structure through the extension
 * point {@code org.pxrd.optimization.potentials} (a built-in UFF Lennard-Jones pair potential and a bridge to
 * any ASE calculator in a Python worker).</li>
 * <li>{@link org.pxrd.optimization.relax}: FIRE and BFGS relaxation of atoms and cell.</li>
 * <li>{@link org.pxrd.optimization.optimizers}: the step rules of refinements through the extension point
 * {@code org.pxrd.optimization.optimizers} (gradient descent, momentum, Adam, projected L-BFGS).</li>
 * <li>{@link org.pxrd.optimization.refine}: the refinement engine, structure against structure or pattern, projected
 * after every step, with multi-start, annealed broadening and an energy term.</li>
 * </ul>
 * Units: lengths in Å, energies in eV, forces in eV/Å, stress in eV/Å³ (ASE's sign convention), angles in degrees.
 */
package org.pxrd.optimization;
