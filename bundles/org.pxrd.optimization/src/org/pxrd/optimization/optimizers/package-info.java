/**
 * The step rules of the refinement engine, contributed through the extension point
 * {@code org.pxrd.optimization.optimizers} ({@link org.pxrd.optimization.optimizers.Optimizers} is its registry;
 * {@code schema/optimizers.exsd} the contract): an {@link org.pxrd.optimization.optimizers.Optimizer} starts a
 * {@link org.pxrd.optimization.optimizers.Stepper} per run, which moves the free parameters of a
 * {@link org.pxrd.optimization.optimizers.StepProblem} (point, objective, gradient, learning rates, projector) one
 * step at a time. Built-ins: the study's projected gradient descent, momentum, Adam and projected L-BFGS.
 */
package org.pxrd.optimization.optimizers;
