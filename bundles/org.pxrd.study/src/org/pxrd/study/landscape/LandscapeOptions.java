package org.pxrd.study.landscape;

import java.util.Map;
import java.util.Objects;

import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.optimization.refine.LearningRates;
import org.pxrd.optimization.refine.ParameterGroup;
import org.pxrd.optimization.refine.RefinementOptions;
import org.pxrd.optimization.refine.StopRule;
import org.pxrd.study.protocol.Presets;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.run.RefinementDistortionRun;

/**
 * What {@link Landscape#compute} computes.
 *
 * @param x the parameter along the horizontal axis
 * @param y the parameter along the vertical axis (not x)
 * @param span the relative half-width s of each axis: x from x₀(1 − s) to x₀(1 + s), 0 &lt; s &lt; 1
 * @param steps grid points per axis (at least 3; odd puts the truth on the grid)
 * @param loss the loss id ({@code org.pxrd.losses.lossFunctions}, e.g. {@code cosine})
 * @param lossSettings the loss's settings as text over its defaults
 * @param instrument the simulated measurement of the target and of every grid point
 * @param trajectories the number of distorted starts whose three refinements are drawn (0: none)
 * @param noise the lattice noise level σ of the starts (the study's L̃ = S·L, 0 &lt; σ &lt; 1/3)
 * @param projector the projector of the constrained refinements and of the constrained start
 * @param refinement the refinement of the trajectories: optimizer, learning rates, stop rule (its loss, projector
 *        and refined groups are set per trajectory)
 * @param seed the seed the starts derive from
 */
public record LandscapeOptions(LatticeParameter x, LatticeParameter y, double span, int steps, String loss,
        Map<String, String> lossSettings, InstrumentSettings instrument, int trajectories, double noise,
        String projector, RefinementOptions refinement, long seed) {

    /** The projector of the study's constrained runs: the truth's crystal family. */
    public static final String FAMILY_PROJECTOR = "org.pxrd.symmetry.auto";

    /** The lattice noise of trajectory starts unless given: the study's middle level. */
    public static final double DEFAULT_NOISE = 0.05;

    /** The seed of trajectory starts unless given: the study presets' seed. */
    public static final long DEFAULT_SEED = 20260410L;

    /**
     * @throws IllegalArgumentException naming the option that is out of range
     */
    public LandscapeOptions {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(refinement, "refinement");
        lossSettings = Map.copyOf(lossSettings);
        if (x == y) {
            throw new IllegalArgumentException("the two parameters of a landscape must differ, got " + x.symbol()
                    + " twice");
        }
        if (!(span > 0 && span < 1)) {
            throw new IllegalArgumentException("the span must lie in (0, 1) (a relative half-width), got " + span);
        }
        if (steps < 3) {
            throw new IllegalArgumentException("a landscape needs at least 3 steps per axis, got " + steps);
        }
        if (trajectories < 0) {
            throw new IllegalArgumentException("the number of trajectories must not be negative, got "
                    + trajectories);
        }
        if (!(noise > 0 && noise < 1.0 / 3)) {
            throw new IllegalArgumentException("the lattice noise of the starts must lie in (0, 1/3), got " + noise);
        }
    }

    /**
     * The study's landscape: the paper preset's instrument, and for trajectories its gradient descent with its
     * lattice and angle learning rates and stop rule, starts at lattice noise {@value #DEFAULT_NOISE}, the family
     * projector, seed {@value #DEFAULT_SEED}.
     */
    public static LandscapeOptions study(LatticeParameter x, LatticeParameter y, double span, int steps, String loss,
            int trajectories) {
        StudyDescription paper = Presets.load("paper");
        StudyDescription.StopRule s = paper.stop();
        RefinementOptions refinement = RefinementOptions.study(loss, RefinementOptions.NO_PROJECTOR,
                java.util.Set.of(ParameterGroup.LATTICE), LearningRates.of(paper.optimizer().learningRates()))
                .withOptimizer(paper.optimizer().id(), paper.optimizer().settings())
                .withStop(new StopRule(s.tolerance(), s.window(), s.maxSteps(), Double.NaN));
        return new LandscapeOptions(x, y, span, steps, loss, Map.of(),
                RefinementDistortionRun.instrument(paper.instrument()), trajectories, DEFAULT_NOISE,
                FAMILY_PROJECTOR, refinement, DEFAULT_SEED);
    }

    public LandscapeOptions withNoise(double sigma) {
        return new LandscapeOptions(x, y, span, steps, loss, lossSettings, instrument, trajectories, sigma, projector,
                refinement, seed);
    }

    public LandscapeOptions withSeed(long newSeed) {
        return new LandscapeOptions(x, y, span, steps, loss, lossSettings, instrument, trajectories, noise, projector,
                refinement, newSeed);
    }

    public LandscapeOptions withRefinement(RefinementOptions options) {
        return new LandscapeOptions(x, y, span, steps, loss, lossSettings, instrument, trajectories, noise, projector,
                options, seed);
    }
}
