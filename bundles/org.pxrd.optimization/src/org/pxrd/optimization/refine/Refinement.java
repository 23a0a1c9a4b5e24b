package org.pxrd.optimization.refine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.diffraction.InstrumentParameter;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.XrdSession;
import org.pxrd.diffraction.XrdSimulator;
import org.pxrd.diffraction.measured.MeasuredTarget;
import org.pxrd.losses.LossFunction;
import org.pxrd.losses.PreparedLoss;
import org.pxrd.losses.TwoThetaGrid;
import org.pxrd.model.Structure;
import org.pxrd.optimization.noise.NoiseModel;
import org.pxrd.optimization.noise.Seeds;
import org.pxrd.optimization.optimizers.Optimizer;
import org.pxrd.optimization.potentials.Potential;
import org.pxrd.optimization.potentials.Potentials;
import org.pxrd.optimization.refine.RefinementTarget.MeasuredPatternTarget;
import org.pxrd.optimization.refine.RefinementTarget.PatternTarget;
import org.pxrd.optimization.refine.RefinementTarget.StructureTarget;
import org.pxrd.optimization.run.RunMonitor;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.symmetry.SymmetryProjector;
import org.pxrd.symmetry.SymmetryProjector.Projection;

/**
 * A refinement whose contributions are resolved ({@link RefinementEngine#prepare}): run it on any number of starts
 * and targets, from any number of threads at once. Each {@link #run} is a pure function of its arguments (start,
 * target, seed): it opens its own simulator sessions and buffers and shares nothing mutable, so results do not
 * depend on the thread or on what ran before.
 *
 * <p>One run:
 * <ol>
 * <li>The parameter layout of the start's sites and the refined groups; a learning rate per free parameter.</li>
 * <li>The target pattern: a target structure simulated with the instrument, a pattern on its own points
 * ({@link Resampling}), or a measured target simulated on its points with raw intensities ({@link Objective}); the
 * loss prepared on the target's 2θ points (none for the Rietveld residual).</li>
 * <li>The projector prepared on the symmetry reference: the target structure when it has the start's sites (the
 * same elements in the same order, as a distorted truth has), else the start.</li>
 * <li>For every start ({@link MultiStart}): the step loop of {@link RefinementRun}; the best start is kept.</li>
 * </ol>
 * Whatever goes wrong in a run (bad input, a projector that refuses the cell, a divergence, a failing potential)
 * ends it {@link RunStatus#FAILED} with a one-line message; {@link #run} does not throw for it.
 */
public final class Refinement {

    private final RefinementOptions options;
    private final InstrumentSettings instrument;
    private final XrdSimulator simulator;
    private final LossFunction loss;
    private final String lossId;
    private final double lossSign;
    private final SymmetryProjector projector;
    private final Optimizer optimizer;
    private final String optimizerId;
    private final Potentials potentials;

    Refinement(RefinementOptions options, InstrumentSettings instrument, XrdSimulator simulator, LossFunction loss,
            String lossId, double lossSign, SymmetryProjector projector, Optimizer optimizer, String optimizerId,
            Potentials potentials) {
        this.options = options;
        this.instrument = instrument;
        this.simulator = simulator;
        this.loss = loss;
        this.lossId = lossId;
        this.lossSign = lossSign;
        this.projector = projector;
        this.optimizer = optimizer;
        this.optimizerId = optimizerId;
        this.potentials = potentials;
    }

    public RefinementOptions options() {
        return options;
    }

    /** The instrument the start (and a target structure) are simulated with. */
    public InstrumentSettings instrument() {
        return instrument;
    }

    /** The loss's full id. */
    public String lossId() {
        return lossId;
    }

    /** The optimizer's full id. */
    public String optimizerId() {
        return optimizerId;
    }

    /** +1 when the loss is minimised as it is, −1 for a figure of merit (lowerIsBetter = false). */
    public double lossSign() {
        return lossSign;
    }

    /** Refines without listeners or cancellation. */
    public RefinementResult run(Structure start, RefinementTarget target, long seed) {
        return run(start, target, seed, new RunMonitor<>());
    }

