package org.pxrd.optimization.refine;

import java.util.List;
import java.util.Locale;

import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.model.Lattice;
import org.pxrd.model.Structure;
import org.pxrd.optimization.optimizers.Optimizer;
import org.pxrd.optimization.optimizers.StepProblem;
import org.pxrd.optimization.optimizers.Stepper;
import org.pxrd.optimization.run.EvaluationException;
import org.pxrd.optimization.run.RunMonitor;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.symmetry.SymmetryProjector.Projection;

/**
 * One start of a refinement: the step loop, and the {@link StepProblem} its optimizer drives.
 *
 * <ol>
 * <li>Evaluate the start θ₀ (unprojected: the study's distorted start) and emit step 0.</li>
 * <li>Before every step, stop when the {@link StopRule} says so (converged, out of steps, out of wall time, in that
 * order) or when cancelled.</li>
 * <li>One optimizer step: the stepper evaluates trial points and accepts one, θ ← P(...); the accepted point's
 * objective is recorded for the stop rule and emitted.</li>
 * <li>With annealing, at the first step of a stage the simulation (and a target structure's pattern) is set to its
 * W, the point is evaluated again (the step's event shows it under the new W) and the optimizer starts afresh; the
 * stop rule's window counts from there.</li>
 * <li>A point outside the domain that the optimizer accepts, or an evaluation that throws, ends the run
 * {@link RunStatus#FAILED} with a one-line message naming the step; the result is the last good point.</li>
 * </ol>
 * The projection acts on the structure part [a..γ, coordinates] of the full vector; parameters that are not refined
 * keep their start values (what the projection would change in them is discarded), bounded instrument parameters
 * are clamped, and projected coordinates are shifted by whole cells back next to the unprojected ones. After its
 * buffers are allocated at the start, the loop allocates nothing (events are only built when someone listens).
 */
final class RefinementRun implements StepProblem {

    private final ParameterLayout layout;
    private final Objective objective;
    private final Projection projection;
    private final Optimizer optimizer;
    private final String optimizerId;
    private final double[] eta;
    private final StopRule stop;
    private final AnnealSchedule anneal;
    private final double endW;
    private final RunMonitor<RefinementStep> monitor;
    private final RefinementStep.Columns columns;
    private final int startIndex;
    private final Structure reference;

    private final int n;
    private final double[] base;
    private double[] currentFull;
    private double[] trialFull;
    private final double[] projected;
    private final double[] structure;
    private final double[] gradientFull;
    private double[] currentX;
    private double[] trialX;
    private double[] currentGradient;
    private double[] trialGradient;
    private double currentValue;
    private double trialValue = Double.NaN;
    private double currentXrd;
    private double trialXrd;
    private double currentEnergy;
    private double trialEnergy;
    private String trialProblem;
    private boolean trialFresh;
    private int accepted;

    private final double[] history;
    private int steps;
    private int evaluations;
    private int stageStart;

    RefinementRun(ParameterLayout layout, Objective objective, Projection projection, Optimizer optimizer,
            String optimizerId, double[] eta, StopRule stop, AnnealSchedule anneal, RunMonitor<RefinementStep> monitor,
            RefinementStep.Columns columns, int startIndex, Structure start, double[] startVector) {
        this.layout = layout;
        this.objective = objective;
        this.projection = projection;
        this.optimizer = optimizer;
        this.optimizerId = optimizerId;
        this.eta = eta;
        this.stop = stop;
        this.anneal = anneal;
        this.endW = objective.cagliotiW();
        this.monitor = monitor;
        this.columns = columns;
        this.startIndex = startIndex;
        this.reference = start;
        this.n = layout.freeCount();
        this.base = startVector.clone();
        this.currentFull = startVector.clone();
        this.trialFull = startVector.clone();
        this.projected = new double[base.length];
        this.structure = new double[layout.structureSize()];
        this.gradientFull = new double[base.length];
        this.currentX = new double[n];
        this.trialX = new double[n];
        this.currentGradient = new double[n];
        this.trialGradient = new double[n];
        this.history = new double[stop.window() + 1];
    }

