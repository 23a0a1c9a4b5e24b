package org.pxrd.study.landscape;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ExtensionSource;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.XrdSession;
import org.pxrd.diffraction.XrdSimulator;
import org.pxrd.diffraction.XrdSimulators;
import org.pxrd.losses.LossFunction;
import org.pxrd.losses.LossRegistry;
import org.pxrd.losses.PreparedLoss;
import org.pxrd.losses.TwoThetaGrid;
import org.pxrd.model.Structure;
import org.pxrd.optimization.noise.LatticeNoise;
import org.pxrd.optimization.noise.Seeds;
import org.pxrd.optimization.refine.ParameterGroup;
import org.pxrd.optimization.refine.Refinement;
import org.pxrd.optimization.refine.RefinementEngine;
import org.pxrd.optimization.refine.RefinementOptions;
import org.pxrd.optimization.refine.RefinementResult;
import org.pxrd.optimization.refine.RefinementStep;
import org.pxrd.optimization.refine.RefinementTarget;
import org.pxrd.optimization.run.CancellationToken;
import org.pxrd.optimization.run.RunMonitor;
import org.pxrd.study.landscape.LandscapeSlice.GridPoint;
import org.pxrd.study.landscape.LandscapeSlice.Kind;
import org.pxrd.study.landscape.LandscapeSlice.Trajectory;
import org.pxrd.symmetry.ParameterVector;
import org.pxrd.symmetry.ProjectorRegistry;
import org.pxrd.symmetry.SymmetryProjector.Projection;

/**
 * Loss landscapes over two lattice parameters (Segal et al. 2026, Fig. 3): UI-free, for the {@code pxrd
 * landscape} command and the workbench's landscape view.
 *
 * <p>{@link #compute}:
 * <ol>
 * <li>The target: the truth's pattern, simulated with the options' instrument.</li>
 * <li>The grid: x_i = x₀ (1 + s (2i/(n−1) − 1)), i = 0..n−1, with x₀ the truth's value, s the relative span and n
 * the steps; the same for y. With an odd n the middle point is exactly the truth.</li>
 * <li>Every row j (one y) on one of the worker threads, with its own simulator session: for every column i, the
 * truth's lattice with x = x_i and y = y_j (the other four parameters and every fractional coordinate at the
 * truth), its simulated pattern and L(pattern, target). Parameters that describe no cell give NaN. The rows are
 * independent, so the grid does not depend on the number of threads.</li>
 * <li>The strict local minima of the grid ({@link LandscapeSlice#localMinima}).</li>
 * <li>Trajectories (when asked for): start k is the truth under the study's lattice noise at the options' level,
 * drawn from {@code Seeds.derive(seed, k)}; from it three refinements of the six lattice parameters with the
 * options' refinement (the study's gradient descent, learning rates and stop rule) against the same target:
 * unconstrained; unconstrained from the start projected onto the truth's crystal family; constrained (the
 * family projector after every step). The path of each is its (x, y) after every step.</li>
 * </ol>
 */
public final class Landscape {

    private final XrdSimulators simulators;
    private final LossRegistry losses;
    private final ProjectorRegistry projectors;
    private final RefinementEngine engine;

    public Landscape(ExtensionSource source) {
        this.simulators = new XrdSimulators(source);
        this.losses = new LossRegistry(source);
        this.projectors = new ProjectorRegistry(source);
        this.engine = new RefinementEngine(source);
    }