    /**
     * Refines {@code start} against {@code target}, emitting every step to the monitor's listeners and stopping soon
     * after it is cancelled.
     *
     * @param seed the seed of anything random in the run (the extra starts of a multi-start)
     */
    public RefinementResult run(Structure start, RefinementTarget target, long seed,
            RunMonitor<RefinementStep> monitor) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(monitor, "monitor");
        long t0 = System.nanoTime();
        if (start.size() == 0) {
            return failed("the start structure " + start.name() + " has no sites", start, t0);
        }
        ParameterLayout layout;
        double[] eta;
        Setup setup;
        try {
            layout = new ParameterLayout(start.size(), options.refine(), options.instrument());
            eta = options.learningRates().perParameter(layout);
            setup = setup(start, target);
        } catch (IllegalArgumentException e) {
            return failed(e.getMessage(), start, t0);
        }
        Potential potential = null;
        if (options.energy() != null) {
            try {
                potential = potentials.create(options.energy().potential(), options.energy().settings());
            } catch (ContributionException e) {
                return failed("energy term: " + e.getMessage(), start, t0);
            }
        }
        try {
            return runStarts(start, seed, monitor, layout, eta, setup, potential);
        } finally {
            if (potential != null) {
                potential.close();
            }
        }
    }

    private RefinementResult runStarts(Structure start, long seed, RunMonitor<RefinementStep> monitor,
            ParameterLayout layout, double[] eta, Setup setup, Potential potential) {
        MultiStart multi = options.multiStart();
        NoiseModel noise = multi.noise(layout);
        RefinementStep.Columns columns = new RefinementStep.Columns(layout, options.energy() != null,
                options.anneal() != null, multi.starts() > 1);
        List<RefinementResult> results = new ArrayList<>();
        for (int k = 0; k < multi.starts(); k++) {
            long t0 = System.nanoTime();
            Structure s = k == 0 ? start : noise.apply(start, Seeds.stream(seed, k - 1));
            RefinementResult r;
            try {
                double lambda = options.energy() == null ? 0 : options.energy().lambda();
                Objective objective = setup.measured == null
                        ? new Objective(layout, simulator, s, setup.instrument, setup.targetSession, setup.target,
                                setup.resampling, setup.loss, lossSign, potential, lambda)
                        : new Objective(layout, simulator, s, instrument, setup.measured, setup.loss, lossSign,
                                potential, lambda);
                double[] vector = layout.vector(s, instrument);
                r = new RefinementRun(layout, objective, setup.projection, optimizer, optimizerId, eta, options.stop(),
                        options.anneal(), monitor, columns, k, s, vector).run(t0);
            } catch (IllegalArgumentException e) {
                r = RefinementResult.failedBeforeStart(e.getMessage(), s, instrument, k, System.nanoTime() - t0);
            }
            results.add(r);
            if (r.status() == RunStatus.CANCELLED) {
                break;
            }
        }
        if (multi.starts() == 1) {
            return results.get(0);
        }
        return best(results).withStarts(results);
    }

    /** The lowest final objective among the starts that completed; else the cancelled one; else the first. */
    private static RefinementResult best(List<RefinementResult> results) {
        RefinementResult best = null;
        for (RefinementResult r : results) {
            if (r.status().completed() && (best == null || r.finalLoss() < best.finalLoss())) {
                best = r;
            }
        }
        if (best != null) {
            return best;
        }
        RefinementResult last = results.get(results.size() - 1);
        return last.status() == RunStatus.CANCELLED ? last : results.get(0);
    }

    /**
     * What every start of a run shares: target pattern, resampling, loss (null for the Rietveld residual) and
     * projection; for a measured target, the target.
     */
    private record Setup(InstrumentSettings instrument, XrdSession targetSession, double[] target,
            Resampling resampling, PreparedLoss loss, Projection projection, MeasuredTarget measured) {
    }

    private Setup setup(Structure start, RefinementTarget target) {
        InstrumentSettings run;
        XrdSession targetSession = null;
        double[] pattern;
        Resampling resampling;
        TwoThetaGrid points;
        MeasuredTarget measured = null;
        if (options.isResidual() && !(target instanceof MeasuredPatternTarget)) {
            throw new IllegalArgumentException("the loss " + RefinementOptions.RESIDUAL + " (the Rietveld residual) "
                    + "needs a measured target with weights; " + target.describe() + " is not one");
        }
        if (options.instrument().parameters().contains(InstrumentParameter.SCALE)
                && !(target instanceof MeasuredPatternTarget)) {
            throw new IllegalArgumentException("the scale factor is solved against a measured target only; "
                    + target.describe() + " is compared as a normalised pattern");
        }
        switch (target) {
            case StructureTarget t -> {
                run = instrument;
                targetSession = simulator.open(t.truth(), instrument);
                pattern = new double[targetSession.patternSize()];
                resampling = Resampling.identity(instrument.grid());
                points = TwoThetaGrid.of(instrument.grid().centres());
            }
            case PatternTarget t -> {
                resampling = Resampling.plan(t.pattern());
                run = instrument.withGrid(resampling.grid());
                pattern = t.pattern().intensityArray();
                points = TwoThetaGrid.of(t.pattern());
            }
            case MeasuredPatternTarget t -> {
                measured = t.measured();
                run = instrument.withGrid(measured.simulationGrid());
                pattern = measured.observed();
                resampling = Resampling.identity(run.grid());
                points = TwoThetaGrid.of(measured.twoTheta());
            }
        }
        PreparedLoss prepared = null;
        if (loss != null) {
            try {
                prepared = loss.prepare(points, points);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("loss " + lossId + ": " + e.getMessage(), e);
            }
        }
        Projection projection = null;
        if (projector != null) {
            Structure reference = target.structure().filter(t -> sameSites(t, start)).orElse(start);
            try {
                projection = projector.prepare(reference);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("projector " + options.projector() + ": " + e.getMessage(), e);
            }
        }
        return new Setup(run, targetSession, pattern, resampling, prepared, projection, measured);
    }

    /** Whether two structures have the same elements in the same site order. */
    static boolean sameSites(Structure a, Structure b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.site(i).element().equals(b.site(i).element())) {
                return false;
            }
        }
        return true;
    }

    private RefinementResult failed(String message, Structure start, long t0) {
        return RefinementResult.failedBeforeStart(message, start, instrument, 0, System.nanoTime() - t0);
    }
}