    RefinementResult run(long startNanos) {
        monitor.started(stop.maxSteps());
        if (anneal != null) {
            try {
                objective.setCagliotiW(anneal.w(0, endW));
            } catch (IllegalArgumentException e) {
                return RefinementResult.failedBeforeStart("annealing: " + e.getMessage(), reference,
                        objective.instrument(), startIndex, System.nanoTime() - startNanos);
            }
        }
        layout.pack(base, currentX);
        try {
            if (!refreshCurrent()) {
                return RefinementResult.failedBeforeStart("the start cannot be refined: " + trialProblem, reference,
                        objective.instrument(), startIndex, System.nanoTime() - startNanos);
            }
        } catch (EvaluationException e) {
            return RefinementResult.failedBeforeStart("the start cannot be refined: " + e.getMessage(), reference,
                    objective.instrument(), startIndex, System.nanoTime() - startNanos);
        }
        double initialLoss = currentValue;
        double initialXrd = currentXrd;
        double initialEnergy = currentEnergy;
        record(0);
        report();
        Stepper stepper = optimizer.start(n);
        long deadline = stop.hasWallTime() ? startNanos + (long) (stop.maxSeconds() * 1e9) : Long.MAX_VALUE;
        RunStatus status;
        String message;
        while (true) {
            if (converged()) {
                status = RunStatus.CONVERGED;
                message = String.format(Locale.ROOT, "converged after %d steps: the loss changed by %.3g (< %.3g) "
                        + "over the last %d steps", steps, change(), stop.tolerance(), stop.window());
                double range = windowRange();
                if (range > stop.tolerance()) {
                    message += String.format(Locale.ROOT, ", but it ranged over %.3g within them: the steps "
                            + "oscillate (a smaller learning rate would settle them)", range);
                }
                break;
            }
            if (steps >= stop.maxSteps()) {
                status = RunStatus.MAX_STEPS;
                message = String.format(Locale.ROOT, "not converged after %d steps%s", steps, steps - stageStart
                        >= stop.window() ? String.format(Locale.ROOT, ": the loss changed by %.3g over the last %d "
                                + "steps (tolerance %.3g)", change(), stop.window(), stop.tolerance()) : "");
                break;
            }
            if (System.nanoTime() > deadline) {
                status = RunStatus.MAX_STEPS;
                message = String.format(Locale.ROOT, "stopped by the wall-time limit of %s s after %d steps",
                        stop.maxSeconds(), steps);
                break;
            }
            if (monitor.isCancelled()) {
                status = RunStatus.CANCELLED;
                message = "cancelled after " + steps + " steps";
                break;
            }
            accepted = 0;
            try {
                stepper.step(this);
            } catch (EvaluationException e) {
                status = RunStatus.FAILED;
                message = "step " + (steps + 1) + ": " + e.getMessage();
                break;
            } catch (RuntimeException e) {
                status = RunStatus.FAILED;
                message = "step " + (steps + 1) + ": the optimizer " + optimizerId + " failed: "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
                break;
            }
            if (accepted != 1) {
                status = RunStatus.FAILED;
                message = "step " + (steps + 1) + ": the optimizer " + optimizerId + " accepted " + accepted
                        + " points instead of one (accept or stay exactly once per step)";
                break;
            }
            steps++;
            if (anneal != null && anneal.stage(steps) != anneal.stage(steps - 1)) {
                String failure = nextStage(anneal.stage(steps));
                if (failure != null) {
                    status = RunStatus.FAILED;
                    message = "step " + steps + ": " + failure;
                    break;
                }
                stepper = optimizer.start(n);
            }
            record(steps);
            report();
        }
        InstrumentSettings end = objective.instrumentAt(currentFull);
        return new RefinementResult(status, message, structure(), currentFull.clone(), end.profile(), startIndex,
                steps, evaluations, initialLoss, currentValue, initialXrd, currentXrd, initialEnergy, currentEnergy,
                System.nanoTime() - startNanos, List.of(), end);
    }

    /** Moves to annealing stage k: new W, the current point evaluated again, the stop window restarted. */
    private String nextStage(int k) {
        try {
            objective.setCagliotiW(anneal.w(k, endW));
            if (!refreshCurrent()) {
                return "at Caglioti W = " + objective.cagliotiW() + " deg2: " + trialProblem;
            }
        } catch (EvaluationException | IllegalArgumentException e) {
            return "annealing to W = " + anneal.w(k, endW) + " deg2: " + e.getMessage();
        }
        stageStart = steps;
        return null;
    }

