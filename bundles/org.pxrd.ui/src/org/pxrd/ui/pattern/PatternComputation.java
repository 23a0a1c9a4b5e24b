package org.pxrd.ui.pattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.PeakList;
import org.pxrd.diffraction.TwoThetaGrid;
import org.pxrd.diffraction.XrdSession;
import org.pxrd.diffraction.XrdSimulator;
import org.pxrd.diffraction.XrdSimulators;
import org.pxrd.losses.LossFunction;
import org.pxrd.losses.LossRegistry;
import org.pxrd.model.Pattern;
import org.pxrd.ui.pattern.PatternTarget.MeasuredTarget;
import org.pxrd.ui.pattern.PatternTarget.StructureTarget;

/**
 * The work behind the pattern view, free of widgets so it runs on a job thread: every number comes from the
 * registries' simulator and loss.
 *
 * <ol>
 * <li>Instrument: the request's; with a measured target, its radiation, and 2θ bins centred on its points (a
 * uniform measurement of n points from x₀ to x_{n−1} gives the grid x₀ − s/2 .. x_{n−1} + s/2 in steps
 * s = (x_{n−1} − x₀)/(n − 1), whose bin centres are the measured 2θ). A measurement whose points are not uniform
 * is simulated on the instrument's step over its range instead; losses that need equal grids then say so, and no
 * difference curve is drawn.</li>
 * <li>The active structure and a structure target are simulated with the default simulator of
 * {@code org.pxrd.diffraction.simulators}; the peaks of the active structure give the hkl ticks.</li>
 * <li>Display: each pattern divided by its maximum and multiplied by {@link #DISPLAY_MAX}; the difference is
 * target − simulated on that scale when both share their 2θ points.</li>
 * <li>Loss: the chosen contribution of {@code org.pxrd.losses.lossFunctions} between the simulated and the target
 * pattern, each scaled to maximum 1 (the study's representation), with the loss's default settings.</li>
 * </ol>
 * A part that fails (an element without scattering factors, a loss outside its domain) becomes one line in
 * {@link PatternResult#problems()}; the other parts are still shown.
 */
public final class PatternComputation {

    /** Maximum of every curve on the display scale. */
    public static final double DISPLAY_MAX = 100;

    private final XrdSimulators simulators;
    private final LossRegistry losses;

    public PatternComputation(XrdSimulators simulators, LossRegistry losses) {
        this.simulators = simulators;
        this.losses = losses;
    }

    /** Computes a request (on any thread). */
    public PatternResult compute(PatternRequest request) {
        List<String> problems = new ArrayList<>();
        InstrumentSettings instrument = request.instrument();
        Pattern target = null;
        if (request.target() instanceof MeasuredTarget measured) {
            target = cropped(measured.pattern(), instrument, request.cropToInstrumentRange());
            if (target == null) {
                problems.add(measured.name() + " has no point in 2θ " + instrument.grid().min() + "°.."
                        + instrument.grid().max() + "°");
            } else {
                instrument = instrument.withRadiation(measured.radiation()).withGrid(gridFor(target, instrument));
            }
        }
        XrdSimulator simulator = null;
        if (request.structure() != null || request.target() instanceof StructureTarget) {
            try {
                simulator = simulators.defaultSimulator();
            } catch (ContributionException e) {
                problems.add("no simulator: " + e.getMessage());
            }
        }
        Pattern simulated = null;
        PeakList peaks = null;
        if (request.structure() != null && simulator != null) {
            try {
                XrdSession session = simulator.open(request.structure(), instrument);
                simulated = session.pattern();
                peaks = session.peaks();
            } catch (IllegalArgumentException e) {
                problems.add("simulation of " + request.structureName() + ": " + e.getMessage());
            }
        }
        if (request.target() instanceof StructureTarget other && simulator != null) {
            try {
                target = simulator.pattern(other.structure(), instrument).withName(other.name());
            } catch (IllegalArgumentException e) {
                problems.add("simulation of the target " + other.name() + ": " + e.getMessage());
            }
        }
        double[] simulatedDisplay = simulated == null ? null : display(simulated.intensityArray());
        double[] targetDisplay = target == null ? null : display(target.intensityArray());
        double[] difference = null;
        if (simulated != null && target != null && sameGrid(simulated, target)) {
            difference = new double[simulatedDisplay.length];
            for (int i = 0; i < difference.length; i++) {
                difference[i] = targetDisplay[i] - simulatedDisplay[i];
            }
        } else if (simulated != null && target != null) {
            problems.add("no difference curve: the measured 2θ points are not evenly spaced");
        }
        String lossName = request.lossId();
        double loss = Double.NaN;
        boolean lowerIsBetter = true;
        try {
            Contribution c = losses.get(request.lossId());
            lossName = c.name();
            lowerIsBetter = LossRegistry.lowerIsBetter(c);
            if (simulated != null && target != null) {
                LossFunction function = losses.create(c, c.defaultSettings());
                loss = function.value(unitMax(simulated), unitMax(target));
            }
        } catch (ContributionException | IllegalArgumentException e) {
            problems.add("loss " + lossName + ": " + e.getMessage());
        }
        return new PatternResult(request, instrument, simulated, peaks, simulatedDisplay, target, targetDisplay,
                difference, lossName, loss, lowerIsBetter, problems);
    }

