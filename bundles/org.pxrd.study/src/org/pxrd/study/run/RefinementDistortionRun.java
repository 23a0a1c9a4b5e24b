package org.pxrd.study.run;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ExtensionSource;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.ProfileParameters;
import org.pxrd.diffraction.Radiation;
import org.pxrd.diffraction.TwoThetaGrid;
import org.pxrd.matching.Comparison;
import org.pxrd.matching.CrystalMatcher;
import org.pxrd.matching.Matchers;
import org.pxrd.model.Structure;
import org.pxrd.optimization.refine.LearningRates;
import org.pxrd.optimization.refine.ParameterGroup;
import org.pxrd.optimization.refine.Refinement;
import org.pxrd.optimization.refine.RefinementEngine;
import org.pxrd.optimization.refine.RefinementOptions;
import org.pxrd.optimization.refine.RefinementResult;
import org.pxrd.optimization.refine.RefinementTarget;
import org.pxrd.optimization.refine.StopRule;
import org.pxrd.optimization.run.RunMonitor;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyDescription.Condition;
import org.pxrd.study.protocol.StudyDescription.Labelled;
import org.pxrd.study.protocol.StudyDescription.Refined;

/**
 * The study's {@link DistortionRun} on the refinement engine of the optimization bundle (Segal et al. 2026,
 * section 2.4): projected gradient descent θ ← P(θ − η∇L) from the distorted start against the truth's own
 * simulated pattern, judged with the study's matcher and structural distance.
 *
 * <p>Steps of one run:
 * <ol>
 * <li>The run's {@link Refinement} (loss, projector, refined groups; the study's optimizer, learning rates, stop
 * rule and instrument), resolved once per combination by {@link #prepare} and shared by every thread.</li>
 * <li>{@link Refinement#run} refines the start against {@link RefinementTarget#structure(Structure) the truth}
 * (its pattern simulated with the study's instrument), polling the study's cancellation between steps.</li>
 * <li>The final structure is judged against the truth: the matcher's verdict and, for a match, its rms
 * (StructureMatcher: normalised by (V/n)^(1/3), dimensionless); the distance contribution's value
 * (e.g. AMD L∞ in Å) from the start and from the final structure to the truth.</li>
 * <li>XRD similarity, higher is more similar: s = −sign·L, with L the loss in its own units and sign +1 for a loss
 * that is minimised ({@code lowerIsBetter}), −1 for a figure of merit. For the negative-cosine loss this is the
 * cosine similarity, for MSE the negative mean squared error. At the start it is the refinement's first
 * evaluation, at the end its last: no extra simulation.</li>
 * </ol>
 * A refinement that fails (divergence, NaN, a projector that refuses the cell) is a FAILED outcome with the
 * engine's one-line message; a run cancelled by the study is a CANCELLED outcome (not recorded, rerun on resume).
 * Every run depends only on its input and the run's seed, so results do not depend on the threads.
 */
public final class RefinementDistortionRun implements DistortionRun {

    /** The prepared refinement of one (refined groups, loss, projector) combination. */
    private record Key(Refined refine, String loss, String projector) {
    }

    private final Map<Key, Refinement> refinements;
    private final CrystalMatcher matcher;
    private final CrystalMatcher distance;

    private RefinementDistortionRun(Map<Key, Refinement> refinements, CrystalMatcher matcher,
            CrystalMatcher distance) {
        this.refinements = Map.copyOf(refinements);
        this.matcher = matcher;
        this.distance = distance;
    }

