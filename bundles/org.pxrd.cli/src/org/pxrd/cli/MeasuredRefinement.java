package org.pxrd.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.diffraction.InstrumentParameter;
import org.pxrd.diffraction.InstrumentParameters;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.PatternScaling;
import org.pxrd.diffraction.PeakNormalisation;
import org.pxrd.diffraction.ProfileParameters;
import org.pxrd.diffraction.TailMode;
import org.pxrd.diffraction.XrdSession;
import org.pxrd.diffraction.XrdSimulator;
import org.pxrd.diffraction.XrdSimulators;
import org.pxrd.diffraction.measured.AgreementStatistics;
import org.pxrd.diffraction.measured.MeasuredTarget;
import org.pxrd.model.Structure;
import org.pxrd.optimization.refine.ParameterGroup;
import org.pxrd.optimization.refine.Refinement;
import org.pxrd.optimization.refine.RefinementResult;
import org.pxrd.study.report.FitFigure;

/**
 * {@code pxrd refine START --target MEASURED ...} the Rietveld way: the measured file read with its radiation (or the
 * user's, never a default), weighted, preprocessed, its background estimated and its 2θ range cut
 * ({@link MeasuredOptions#prepare}); the start simulated on the measured points with raw intensities under a
 * laboratory profile; the structure refined with the chosen instrument parameters against the residual
 * Σ w (y_o − y_c)² (the engine's {@code RefinementTarget.measured}). The report adds to the command's JSON line the
 * measurement facts, the refined instrument parameters and the agreement indices before and after (R_p, R_wp,
 * R_exp, χ², GoF), prints R_wp, R_exp and GoF before and after on stderr, and writes the fit as CSV
 * ({@code two_theta,observed,calculated,background,difference}) and PNG when asked.
 *
 * <p>The number of refined parameters P of the indices counts every refined entry (6 lattice parameters, 3 per site
 * for coordinates, the instrument parameters, the scale) before symmetry constraints: an upper bound, which changes
 * R_exp by P/(2N), below 0.1% of it for laboratory patterns of thousands of points.
 */
final class MeasuredRefinement {

    /**
     * The start profile of a laboratory diffractometer: peaks about 0.07° wide (FWHM) at 2θ = 30°, half Gaussian.
     * Caglioti U, V, W in deg², η.
     */
    static final String LAB_PROFILE = "0.005,-0.002,0.003,0.5";
    /** The instrument parameters refined by default: the zero shift, the scale (solved) and W. */
    static final String DEFAULT_INSTRUMENT = "zero,scale,W";
    /**
     * L-BFGS preconditioner rates by group: lattice lengths 1e-7 Å² per unit of R_wp² (first steps of about 1e-3 Å on
     * laboratory data), angles 1e-3 deg², coordinates 1e-9, instrument parameters 1e-6 (deg, deg²).
     */
    static final Map<String, Double> DEFAULT_RATES = Map.of(ParameterGroup.LATTICE.id(), 1e-7, "angles", 1e-3,
            ParameterGroup.COORDINATES.id(), 1e-9, ParameterGroup.PROFILE.id(), 1e-6, ParameterGroup.INSTRUMENT.id(),
            1e-6);

    private final RefineCommand options;
    private final MeasuredOptions.Measured measured;
    private final XrdSimulator simulator;
    private final InstrumentSettings instrument;
    private final Structure start;

    private MeasuredRefinement(RefineCommand options, MeasuredOptions.Measured measured, XrdSimulator simulator,
            InstrumentSettings instrument, Structure start) {
        this.options = options;
        this.measured = measured;
        this.simulator = simulator;
        this.instrument = instrument;
        this.start = start;
    }

