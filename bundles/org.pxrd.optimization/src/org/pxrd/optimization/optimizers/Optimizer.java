package org.pxrd.optimization.optimizers;

/**
 * A step rule of a projected refinement, contributed through the extension point {@value Optimizers#EXTENSION_POINT}
 * (the built-ins: {@link GradientDescent}, {@link Momentum}, {@link Adam}, {@link ProjectedLbfgs}).
 *
 * <p>An optimizer is an immutable, thread-safe factory configured by its declared settings (momentum, Adam's β₁
 * and β₂, the L-BFGS memory, ...). Each run asks it for a {@link Stepper}, which holds that run's state (velocity,
 * moments, curvature pairs) and is used by one thread.
 *
 * <p>The learning rates are not settings of the optimizer: they belong to the parameter groups of a refinement
 * (lattice, coordinates, instrument groups) and reach the stepper per parameter through
 * {@link StepProblem#learningRates()}.
 */
public interface Optimizer {

    /**
     * The state of one run over {@code dimension} free parameters, allocated once: a stepper allocates nothing
     * per step.
     */
    Stepper start(int dimension);
}
