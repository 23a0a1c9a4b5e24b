package org.pxrd.optimization.relax;

import java.util.Locale;

import org.pxrd.model.Structure;
import org.pxrd.optimization.potentials.Potential;
import org.pxrd.optimization.run.EvaluationException;
import org.pxrd.optimization.run.RunMonitor;
import org.pxrd.optimization.run.RunStatus;

/**
 * Relaxes a structure on a potential.
 *
 * <ol>
 * <li>Evaluate the start through a {@link CellFilter} and emit step 0.</li>
 * <li>Until stopped: converged when fmax &lt; the threshold, else out of steps, else cancelled (polled before
 * each step); otherwise one {@link Minimizer} step, then emit it.</li>
 * <li>If the potential throws (or the cell collapses, or a coordinate becomes NaN), the run ends
 * {@link RunStatus#FAILED} with that one-line message and the last good structure.</li>
 * </ol>
 * A relaxer holds no state between runs; it is as thread-safe as its potential (use one potential per thread
 * for parallel runs).
 */
public final class Relaxer {

    private final Potential potential;
    private final RelaxOptions options;

    public Relaxer(Potential potential, RelaxOptions options) {
        this.potential = potential;
        this.options = options;
    }

    public RelaxOptions options() {
        return options;
    }

    /** Relaxes without listeners or cancellation. */
    public RelaxationResult relax(Structure start) {
        return relax(start, new RunMonitor<>());
    }

    /** Relaxes, emitting every step to {@code monitor} and stopping when it is cancelled. */
    public RelaxationResult relax(Structure start, RunMonitor<RelaxationStep> monitor) {
        CellFilter filter = new CellFilter(start, potential, options.relaxCell());
        Minimizer minimizer = options.optimizer().create(options.maxStep());
        monitor.started(options.maxSteps());
        Point<CellFilter.Evaluated> point;
        try {
            point = filter.evaluate(filter.initialCoordinates());
        } catch (EvaluationException e) {
            return new RelaxationResult(RunStatus.FAILED, e.getMessage(), start, 0, null, null, Double.NaN,
                    Double.NaN);
        }
        Point<CellFilter.Evaluated> initial = point;
        emit(monitor, 0, point);
        int steps = 0;
        RunStatus status;
        String message;
        while (true) {
            if (point.maxRowNorm() < options.fmax()) {
                status = RunStatus.CONVERGED;
                message = String.format(Locale.ROOT, "converged: fmax %.3g < %.3g eV/Å after %d steps",
                        point.maxRowNorm(), options.fmax(), steps);
                break;
            }
            if (steps >= options.maxSteps()) {
                status = RunStatus.MAX_STEPS;
                message = String.format(Locale.ROOT, "not converged after %d steps: fmax %.3g eV/Å (threshold %.3g)",
                        steps, point.maxRowNorm(), options.fmax());
                break;
            }
            if (monitor.isCancelled()) {
                status = RunStatus.CANCELLED;
                message = "cancelled after " + steps + " steps";
                break;
            }
            try {
                point = minimizer.step(point, filter);
            } catch (EvaluationException e) {
                status = RunStatus.FAILED;
                message = e.getMessage();
                break;
            }
            steps++;
            emit(monitor, steps, point);
        }
        return new RelaxationResult(status, message, point.state().structure(), steps, initial.state().result(),
                point.state().result(), initial.maxRowNorm(), point.maxRowNorm());
    }

    private static void emit(RunMonitor<RelaxationStep> monitor, int step, Point<CellFilter.Evaluated> p) {
        monitor.emit(new RelaxationStep(step, p.value(), p.maxRowNorm(), p.state().structure(), p.state().result()));
    }
}
