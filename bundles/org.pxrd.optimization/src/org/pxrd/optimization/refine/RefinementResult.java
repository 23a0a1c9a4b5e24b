package org.pxrd.optimization.refine;

import java.util.List;
import java.util.Objects;

import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.ProfileParameters;
import org.pxrd.model.Structure;
import org.pxrd.optimization.run.RunStatus;

/**
 * How a refinement ended. With several starts this is the result of the best start (the lowest final objective
 * among those that did not fail), and {@link #starts()} lists every start's own result in order.
 *
 * @param status converged, out of steps (or wall time), cancelled, or failed
 * @param message one line: how it ended, or why it failed
 * @param structure the final structure (for a failed run, the last good point; the start when none was evaluated)
 * @param parameters the final full parameter vector ({@link ParameterLayout}: a, b, c, α, β, γ, coordinates
 *        unwrapped, then the instrument groups), exactly as refined
 * @param profile the instrument profile at the end (the refined one when the profile group is refined)
 * @param start the index of this start (0 for the given structure)
 * @param steps optimizer steps taken
 * @param evaluations objective evaluations (pattern, loss and gradient; more than the steps with line searches)
 * @param initialLoss the objective f at the start (loss units), NaN when the start could not be evaluated
 * @param finalLoss f at the end
 * @param initialXrdLoss the loss L at the start, in the loss's own units and sign
 * @param finalXrdLoss L at the end
 * @param initialEnergyPerAtom E/N at the start in eV/atom (NaN without an energy term)
 * @param finalEnergyPerAtom E/N at the end
 * @param nanos wall time of this start in nanoseconds (setup included)
 * @param starts every start's result with more than one start, else empty
 * @param instrument the instrument at the end: the refined instrument parameters and, when it is solved, the scale
 *        factor (the simulation grid and scaling of the run: raw intensities on the measured points against a
 *        measured target)
 */
public record RefinementResult(RunStatus status, String message, Structure structure, double[] parameters,
        ProfileParameters profile,
        int start, int steps, int evaluations, double initialLoss, double finalLoss, double initialXrdLoss,
        double finalXrdLoss, double initialEnergyPerAtom, double finalEnergyPerAtom, long nanos,
        List<RefinementResult> starts, InstrumentSettings instrument) {

    public RefinementResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(structure, "structure");
        parameters = parameters.clone();
        message = message == null ? "" : message.strip().replace('\n', ' ');
        starts = List.copyOf(starts);
        Objects.requireNonNull(instrument, "instrument");
    }

    /** A run that failed before its first evaluation. */
    static RefinementResult failedBeforeStart(String message, Structure start, InstrumentSettings instrument,
            int index, long nanos) {
        return new RefinementResult(RunStatus.FAILED, message, start, ParameterLayout.vector(start,
                instrument.profile()), instrument.profile(), index, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, nanos, List.of(), instrument);
    }

    /** The final lattice parameters a, b, c (Å), α, β, γ (degrees), exactly as refined. */
    public double[] lattice() {
        return java.util.Arrays.copyOf(parameters, 6);
    }

    /** The final full parameter vector (a copy). */
    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** Wall time per step in milliseconds over all starts (NaN before any step). */
    public double millisPerStep() {
        int s = totalSteps();
        return s == 0 ? Double.NaN : totalNanos() / 1e6 / s;
    }

    /** Steps of every start together. */
    public int totalSteps() {
        return starts.isEmpty() ? steps : starts.stream().mapToInt(RefinementResult::steps).sum();
    }

    /** Evaluations of every start together. */
    public int totalEvaluations() {
        return starts.isEmpty() ? evaluations : starts.stream().mapToInt(RefinementResult::evaluations).sum();
    }

    /** Wall time of every start together, in nanoseconds. */
    public long totalNanos() {
        return starts.isEmpty() ? nanos : starts.stream().mapToLong(RefinementResult::nanos).sum();
    }

    /** This result with the list of every start's result. */
    RefinementResult withStarts(List<RefinementResult> all) {
        return new RefinementResult(status, message, structure, parameters, profile, start, steps, evaluations,
                initialLoss, finalLoss, initialXrdLoss, finalXrdLoss, initialEnergyPerAtom, finalEnergyPerAtom, nanos,
                all, instrument);
    }
}
