package org.pxrd.optimization.refine;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.pxrd.diffraction.InstrumentParameter;
import org.pxrd.diffraction.InstrumentParameters;
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
 * @param instrument the parameters of the {@link ParameterGroup#INSTRUMENT} group (empty: the group is not refined;
 *        not empty: it is); {@code scale} among them is solved in closed form against a measured target
 */
public record RefinementOptions(String loss, Map<String, String> lossSettings, String projector,
        Map<String, String> projectorSettings, Set<ParameterGroup> refine, String optimizer,
        Map<String, String> optimizerSettings, LearningRates learningRates, StopRule stop, MultiStart multiStart,
        AnnealSchedule anneal, EnergyTerm energy, InstrumentParameters instrument) {

    /** The projector id of an unconstrained refinement. */
    public static final String NO_PROJECTOR = "none";

    /**
     * The loss id of the Rietveld residual against a measured target ({@link RefinementTarget#measured}):
     * f = Σ w (y_o − y_c)² / Σ w y_o² = R_wp², with the target's own weights w = 1/σ² and its fixed background in
     * y_c. It is not a contribution of {@code org.pxrd.losses.lossFunctions} because it needs the target's weights
     * and background (the registry's {@code rwp} loss derives Poisson weights from the target intensities, which
     * are wrong after a background subtraction).
     */
    public static final String RESIDUAL = "residual";

    /** Options without an instrument selection (the study's). */
    public RefinementOptions(String loss, Map<String, String> lossSettings, String projector,
            Map<String, String> projectorSettings, Set<ParameterGroup> refine, String optimizer,
            Map<String, String> optimizerSettings, LearningRates learningRates, StopRule stop, MultiStart multiStart,
            AnnealSchedule anneal, EnergyTerm energy) {
        this(loss, lossSettings, projector, projectorSettings, refine, optimizer, optimizerSettings, learningRates,
                stop, multiStart, anneal, energy, InstrumentParameters.of());
    }

    /**
     * @throws IllegalArgumentException for a missing loss or optimizer, no refined group, or annealing while the
     *         profile (or U, V, W in the instrument group) is refined
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
        instrument = instrument == null ? InstrumentParameters.of() : instrument;
        EnumSet<ParameterGroup> groups = refine.isEmpty() ? EnumSet.noneOf(ParameterGroup.class)
                : EnumSet.copyOf(refine);
        if (instrument.size() > 0) {
            groups.add(ParameterGroup.INSTRUMENT);
        } else if (groups.contains(ParameterGroup.INSTRUMENT)) {
            throw new IllegalArgumentException("the instrument group is refined but no instrument parameter is "
                    + "chosen (e.g. zero,scale,W)");
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no parameter group to refine: give lattice, coordinates or both");
        }
        refine = Set.copyOf(groups);
        boolean widths = refine.contains(ParameterGroup.PROFILE) || instrument.parameters().stream().anyMatch(
                p -> p == InstrumentParameter.U || p == InstrumentParameter.V || p == InstrumentParameter.W);
        if (anneal != null && widths) {
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

    /** These options refining the given instrument parameters (empty: the instrument group is not refined). */
    public RefinementOptions withInstrument(InstrumentParameters parameters) {
        EnumSet<ParameterGroup> groups = EnumSet.copyOf(refine);
        if (parameters.size() == 0) {
            groups.remove(ParameterGroup.INSTRUMENT);
        }
        return new RefinementOptions(loss, lossSettings, projector, projectorSettings, groups, optimizer,
                optimizerSettings, learningRates, stop, multiStart, anneal, energy, parameters);
    }

    /** Whether the objective is the Rietveld residual {@value #RESIDUAL}. */
    public boolean isResidual() {
        return RESIDUAL.equals(loss.trim());
    }

    /** Whether a projector is applied after every step. */
    public boolean hasProjector() {
        return !NO_PROJECTOR.equals(projector);
    }

    public RefinementOptions withLoss(String id, Map<String, String> settings) {
        return new RefinementOptions(id, settings, projector, projectorSettings, refine, optimizer, optimizerSettings,
                learningRates, stop, multiStart, anneal, energy, instrument);
    }

    public RefinementOptions withProjector(String id, Map<String, String> settings) {
        return new RefinementOptions(loss, lossSettings, id, settings, refine, optimizer, optimizerSettings,
                learningRates, stop, multiStart, anneal, energy, instrument);
    }

    public RefinementOptions withRefine(Set<ParameterGroup> groups) {
        return new RefinementOptions(loss, lossSettings, projector, projectorSettings, groups, optimizer,
                optimizerSettings, learningRates, stop, multiStart, anneal, energy, instrument);
    }

    public RefinementOptions withOptimizer(String id, Map<String, String> settings) {
        return new RefinementOptions(loss, lossSettings, projector, projectorSettings, refine, id, settings,
                learningRates, stop, multiStart, anneal, energy, instrument);
    }

    public RefinementOptions withLearningRates(LearningRates rates) {
        return new RefinementOptions(loss, lossSettings, projector, projectorSettings, refine, optimizer,
                optimizerSettings, rates, stop, multiStart, anneal, energy, instrument);
    }

    public RefinementOptions withStop(StopRule rule) {
        return new RefinementOptions(loss, lossSettings, projector, projectorSettings, refine, optimizer,
                optimizerSettings, learningRates, rule, multiStart, anneal, energy, instrument);
    }

    public RefinementOptions withMultiStart(MultiStart starts) {
        return new RefinementOptions(loss, lossSettings, projector, projectorSettings, refine, optimizer,
                optimizerSettings, learningRates, stop, starts, anneal, energy, instrument);
    }

    public RefinementOptions withAnneal(AnnealSchedule schedule) {
        return new RefinementOptions(loss, lossSettings, projector, projectorSettings, refine, optimizer,
                optimizerSettings, learningRates, stop, multiStart, schedule, energy, instrument);
    }

    public RefinementOptions withEnergy(EnergyTerm term) {
        return new RefinementOptions(loss, lossSettings, projector, projectorSettings, refine, optimizer,
                optimizerSettings, learningRates, stop, multiStart, anneal, term, instrument);
    }
}