    /** The refined instrument parameters of the option (default {@value #DEFAULT_INSTRUMENT}). */
    static InstrumentParameters refined(String text) {
        try {
            return InstrumentParameters.parse(text == null ? DEFAULT_INSTRUMENT : text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--refine-instrument: " + e.getMessage(), e);
        }
    }

    /**
     * Reads and prepares the measured target and the start instrument: the profile (--profile, else
     * {@value #LAB_PROFILE}), raw intensities on the measured points, the scale factor fitted to the start by least
     * squares.
     */
    static MeasuredRefinement prepare(RefineCommand options, CliContext context, Structure start) {
        MeasuredOptions.Measured m = MeasuredOptions.prepare(context, options.target, options.wavelength == null
                ? null : options.radiation(options.wavelength), options.weights == null ? "auto" : options.weights,
                options.preprocess, options.background, options.range);
        XrdSimulator simulator;
        InstrumentSettings settings;
        try {
            simulator = new XrdSimulators(context.extensions()).defaultSimulator();
            settings = new InstrumentSettings(m.radiation(), m.target().simulationGrid(), ProfileParameters.parse(
                    options.profile == null ? LAB_PROFILE : options.profile), PeakNormalisation.UNIT_AREA,
                    PatternScaling.RAW, TailMode.MULTILEVEL);
        } catch (ContributionException | IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
        MeasuredRefinement r = new MeasuredRefinement(options, m, simulator, settings, start);
        double[] shape = r.project(start, settings);
        double k = m.target().optimalScale(shape);
        if (!(k > 0)) {
            throw new CliException(options.target + ": the start structure's pattern does not overlap the measured one "
                    + "(no positive scale factor fits): check the structure, the wavelength and --range");
        }
        return new MeasuredRefinement(options, m, simulator, settings.withScale(k), start);
    }

    /** The measured target. */
    MeasuredTarget target() {
        return measured.target();
    }

    /** The start instrument (scale fitted to the start). */
    InstrumentSettings instrument() {
        return instrument;
    }

    /** P·y_sim of a structure under settings: the simulation at the measured points, without background. */
    private double[] project(Structure structure, InstrumentSettings settings) {
        XrdSession session = simulator.open(structure, settings);
        double[] simulated = new double[session.patternSize()];
        session.computePattern(simulated);
        double[] out = new double[target().size()];
        target().grid().project(simulated, out);
        return out;
    }

    /** y_c = P·y_sim + b. */
    private double[] calculated(Structure structure, InstrumentSettings settings) {
        double[] y = project(structure, settings);
        double[] b = target().background();
        if (b != null) {
            for (int i = 0; i < y.length; i++) {
                y[i] += b[i];
            }
        }
        return y;
    }

    /** Adds the measurement, instrument and agreement to the JSON; prints the summary; writes the fit files. */
    void report(Refinement refinement, RefinementResult result, Map<String, Object> json) {
        MeasuredTarget target = target();
        int parameters = parameters(refinement, result.structure().size());
        AgreementStatistics before = target.agreement(calculated(start, instrument), parameters);
        double[] calculated = calculated(result.structure(), result.instrument());
        AgreementStatistics after = target.agreement(calculated, parameters);
        double[] x = target.twoTheta();
        json.put("wavelength", measured.radiation().headerValue());
        json.put("wavelength_source", measured.radiationSource());
        json.put("weights", measured.weighting().name().toLowerCase(Locale.ROOT));
        json.put("preprocessing", measured.pipeline().describe());
        json.put("background", measured.background() == null ? "none" : measured.background());
        json.put("range", new double[] {x[0], x[x.length - 1]});
        json.put("points", target.size());
        Map<String, Double> values = new LinkedHashMap<>();
        for (InstrumentParameter p : InstrumentParameter.values()) {
            if (p != InstrumentParameter.ALPHA2_RATIO || result.instrument().radiation().hasAlpha2()) {
                values.put(p.id(), p.value(result.instrument()));
            }
        }
        json.put("instrument", values);
        json.put("instrument_refined", refinement.options().instrument().ids());
        json.put("agreement_before", before.asMap());
        json.put("agreement_after", after.asMap());
        double[] lattice = result.lattice();
        ProfileParameters p = result.instrument().profile();
        options.context().err().println(String.format(Locale.ROOT, "pxrd refine: %s: Rwp %.2f%% -> %.2f%%, Rexp "
                + "%.2f%%, GoF %.3f -> %.3f; a b c = %.6f %.6f %.6f A, alpha beta gamma = %.4f %.4f %.4f deg; zero "
                + "%.4f deg, scale %.6g, U V W = %.5g %.5g %.5g deg2, eta %.3f", options.target, 100 * before.rwp(),
                100 * after.rwp(), 100 * after.rexp(), before.gof(), after.gof(), lattice[0], lattice[1], lattice[2],
                lattice[3], lattice[4], lattice[5], p.zeroShift(), result.instrument().scale(), p.u(), p.v(), p.w(),
                p.eta()));
        if (options.fitCsv != null) {
            writeCsv(options.fitCsv, x, target.observed(), calculated, target.background(), after);
            json.put("fit_csv", options.fitCsv.toString());
        }
        if (options.fitPng != null) {
            String title = String.format(Locale.ROOT, "%s against %s: Rwp %.2f%%, Rexp %.2f%%, GoF %.2f",
                    options.start.getFileName(), target.name(), 100 * after.rwp(), 100 * after.rexp(), after.gof());
            try {
                FitFigure.write(title, x, target.observed(), calculated, target.background(),
                        reflections(result), options.fitPng);
            } catch (IOException | RuntimeException e) {
                throw new CliException("cannot write " + options.fitPng + ": " + e.getMessage(), e);
            }
            json.put("fit_png", options.fitPng.toString());
        }
    }

    /**
     * 2θ of the refined structure's reflections (degrees, first wavelength) where they are seen: the Bragg angles
     * shifted by the zero shift and the sample displacement, −(360/π)(s/R) cos θ.
     */
    private double[] reflections(RefinementResult result) {
        XrdSession session = simulator.open(result.structure(), result.instrument());
        double[] t = session.peaks().twoThetas();
        double zero = result.instrument().profile().zeroShift();
        double sr = result.instrument().goniometer().displacementOverRadius();
        for (int i = 0; i < t.length; i++) {
            t[i] += zero - 360 / Math.PI * sr * Math.cos(Math.toRadians(t[i] / 2));
        }
        return t;
    }

    /** Every refined entry before symmetry constraints, and the scale (see the class comment). */
    private static int parameters(Refinement refinement, int sites) {
        int p = 0;
        for (ParameterGroup g : refinement.options().refine()) {
            p += switch (g) {
                case LATTICE -> 6;
                case COORDINATES -> 3 * sites;
                case PROFILE -> 5;
                case INSTRUMENT -> refinement.options().instrument().size();
            };
        }
        return refinement.options().instrument().parameters().contains(InstrumentParameter.SCALE) ? p : p + 1;
    }

    private static void writeCsv(Path file, double[] x, double[] observed, double[] calculated, double[] background,
            AgreementStatistics agreement) {
        StringBuilder sb = new StringBuilder();
        sb.append("# agreement: ").append(agreement.describe()).append('\n');
        sb.append("two_theta,observed,calculated,background,difference\n");
        for (int i = 0; i < x.length; i++) {
            sb.append(String.format(Locale.ROOT, "%s,%.9g,%.9g,%.9g,%.9g%n", x[i], observed[i], calculated[i],
                    background == null ? 0 : background[i], observed[i] - calculated[i]));
        }
        try {
            Files.writeString(file, sb.toString());
        } catch (IOException e) {
            throw new CliException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
