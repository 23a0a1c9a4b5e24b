package org.pxrd.ui.refine;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.pxrd.optimization.optimizers.Optimizers;
import org.pxrd.optimization.refine.LearningRates;
import org.pxrd.optimization.refine.MultiStart;
import org.pxrd.optimization.refine.ParameterGroup;
import org.pxrd.optimization.refine.RefinementOptions;
import org.pxrd.optimization.refine.StopRule;

/**
 * What the refinement view's form says: the contributions (loss, projector, optimizer, by id from their
 * registries), the refined parameter groups, their learning rates and the stop rule.
 *
 * @param loss the loss id ({@code org.pxrd.losses.lossFunctions})
 * @param projector the projector id ({@code org.pxrd.symmetry.projectors}), or {@value RefinementOptions#NO_PROJECTOR}
 * @param optimizer the optimizer id ({@code org.pxrd.optimization.optimizers})
 * @param refine the parameter groups that move
 * @param rates the learning rate of every refined group ({@link LearningRates}: Å² per loss unit for a, b, c with
 *        gradient descent, deg² per loss unit for the angles, fractional units² per loss unit for coordinates)
 * @param maxSteps the step budget
 * @param tolerance converged when the loss changes by less than this (loss units) over {@code window} steps
 * @param window the steps the change is measured over
 * @param seed the seed of anything random in the run
 */
public record RefinementSettings(String loss, String projector, String optimizer, Set<ParameterGroup> refine,
        LearningRates rates, int maxSteps, double tolerance, int window, long seed) {

    /** The study's objective (negative cosine similarity). */
    public static final String DEFAULT_LOSS = "org.pxrd.losses.cosine";
    /** The projector onto the crystal family of the target's (else the start's) space group. */
    public static final String AUTO_PROJECTOR = "org.pxrd.symmetry.auto";

    /**
     * The study's refinement (the {@code paper} preset): cosine loss, the auto projector, plain gradient descent on
     * the lattice with the calibrated rates (lattice 5e-4 Å² and angles 0.3 deg² per loss unit, coordinates 0.1),
     * converged at a change below 1e-4 over 1000 steps, at most 30,000 steps. The profile rate (1e-4 deg² per loss
     * unit) is only a starting value for the form: the study refines no profile, so it has no calibrated one.
     */
    public static final RefinementSettings STUDY = new RefinementSettings(DEFAULT_LOSS, AUTO_PROJECTOR,
            Optimizers.GRADIENT_DESCENT, EnumSet.of(ParameterGroup.LATTICE),
            LearningRates.of(Map.of(ParameterGroup.LATTICE.id(), 5e-4, LearningRates.ANGLES, 0.3,
                    ParameterGroup.COORDINATES.id(), 0.1, ParameterGroup.PROFILE.id(), 1e-4)),
            StopRule.STUDY.maxSteps(), StopRule.STUDY.tolerance(), StopRule.STUDY.window(), 1);

    public RefinementSettings {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(projector, "projector");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(rates, "rates");
        refine = refine.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(refine));
    }

    /**
     * The engine's options.
     *
     * @throws IllegalArgumentException naming the problem (no group refined, a bad stop rule)
     */
    public RefinementOptions options() {
        return new RefinementOptions(loss, Map.of(), projector, Map.of(), refine, optimizer, Map.of(), rates,
                new StopRule(tolerance, window, maxSteps, Double.NaN), MultiStart.SINGLE, null, null);
    }

    public RefinementSettings withLoss(String id) {
        return new RefinementSettings(id, projector, optimizer, refine, rates, maxSteps, tolerance, window, seed);
    }

    public RefinementSettings withProjector(String id) {
        return new RefinementSettings(loss, id, optimizer, refine, rates, maxSteps, tolerance, window, seed);
    }

    public RefinementSettings withOptimizer(String id) {
        return new RefinementSettings(loss, projector, id, refine, rates, maxSteps, tolerance, window, seed);
    }

    public RefinementSettings withRefine(Set<ParameterGroup> groups) {
        return new RefinementSettings(loss, projector, optimizer, groups, rates, maxSteps, tolerance, window, seed);
    }

    public RefinementSettings withRates(LearningRates r) {
        return new RefinementSettings(loss, projector, optimizer, refine, r, maxSteps, tolerance, window, seed);
    }

    public RefinementSettings withStop(int steps, double tol, int stepWindow) {
        return new RefinementSettings(loss, projector, optimizer, refine, rates, steps, tol, stepWindow, seed);
    }
}
