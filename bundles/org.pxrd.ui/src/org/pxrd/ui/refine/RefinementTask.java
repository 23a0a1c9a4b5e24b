package org.pxrd.ui.refine;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ExtensionSource;
import org.pxrd.matching.Comparison;
import org.pxrd.matching.CrystalMatcher;
import org.pxrd.matching.Matchers;
import org.pxrd.model.Structure;
import org.pxrd.optimization.refine.Refinement;
import org.pxrd.optimization.refine.RefinementEngine;
import org.pxrd.optimization.refine.RefinementResult;
import org.pxrd.optimization.refine.RefinementStep;
import org.pxrd.optimization.run.RunMonitor;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.ui.PxrdUiPlugin;

/**
 * The widget-free work of the refinement view, on the job's thread:
 * <ol>
 * <li>resolve the form's contributions with the {@link RefinementEngine} of the workbench's extension source (an
 * unknown id or a contribution that fails to start ends here, with its one-line message);</li>
 * <li>refine the start against the target with the monitor (its listeners see every step; cancelling it stops the
 * run at the next step). A contribution that throws during the run (a loss plugin, say) is caught here and reported
 * as one line (and logged with its stack trace in the error log): nothing escapes to the workbench;</li>
 * <li>for a target structure and a run that did not fail, ask the StructureMatcher contribution (its default
 * tolerances are the study's: ltol 0.1, stol 0.2, angle_tol 5°) whether the refined structure is the target.</li>
 * </ol>
 */
public final class RefinementTask {

    private RefinementTask() {
    }

    /** Runs a request; never throws for what a contribution does. */
    public static RefinementOutcome run(RefinementRequest request, ExtensionSource source,
            RunMonitor<RefinementStep> monitor) {
        Refinement refinement;
        try {
            refinement = new RefinementEngine(source).prepare(request.settings().options(), request.runInstrument());
        } catch (ContributionException | IllegalArgumentException e) {
            return new RefinementOutcome(request, null, null, null, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            String line = "a contribution failed to start: " + describe(e);
            PxrdUiPlugin.logError("refinement: " + line, e);
            return new RefinementOutcome(request, null, null, null, line);
        }
        RefinementResult result;
        try {
            result = refinement.run(request.start(), request.refinementTarget(), request.settings().seed(), monitor);
        } catch (RuntimeException | LinkageError e) {
            String line = "the refinement stopped: " + describe(e);
            PxrdUiPlugin.logError("refinement: " + line, e);
            return new RefinementOutcome(request, refinement.lossId(), null, null, line);
        }
        Structure truth = request.targetStructure();
        if (truth == null || result.status() == RunStatus.FAILED) {
            return new RefinementOutcome(request, refinement.lossId(), result, null, null);
        }
        try {
            CrystalMatcher matcher = new Matchers(source).create(Matchers.STRUCTURE_MATCHER);
            Comparison verdict = matcher.compare(result.structure(), truth);
            return new RefinementOutcome(request, refinement.lossId(), result, verdict, null);
        } catch (ContributionException | RuntimeException e) {
            return new RefinementOutcome(request, refinement.lossId(), result, null,
                    "no match verdict: " + describe(e));
        }
    }

    /** A throwable as one line: its message, else its class. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        String line = m == null || m.isBlank() ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + m;
        return line.strip().replace('\n', ' ');
    }
}
