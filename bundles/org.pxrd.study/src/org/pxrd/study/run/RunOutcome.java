package org.pxrd.study.run;

import java.util.Objects;

import org.pxrd.model.Structure;
import org.pxrd.optimization.run.RunStatus;

/**
 * How a run ended, as a {@link DistortionRun} reports it. Numbers that do not exist for a run (e.g. the rms of
 * a structure that does not match, or anything after a failure) are NaN.
 *
 * @param status converged, used up its steps, cancelled or failed
 * @param message one line on how it ended ("" when there is nothing to say), e.g. why it failed
 * @param steps the number of optimizer steps taken
 * @param last the final structure (for a failed run, the last good one)
 * @param lossStart the loss at the distorted start (the loss's units)
 * @param lossFinal the loss at the end
 * @param match whether the matcher calls the final structure the truth
 * @param rms the matcher's rms distance of a match (normalised by (V/n)^(1/3), dimensionless), NaN without a match
 * @param distanceStart the structural distance from the start to the truth (e.g. AMD L∞ in Å)
 * @param distanceFinal the structural distance from the final structure to the truth
 * @param similarityStart the XRD similarity of the start's pattern to the truth's (higher is more similar)
 * @param similarityFinal the XRD similarity of the final structure's pattern to the truth's
 */
public record RunOutcome(RunStatus status, String message, int steps, Structure last, double lossStart,
        double lossFinal, boolean match, double rms, double distanceStart, double distanceFinal,
        double similarityStart, double similarityFinal) {

    public RunOutcome {
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message.strip().replace('\n', ' ');
        Objects.requireNonNull(last, "last structure");
    }

    /** A failed run: the message says why; no measurements. */
    public static RunOutcome failed(String message, int steps, Structure last) {
        return new RunOutcome(RunStatus.FAILED, message, steps, last, Double.NaN, Double.NaN, false, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
