package org.pxrd.ui.pattern;

import java.util.List;

import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.PeakList;
import org.pxrd.model.Pattern;

/**
 * What the pattern view shows for one {@link PatternRequest}. Curves are on the display scale: each pattern divided
 * by its maximum and multiplied by {@value PatternComputation#DISPLAY_MAX}; the difference is target minus
 * simulated on that scale, at the simulated pattern's 2θ values (only when the two patterns share their 2θ points).
 *
 * @param request what was computed
 * @param instrument the instrument actually used (a measured target sets the radiation and the 2θ points)
 * @param simulated the simulated pattern of the structure as the simulator returns it (2θ in degrees, its
 *        wavelength), or null without a structure or when the simulation failed
 * @param peaks the peaks of the structure at the first wavelength (hkl families, 2θ without zero shift), or null
 * @param simulatedDisplay the simulated intensities on the display scale, or null
 * @param target the target pattern (a simulated structure, or the measured points in range), or null
 * @param targetDisplay the target intensities on the display scale, or null
 * @param difference target − simulated on the display scale at the simulated 2θ values, or null
 * @param lossName the name of the loss evaluated
 * @param loss its value between the two patterns, each scaled to maximum 1 (NaN when it could not be evaluated)
 * @param lowerIsBetter whether smaller values of the loss mean better agreement
 * @param problems one line per thing that could not be computed (simulation, target, loss), empty when none
 */
public record PatternResult(PatternRequest request, InstrumentSettings instrument, Pattern simulated, PeakList peaks,
        double[] simulatedDisplay, Pattern target, double[] targetDisplay, double[] difference, String lossName,
        double loss, boolean lowerIsBetter, List<String> problems) {

    public PatternResult {
        problems = List.copyOf(problems);
    }

    /** Whether a loss value is known. */
    public boolean hasLoss() {
        return !Double.isNaN(loss);
    }
}
