/**
 * Pattern losses: how far a simulated powder pattern is from a target, with the gradient on the simulated
 * pattern's 2θ grid that the simulator's adjoint turns into structure gradients.
 *
 * <p>{@link org.pxrd.losses.LossFunction} is the extension interface of {@code org.pxrd.losses.lossFunctions}
 * (schema {@code schema/lossFunctions.exsd}); {@link org.pxrd.losses.LossRegistry} lists and creates the
 * contributions; {@link org.pxrd.losses.PreparedLoss} is the checked, allocation-free, thread-safe entry point of
 * the refinement loop; {@link org.pxrd.losses.TwoThetaGrid} is the 2θ axis in degrees. The built-ins live in
 * {@code org.pxrd.losses.builtin}, each class stating its formula, gradient and literature.
 */
package org.pxrd.losses;
