package org.pxrd.losses;

import org.pxrd.model.Pattern;

/**
 * A loss comparing a simulated powder pattern with a target pattern, contributed through the extension point
 * {@value LossRegistry#EXTENSION_POINT}. The contribution element carries the name, description, literature
 * reference and {@code lowerIsBetter} flag ({@link LossRegistry#reference}, {@link LossRegistry#lowerIsBetter});
 * the class computes.
 *
 * <h2>Use from the refinement engine (hot path)</h2>
 * <pre>{@code
 * LossFunction loss = new LossRegistry(extensionSource).create("cosine");   // once per run
 * PreparedLoss prepared = loss.prepare(grid);                                 // once per grid, validates it
 * double[] gradient = new double[grid.size()];                                // owned by the caller (per thread)
 * double l = prepared.valueAndGradient(sim, target, gradient);                // thousands of times, any thread
 * }</pre>
 * {@code gradient} is ∂L/∂sim on the 2θ grid of {@code sim}: the input of the simulator's adjoint. Prepared losses
 * are thread-safe and do not allocate per call.
 *
 * <h2>Implementing a loss</h2>
 * Implement {@link #evaluator} (and {@link #requiresEqualGrids} when the loss can compare patterns on different
 * grids), with a public constructor taking {@code org.pxrd.core.extensions.Settings} or none. A loss that needs
 * nothing from the grids can implement {@link LossEvaluator} itself and return {@code this}. The default methods
 * of this interface are the checked entry points; there is no need to override them.
 */
public interface LossFunction {

    /**
     * Whether the simulated and target patterns must be sampled on the same 2θ grid (true for losses that compare
     * point by point, the default), or may come on different grids.
     */
    default boolean requiresEqualGrids() {
        return true;
    }

    /**
     * Precomputes what depends on the grids and returns the computation. Called once per pair of grids; when
     * {@link #requiresEqualGrids} is true both grids are the same ({@link TwoThetaGrid#sameAs}).
     *
     * @throws IllegalArgumentException when the grids do not suit the loss (e.g. a non-uniform grid for a loss
     *         whose widths are given in degrees), with a one-line message
     */
    LossEvaluator evaluator(TwoThetaGrid simGrid, TwoThetaGrid targetGrid);

    /**
     * The checked loss for patterns on these grids.
     *
     * @throws IllegalArgumentException when the loss needs equal grids and they differ, or the grids do not suit it
     */
    default PreparedLoss prepare(TwoThetaGrid simGrid, TwoThetaGrid targetGrid) {
        return new PreparedLoss(this, simGrid, targetGrid);
    }

    /** The checked loss for two patterns on the same grid. */
    default PreparedLoss prepare(TwoThetaGrid grid) {
        return prepare(grid, grid);
    }

    /**
     * L(sim, target) for two patterns, checking their grids first.
     *
     * @throws IllegalArgumentException naming both patterns when the loss needs equal grids and they differ, or
     *         when the patterns lie outside the loss's domain
     */
    default double value(Pattern sim, Pattern target) {
        return prepareFor(sim, target).value(sim.intensityArray(), target.intensityArray());
    }

    /**
     * L(sim, target), with ∂L/∂sim written into {@code gradient} (length {@code sim.size()}).
     *
     * @throws IllegalArgumentException as {@link #value(Pattern, Pattern)}, or for a gradient of the wrong length
     */
    default double valueAndGradient(Pattern sim, Pattern target, double[] gradient) {
        return prepareFor(sim, target).valueAndGradient(sim.intensityArray(), target.intensityArray(), gradient);
    }

    private PreparedLoss prepareFor(Pattern sim, Pattern target) {
        TwoThetaGrid simGrid = TwoThetaGrid.of(sim);
        TwoThetaGrid targetGrid = TwoThetaGrid.of(target);
        if (requiresEqualGrids() && !simGrid.sameAs(targetGrid)) {
            throw new IllegalArgumentException(PreparedLoss.differentGrids(sim.name(), simGrid, target.name(),
                    targetGrid));
        }
        return prepare(simGrid, targetGrid);
    }
}