    /**
     * Computes a landscape.
     *
     * @param truth the ground truth (its lattice is the slice's centre, its pattern the target)
     * @param threads worker threads (at least 1)
     * @param rowsDone called with the number of finished rows after each row (from worker threads), or null
     * @param cancellation stops the computation at the next row or step; a cancelled computation throws
     * @throws ContributionException for an unknown loss or projector, or settings they refuse (one line)
     * @throws IllegalArgumentException when the truth cannot be simulated or the computation was cancelled
     */
    public LandscapeSlice compute(Structure truth, LandscapeOptions options, int threads, IntConsumer rowsDone,
            CancellationToken cancellation) throws ContributionException {
        if (threads < 1) {
            throw new IllegalArgumentException("a landscape needs at least 1 thread, got " + threads);
        }
        LossFunction loss = losses.create(options.loss(), options.lossSettings());
        String lossId = losses.get(options.loss()).id();
        XrdSimulator simulator = simulators.defaultSimulator();
        InstrumentSettings instrument = options.instrument();
        double[] target = simulator.pattern(truth, instrument).intensityArray();
        PreparedLoss prepared = loss.prepare(TwoThetaGrid.of(instrument.grid().centres()));

        double[] lattice = truth.lattice().parameters();
        double truthX = lattice[options.x().index()];
        double truthY = lattice[options.y().index()];
        double[] xs = axis(truthX, options.span(), options.steps());
        double[] ys = axis(truthY, options.span(), options.steps());
        double[][] values = new double[ys.length][];

        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "pxrd-landscape");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicInteger done = new AtomicInteger();
            List<Future<double[]>> rows = new ArrayList<>();
            for (double y : ys) {
                rows.add(pool.submit(() -> {
                    if (cancellation.isCancelled()) {
                        return null;
                    }
                    double[] row = row(simulator.open(truth, instrument), prepared, target, lattice, options, xs, y);
                    if (rowsDone != null) {
                        rowsDone.accept(done.incrementAndGet());
                    }
                    return row;
                }));
            }
            List<Future<Trajectory>> paths = trajectories(truth, options, pool, cancellation);
            for (int j = 0; j < ys.length; j++) {
                values[j] = rows.get(j).get();
            }
            List<Trajectory> trajectories = new ArrayList<>();
            for (Future<Trajectory> f : paths) {
                trajectories.add(f.get());
            }
            if (cancellation.isCancelled()) {
                throw new IllegalArgumentException("the landscape computation was cancelled");
            }
            List<GridPoint> minima = LandscapeSlice.localMinima(xs, ys, values);
            return new LandscapeSlice(options.x(), options.y(), xs, ys, values, truthX, truthY, minima, trajectories,
                    lossId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("the landscape computation was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** x₀ (1 + s (2i/(n−1) − 1)), i = 0..n−1: exactly x₀ in the middle of an odd n. */
    static double[] axis(double centre, double span, int steps) {
        double[] v = new double[steps];
        for (int i = 0; i < steps; i++) {
            v[i] = centre * (1 + span * (2.0 * i / (steps - 1) - 1));
        }
        return v;
    }

    /** One row of the grid: L at every x for this y, in one session whose lattice is reset per point. */
    private static double[] row(XrdSession session, PreparedLoss loss, double[] target, double[] truthLattice,
            LandscapeOptions options, double[] xs, double y) {
        double[] pattern = new double[session.patternSize()];
        double[] p = truthLattice.clone();
        double[] row = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            p[options.x().index()] = xs[i];
            p[options.y().index()] = y;
            try {
                session.setLatticeParameters(p);
                session.computePattern(pattern);
                row[i] = loss.value(pattern, target);
            } catch (IllegalArgumentException noCell) {
                // the parameters describe no cell (e.g. angles that close it) or a pattern the loss refuses
                row[i] = Double.NaN;
            }
        }
        return row;
    }

    private List<Future<Trajectory>> trajectories(Structure truth, LandscapeOptions options, ExecutorService pool,
            CancellationToken cancellation) throws ContributionException {
        List<Future<Trajectory>> paths = new ArrayList<>();
        if (options.trajectories() == 0) {
            return paths;
        }
        RefinementOptions base = options.refinement().withRefine(EnumSet.of(ParameterGroup.LATTICE))
                .withLoss(options.loss(), options.lossSettings());
        Refinement free = engine.prepare(base.withProjector(RefinementOptions.NO_PROJECTOR, Map.of()),
                options.instrument());
        Refinement constrained = engine.prepare(base.withProjector(options.projector(), Map.of()),
                options.instrument());
        Projection family;
        try {
            family = projectors.create(options.projector()).prepare(truth);
        } catch (IllegalArgumentException e) {
            throw new ContributionException("projector " + options.projector() + ": " + e.getMessage(), e);
        }
        LatticeNoise noise = new LatticeNoise(options.noise());
        for (int k = 0; k < options.trajectories(); k++) {
            long seed = Seeds.derive(options.seed(), k);
            Structure start = noise.apply(truth, seed);
            Structure projected = ParameterVector.toStructure(start, family.apply(ParameterVector.of(start)));
            int index = k;
            paths.add(pool.submit(() -> path(free, start, truth, seed, index, Kind.UNCONSTRAINED, options,
                    cancellation)));
            paths.add(pool.submit(() -> path(free, projected, truth, seed, index,
                    Kind.UNCONSTRAINED_FROM_CONSTRAINED_START, options, cancellation)));
            paths.add(pool.submit(() -> path(constrained, start, truth, seed, index, Kind.CONSTRAINED, options,
                    cancellation)));
        }
        return paths;
    }

    private static Trajectory path(Refinement refinement, Structure start, Structure truth, long seed, int index,
            Kind kind, LandscapeOptions options, CancellationToken cancellation) {
        List<double[]> points = new ArrayList<>();
        RunMonitor<RefinementStep> monitor = new RunMonitor<RefinementStep>(cancellation.child()).onStep(step -> {
            double[] l = step.lattice();
            points.add(new double[] {l[options.x().index()], l[options.y().index()], step.xrdLoss()});
        });
        RefinementResult result = refinement.run(start, RefinementTarget.structure(truth), seed, monitor);
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        double[] ls = new double[points.size()];
        for (int s = 0; s < points.size(); s++) {
            xs[s] = points.get(s)[0];
            ys[s] = points.get(s)[1];
            ls[s] = points.get(s)[2];
        }
        return new Trajectory(index, kind, xs, ys, ls, result.status().name());
    }
}
