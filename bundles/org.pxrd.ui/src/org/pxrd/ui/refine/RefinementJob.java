package org.pxrd.ui.refine;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.pxrd.core.extensions.ExtensionSource;
import org.pxrd.optimization.refine.RefinementStep;
import org.pxrd.optimization.run.RunMonitor;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.ui.PxrdUiPlugin;

/**
 * A refinement as an Eclipse job: its progress is the step count against the step budget (a converged run ends
 * early), Cancel (in the view or the Progress view) cancels the run's monitor, which stops it at its next step.
 * Every step goes to the {@link StepTrace}; the outcome goes to {@code done} on the job's thread.
 */
final class RefinementJob extends Job {

    /** Job family of the view's refinements (to find or wait for them). */
    static final Object FAMILY = RefinementJob.class;

    private final RefinementRequest request;
    private final ExtensionSource source;
    private final StepTrace trace;
    private final Consumer<RefinementOutcome> done;
    private final RunMonitor<RefinementStep> monitor = new RunMonitor<>();

    RefinementJob(RefinementRequest request, ExtensionSource source, StepTrace trace,
            Consumer<RefinementOutcome> done) {
        super("Refining " + request.startName() + " against " + request.target().name());
        this.request = request;
        this.source = source;
        this.trace = trace;
        this.done = done;
        setUser(false);
        setPriority(LONG);
    }

    @Override
    protected IStatus run(IProgressMonitor progress) {
        int budget = request.settings().maxSteps();
        progress.beginTask(getName(), Math.max(1, budget));
        int[] reported = {0};
        monitor.onStep(trace);
        monitor.onStep(e -> {
            int worked = e.step() - reported[0];
            if (worked > 0) {
                progress.worked(worked);
                reported[0] = e.step();
            }
            if (progress.isCanceled()) {
                monitor.cancel();
            }
        });
        RefinementOutcome outcome;
        try {
            outcome = RefinementTask.run(request, source, monitor);
        } catch (RuntimeException | LinkageError e) { // RefinementTask catches what contributions throw
            PxrdUiPlugin.logError("the refinement failed: " + e, e);
            outcome = new RefinementOutcome(request, null, null, null, RefinementTask.describe(e));
        } finally {
            progress.done();
        }
        done.accept(outcome);
        return outcome.result() != null && outcome.result().status() == RunStatus.CANCELLED ? Status.CANCEL_STATUS
                : Status.OK_STATUS;
    }

    @Override
    protected void canceling() {
        monitor.cancel();
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    /** Requests cancellation: the run stops at its next step. */
    void cancelRun() {
        monitor.cancel();
        cancel();
    }
}
