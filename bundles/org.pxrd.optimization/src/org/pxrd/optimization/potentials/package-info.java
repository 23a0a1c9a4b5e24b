/**
 * Energy potentials: the energy, forces and stress of a periodic structure, contributed through the extension
 * point {@code org.pxrd.optimization.potentials} (schema {@code schema/potentials.exsd}) and created by the
 * registry {@link org.pxrd.optimization.potentials.Potentials}.
 *
 * <p>Built-ins: {@link org.pxrd.optimization.potentials.LennardJonesPotential} (UFF Lennard-Jones pair
 * potential, analytic forces and stress) and {@link org.pxrd.optimization.potentials.AsePotential} (any ASE
 * calculator, e.g. EMT, CHGNet or MACE, in a long-lived Python worker).
 */
package org.pxrd.optimization.potentials;