    /** Evaluates the current point (packed in currentX) again; false when it lies outside the domain. */
    private boolean refreshCurrent() throws EvaluationException {
        evaluate(currentX);
        if (!Double.isFinite(trialValue)) {
            return false;
        }
        swapTrial();
        return true;
    }

    private void record(int step) {
        history[step % history.length] = currentValue;
    }

    private double change() {
        return Math.abs(history[steps % history.length] - history[(steps - stop.window()) % history.length]);
    }

    /**
     * The largest minus the smallest loss of the last {@code window} + 1 steps: equal to {@link #change()} while the
     * loss falls steadily, larger when the steps overshoot and the loss goes up and down (the stop rule compares only
     * the window's ends, and an oscillating loss passes it when two values a window apart happen to agree).
     */
    private double windowRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : history) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min;
    }

    private boolean converged() {
        boolean lastStage = anneal == null || steps >= anneal.steps();
        return lastStage && steps - stageStart >= stop.window() && change() < stop.tolerance();
    }

    private void report() {
        if (monitor.hasListeners()) {
            monitor.emit(new RefinementStep(columns, steps, startIndex, currentValue, currentXrd, currentEnergy,
                    objective.cagliotiW(), currentFull));
        } else {
            monitor.progressed(steps);
        }
    }

    /** The structure at the current point (coordinates wrapped to [0, 1)). */
    Structure structure() {
        double[][] frac = new double[layout.sites()][3];
        int c = layout.offset(ParameterGroup.COORDINATES);
        for (int i = 0; i < frac.length; i++) {
            System.arraycopy(currentFull, c + 3 * i, frac[i], 0, 3);
        }
        return reference.withLattice(Lattice.fromParameters(currentFull[0], currentFull[1], currentFull[2],
                currentFull[3], currentFull[4], currentFull[5])).withFracCoords(frac);
    }

    // ------------------------------------------------------------------ StepProblem

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double[] point() {
        return currentX;
    }

    @Override
    public double value() {
        return currentValue;
    }

    @Override
    public double[] gradient() {
        return currentGradient;
    }

    @Override
    public double[] learningRates() {
        return eta;
    }

    @Override
    public void project(double[] v) {
        System.arraycopy(base, 0, projected, 0, base.length);
        layout.unpack(v, projected);
        if (projection != null) {
            int size = structure.length;
            System.arraycopy(projected, 0, structure, 0, size);
            projection.apply(structure, structure);
            int c = layout.offset(ParameterGroup.COORDINATES);
            for (int i = c; i < size; i++) {
                structure[i] += Math.rint(projected[i] - structure[i]);
            }
            System.arraycopy(structure, 0, projected, 0, size);
        }
        layout.clampBounds(projected);
        layout.pack(projected, v);
    }

    @Override
    public double evaluate(double[] trial) throws EvaluationException {
        evaluations++;
        System.arraycopy(trial, 0, trialX, 0, n);
        layout.unpack(trialX, trialFull);
        trialValue = objective.evaluate(trialFull, gradientFull);
        trialProblem = objective.problem();
        trialXrd = objective.xrdLoss();
        trialEnergy = objective.energyPerAtom();
        if (Double.isFinite(trialValue)) {
            layout.pack(gradientFull, trialGradient);
        }
        trialFresh = true;
        return trialValue;
    }

    @Override
    public double[] trialGradient() {
        return trialGradient;
    }

    @Override
    public void accept() throws EvaluationException {
        if (!trialFresh) {
            throw new IllegalStateException("accept() without a new evaluate()");
        }
        if (!Double.isFinite(trialValue)) {
            throw new EvaluationException(trialProblem == null ? "the objective is not finite" : trialProblem);
        }
        swapTrial();
        accepted++;
    }

    @Override
    public void stay() {
        trialFresh = false;
        accepted++;
    }

    private void swapTrial() {
        double[] t = currentX;
        currentX = trialX;
        trialX = t;
        t = currentGradient;
        currentGradient = trialGradient;
        trialGradient = t;
        t = currentFull;
        currentFull = trialFull;
        trialFull = t;
        currentValue = trialValue;
        currentXrd = trialXrd;
        currentEnergy = trialEnergy;
        trialFresh = false;
    }
}
