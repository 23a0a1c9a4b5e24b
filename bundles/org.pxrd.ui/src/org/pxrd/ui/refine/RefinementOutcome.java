package org.pxrd.ui.refine;

import java.util.Locale;

import org.pxrd.matching.Comparison;
import org.pxrd.optimization.refine.RefinementResult;
import org.pxrd.optimization.run.RunStatus;

/**
 * How a refinement of the view ended: the engine's result and, for a target structure, the matcher's verdict on the
 * refined structure; or the one-line reason it could not run.
 *
 * @param request what was refined
 * @param lossId the loss's full id, or null when the refinement could not be prepared
 * @param result the engine's result, or null when the refinement could not run ({@code error} says why)
 * @param verdict StructureMatcher's verdict (the study's tolerances) on the refined structure against the target
 *        structure; null for a measured target, a failed run or when the matcher could not compare (then
 *        {@code error} says why)
 * @param error one line: why the run could not start, or why the verdict is missing; null when all went well
 */
public record RefinementOutcome(RefinementRequest request, String lossId, RefinementResult result,
        Comparison verdict, String error) {

    /** Whether the run ended normally (converged or out of steps). */
    public boolean completed() {
        return result != null && result.status().completed();
    }

    /** Whether the refined structure matches the target structure. */
    public boolean matched() {
        return verdict != null && verdict.match();
    }

    /**
     * One line for the view: the verdict, the losses, the steps and how the run ended (why a run failed is
     * {@link #problem()}).
     */
    public String summary() {
        if (result == null) {
            return "The refinement could not run: " + error;
        }
        StringBuilder s = new StringBuilder();
        if (verdict != null) {
            s.append(verdict.match() ? "MATCHED the target" : "does NOT match the target");
            if (Double.isFinite(verdict.distance())) {
                s.append(String.format(Locale.ROOT, " (StructureMatcher, rms %.4g)", verdict.distance()));
            } else {
                s.append(" (StructureMatcher)");
            }
            s.append(" · ");
        }
        s.append(String.format(Locale.ROOT, "loss %s → %s · %d steps · %s", number(result.initialLoss()),
                number(result.finalLoss()), result.steps(), status(result)));
        if (result.status() == RunStatus.CANCELLED) {
            s.append(": ").append(result.message());
        }
        return s.toString();
    }

    /** One line on what went wrong (a run that could not start or failed, a missing verdict), or null. */
    public String problem() {
        if (result == null) {
            return "the refinement could not run: " + error;
        }
        if (result.status() == RunStatus.FAILED) {
            return "the refinement failed: " + result.message();
        }
        return error;
    }

    private static String status(RefinementResult r) {
        return switch (r.status()) {
            case CONVERGED -> "converged";
            case MAX_STEPS -> "step budget used up";
            case CANCELLED -> "cancelled";
            case FAILED -> "FAILED";
        };
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "n/a";
    }
}
