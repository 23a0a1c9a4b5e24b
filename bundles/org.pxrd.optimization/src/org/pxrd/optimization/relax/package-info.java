/**
 * Relaxation of a structure on an energy potential: FIRE or BFGS over the atoms and, through a cell filter,
 * the unit cell, until every generalised force is below a threshold (the study uses fmax = 0.02 eV/Å).
 *
 * <p>{@link org.pxrd.optimization.relax.Relaxer} runs one relaxation with a
 * {@link org.pxrd.optimization.run.RunMonitor} of {@link org.pxrd.optimization.relax.RelaxationStep} events;
 * {@link org.pxrd.optimization.relax.CellFilter} defines the degrees of freedom;
 * {@link org.pxrd.optimization.relax.Fire} and {@link org.pxrd.optimization.relax.Bfgs} are the step rules,
 * written for any {@link org.pxrd.optimization.relax.Objective} over a vector of rows of three.
 */
package org.pxrd.optimization.relax;
