package org.pxrd.optimization.refine;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.pxrd.optimization.optimizers.Optimizers;

/**
 * How to refine: which contributions (loss, projector, optimizer, and optionally a potential), which parameters
 * move with which learning rates, when to stop, and the beyond-the-study options. Ids may leave out their namespace
 * when unambiguous ({@code cosine}, {@code auto}, {@code adam}).
 *
 * @param loss the loss id ({@code org.pxrd.losses.lossFunctions})
 * @param lossSettings the loss's settings as text over its defaults
 * @param projector the projector id ({@code org.pxrd.symmetry.projectors}), or {@value #NO_PROJECTOR}
 * @param projectorSettings the projector's settings
 * @param refine the parameter groups that move (at least one)
 * @param optimizer the optimizer id ({@code org.pxrd.optimization.optimizers})
 * @param optimizerSettings the optimizer's settings
 * @param learningRates the rate of every refined group
 * @param stop the stop rule
 * @param multiStart the starts ({@link MultiStart#SINGLE}: one)
 * @param anneal annealed broadening, or null for none
 * @param energy the energy term, or null for none
 */
public record RefinementOptions(String loss, Map<String, String> lossSettings, String projector,
        Map<String, String> projectorSettings, Set<ParameterGroup> refine, String optimizer,
        Map<String, String> optimizerSettings, LearningRates learningRates, StopRule stop, MultiStart multiStart,
        AnnealSchedule anneal, EnergyTerm energy) {

    /** The projector id of an unconstrained refinement. */
    public static final String NO_PROJECTOR = "none";

    /**
     * @throws IllegalArgumentException for a missing loss or optimizer, no refined group, or annealing while the
     *         profile itself is refined
     */
    public RefinementOptions {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(learningRates, "learningRates");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(multiStart, "multiStart");
        lossSettings = Map.copyOf(lossSettings);
        projector = projector == null || projector.isBlank() ? NO_PROJECTOR : projector.trim();
        projectorSettings = Map.copyOf(projectorSettings);
        optimizerSettings = Map.copyOf(optimizerSettings);
        if (refine.isEmpty()) {
            throw new IllegalArgumentException("no parameter group to refine: give lattice, coordinates or both");
        }
        refine = Set.copyOf(EnumSet.copyOf(refine));
        if (anneal != null && refine.contains(ParameterGroup.PROFILE)) {
            throw new IllegalArgumentException("annealed broadening sets the Caglioti W itself: it cannot be used "
                    + "while the profile is refined");
        }
    }

    /**
     * The study's refinement: the given loss, projector, groups and learning rates, plain gradient descent, the
     * study's stop rule, one start, no annealing, no energy term.
     */
    public static RefinementOptions study(String loss, String projector, Set<ParameterGroup> refine,
            LearningRates learningRates) {
        return new RefinementOptions(loss, Map.of(), projector, Map.of(), refine, Optimizers.GRADIENT_DESCENT,
                Map.of(), learningRates, StopRule.STUDY, MultiStart.SINGLE, null, null);
    }

    /** Whether a projector is applied after every step. */
    public boolean hasProjector() {
        return !NO_PROJECTOR.equals(projector);
    }

    public RefinementOptions withLoss(String id, Map<String, String> settings) {
        return new RefinementOptions(id, settings, projector, projectorSettings, refine, optimizer, optimizerSettings,
                learningRates, stop, multiStart, anneal, energy);
    }

    public RefinementOptions withProjector(String id, Map<String, String> settings) {
        return new RefinementOptions(loss, lossSettings, id, settings, refine, optimizer, optimizerSettings,
                learningRates, stop, multiStart, anneal, energy);
    }

    public RefinementOptions withRefine(Set<ParameterGroup> groups) {
        return new RefinementOptions(loss, lossSettings, projector, projectorSettings, groups, optimizer,
                optimizerSettings, learningRates, stop, multiStart, anneal, energy);
    }

    public RefinementOptions withOptimizer(String id, Map<String, String> settings) {
        return new RefinementOptions(loss, lossSettings, projector, projectorSettings, refine, id, settings,
                learningRates, stop, multiStart, anneal, energy);
    }

    public RefinementOptions withLearningRates(LearningRates rates) {
        return new RefinementOptions(loss, lossSettings, projector, projectorSettings, refine, optimizer,
                optimizerSettings, rates, stop, multiStart, anneal, energy);
    }

    public RefinementOptions withStop(StopRule rule) {
        return new RefinementOptions(loss, lossSettings, projector, projectorSettings, refine, optimizer,
                optimizerSettings, learningRates, rule, multiStart, anneal, energy);
    }

    public RefinementOptions withMultiStart(MultiStart starts) {
        return new RefinementOptions(loss, lossSettings, projector, projectorSettings, refine, optimizer,
                optimizerSettings, learningRates, stop, starts, anneal, energy);
    }

    public RefinementOptions withAnneal(AnnealSchedule schedule) {
        return new RefinementOptions(loss, lossSettings, projector, projectorSettings, refine, optimizer,
                optimizerSettings, learningRates, stop, multiStart, schedule, energy);
    }

    public RefinementOptions withEnergy(EnergyTerm term) {
        return new RefinementOptions(loss, lossSettings, projector, projectorSettings, refine, optimizer,
                optimizerSettings, learningRates, stop, multiStart, anneal, term);
    }
}