    /** The measured points in the instrument's 2θ range (all of them unless asked to crop), or null when none. */
    static Pattern cropped(Pattern measured, InstrumentSettings instrument, boolean crop) {
        if (!crop) {
            return measured;
        }
        double[] x = measured.twoThetaArray();
        double[] y = measured.intensityArray();
        double[] esd = measured.esdArray();
        int from = 0;
        while (from < x.length && x[from] < instrument.grid().min()) {
            from++;
        }
        int to = x.length;
        while (to > from && x[to - 1] > instrument.grid().max()) {
            to--;
        }
        if (to == from) {
            return null;
        }
        return new Pattern(measured.name(), Arrays.copyOfRange(x, from, to), Arrays.copyOfRange(y, from, to),
                esd == null ? null : Arrays.copyOfRange(esd, from, to),
                measured.wavelength().orElse(Double.NaN));
    }

    /**
     * The simulation grid for a measured pattern: bins centred on its points when they are evenly spaced, else the
     * instrument's step over the pattern's range.
     */
    static TwoThetaGrid gridFor(Pattern measured, InstrumentSettings instrument) {
        double[] x = measured.twoThetaArray();
        int n = x.length;
        if (n >= 2 && org.pxrd.losses.TwoThetaGrid.of(x).isUniform()) {
            double step = (x[n - 1] - x[0]) / (n - 1);
            try {
                return new TwoThetaGrid(x[0] - step / 2, x[n - 1] + step / 2, step);
            } catch (IllegalArgumentException e) {
                // e.g. a first point closer to 0 than half a step: fall through to the instrument's step
            }
        }
        double step = instrument.grid().step();
        double min = Math.max(0, x[0] - step / 2);
        int bins = Math.max(1, (int) Math.ceil((x[n - 1] - min) / step));
        return new TwoThetaGrid(min, min + bins * step, step);
    }

    private static boolean sameGrid(Pattern a, Pattern b) {
        return org.pxrd.losses.TwoThetaGrid.of(a).sameAs(org.pxrd.losses.TwoThetaGrid.of(b));
    }

    /** Intensities divided by their maximum and multiplied by {@link #DISPLAY_MAX} (unchanged when max ≤ 0). */
    static double[] display(double[] y) {
        return scaled(y, DISPLAY_MAX);
    }

    private static Pattern unitMax(Pattern p) {
        return p.withIntensity(scaled(p.intensityArray(), 1));
    }

    private static double[] scaled(double[] y, double top) {
        double max = 0;
        for (double v : y) {
            max = Math.max(max, v);
        }
        if (!(max > 0)) {
            return y;
        }
        double f = top / max;
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] * f;
        }
        return out;
    }
}