    /**
     * Resolves every contribution a study names (losses, projectors, optimizer, matcher, distance) once, so that
     * an unknown id or a bad setting stops the study before its first run.
     *
     * @throws ContributionException naming the contribution and the problem, in one line
     * @throws IllegalArgumentException for learning rates, a stop rule or an instrument the engine refuses
     */
    public static RefinementDistortionRun prepare(ExtensionSource source, StudyDescription study)
            throws ContributionException {
        RefinementEngine engine = new RefinementEngine(source);
        InstrumentSettings instrument = instrument(study.instrument());
        StudyDescription.StopRule s = study.stop();
        StopRule stop = new StopRule(s.tolerance(), s.window(), s.maxSteps(),
                s.maxSeconds() == null ? Double.NaN : s.maxSeconds());
        Map<Key, Refinement> refinements = new HashMap<>();
        for (Condition c : study.conditions()) {
            for (Labelled loss : study.losses()) {
                for (Labelled projector : c.projectors()) {
                    Key key = new Key(c.refine(), loss.label(), projector.label());
                    if (refinements.containsKey(key)) {
                        continue;
                    }
                    LearningRates rates = LearningRates.of(study.optimizer().learningRates(loss.label()));
                    RefinementOptions options = RefinementOptions.study(loss.id(), projector.id(),
                            groups(c.refine()), rates)
                            .withLoss(loss.id(), loss.contribution().settings())
                            .withProjector(projector.id(), projector.contribution().settings())
                            .withOptimizer(study.optimizer().id(), study.optimizer().settings())
                            .withStop(stop);
                    refinements.put(key, engine.prepare(options, instrument));
                }
            }
        }
        Matchers matchers = new Matchers(source);
        CrystalMatcher matcher = matchers.create(study.matcher().id(), study.matcher().settings());
        CrystalMatcher distance = matchers.create(study.distance().id(), study.distance().settings());
        return new RefinementDistortionRun(refinements, matcher, distance);
    }

    /**
     * The simulator settings of a study's instrument: its wavelength (Å, one line), 2θ grid (degrees), Caglioti
     * U, V, W (deg²) and pseudo-Voigt η, zero shift 0; otherwise the study's settings
     * ({@link InstrumentSettings#study}: unit-area peaks, pattern maximum 1, exact tails).
     */
    public static InstrumentSettings instrument(StudyDescription.Instrument i) {
        return InstrumentSettings.study(Radiation.of(i.wavelength()))
                .withGrid(new TwoThetaGrid(i.twoThetaMin(), i.twoThetaMax(), i.twoThetaStep()))
                .withProfile(new ProfileParameters(i.u(), i.v(), i.w(), i.eta(), 0));
    }

    /** The engine's parameter groups of a study's refined parameters. */
    static Set<ParameterGroup> groups(Refined refine) {
        return switch (refine) {
            case LATTICE -> EnumSet.of(ParameterGroup.LATTICE);
            case COORDINATES -> EnumSet.of(ParameterGroup.COORDINATES);
            case BOTH -> EnumSet.of(ParameterGroup.LATTICE, ParameterGroup.COORDINATES);
        };
    }

    @Override
    public RunOutcome run(RunInput input) {
        RunSpec spec = input.spec();
        Refinement refinement = refinements.get(new Key(spec.refine(), spec.loss().label(),
                spec.projector().label()));
        if (refinement == null) {
            throw new IllegalArgumentException("run " + spec.id() + " is not of the study this run function was "
                    + "prepared for");
        }
        RefinementResult r = refinement.run(input.start(), RefinementTarget.structure(input.truth()), spec.seed(),
                new RunMonitor<>(input.cancellation()));
        if (r.status() == RunStatus.CANCELLED) {
            return new RunOutcome(RunStatus.CANCELLED, r.message(), r.steps(), r.structure(), Double.NaN, Double.NaN,
                    false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        if (r.status() == RunStatus.FAILED) {
            return RunOutcome.failed(r.message(), r.steps(), r.structure());
        }
        Structure end = r.structure();
        Comparison verdict = matcher.compare(end, input.truth());
        double sign = refinement.lossSign();
        return new RunOutcome(r.status(), r.message(), r.steps(), end, r.initialXrdLoss(), r.finalXrdLoss(),
                verdict.match(), verdict.match() ? verdict.distance() : Double.NaN,
                distance.compare(input.start(), input.truth()).distance(),
                distance.compare(end, input.truth()).distance(), -sign * r.initialXrdLoss(),
                -sign * r.finalXrdLoss());
    }
}
