package org.pxrd.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.diffraction.InstrumentParameters;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.PatternScaling;
import org.pxrd.diffraction.PeakNormalisation;
import org.pxrd.diffraction.ProfileParameters;
import org.pxrd.diffraction.Radiation;
import org.pxrd.diffraction.TailMode;
import org.pxrd.diffraction.TwoThetaGrid;
import org.pxrd.io.PatternFiles;
import org.pxrd.io.PatternFormatException;
import org.pxrd.io.StructureFiles;
import org.pxrd.matching.MatchOptions;
import org.pxrd.matching.MatchResult;
import org.pxrd.matching.StructureMatcher;
import org.pxrd.model.Pattern;
import org.pxrd.model.Structure;
import org.pxrd.optimization.refine.AnnealSchedule;
import org.pxrd.optimization.refine.EnergyTerm;
import org.pxrd.optimization.refine.LearningRates;
import org.pxrd.optimization.refine.MultiStart;
import org.pxrd.optimization.refine.ParameterGroup;
import org.pxrd.optimization.refine.Refinement;
import org.pxrd.optimization.refine.RefinementEngine;
import org.pxrd.optimization.refine.RefinementOptions;
import org.pxrd.optimization.refine.RefinementResult;
import org.pxrd.optimization.refine.RefinementStep;
import org.pxrd.optimization.refine.RefinementTarget;
import org.pxrd.optimization.refine.StopRule;
import org.pxrd.optimization.run.CsvTrace;
import org.pxrd.optimization.run.RunMonitor;
import org.pxrd.optimization.run.RunStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd refine START --target TARGET ...}: refines a structure against a target structure (simulated with the
 * same instrument) or a pattern (on its own 2θ grid), with a loss, a projector and an optimizer of the registries,
 * and prints one JSON line: status, steps, losses, the final lattice and, for a target structure, the matcher's
 * verdict (pymatgen's StructureMatcher with the study's tolerances) and the lattice parameters beside the target's.
 * Any option of a measured pattern (--refine-instrument, --background, --preprocess, --weights, --range, --fit-csv,
 * --fit-png, or --loss residual) refines against the pattern the Rietveld way ({@link MeasuredRefinement}).
 *
 * <p>A run that converges or uses up its steps exits 0 (not converging is also noted on stderr) and writes
 * {@code --out}. A failed run (divergence, NaN, a failing potential) or an interrupt (Ctrl-C cancels at the next
 * step) prints the JSON of the last good point, writes no {@code --out} and exits 1 with a one-line message.
 */
@Command(name = "refine", sortOptions = false, description = {
    "Refine a structure against a target structure or powder pattern.",
    "Projected gradient-based optimization (Segal et al. 2026, section 2.4: theta <- P(theta - lr grad)). Prints "
        + "one JSON line with the result."})
final class RefineCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "START", description = "The start structure (FILE or FILE#NAME).")
    Path start;

    @Option(names = "--target", required = true, paramLabel = "TARGET",
            description = "A structure file (simulated with the same instrument) or a pattern file (2theta, intensity).")
    Path target;

    @Option(names = "--loss", paramLabel = "ID",
            description = "Loss of org.pxrd.losses.lossFunctions, or residual: the Rietveld residual of a measured "
                    + "target (default: cosine; residual against a measured pattern).")
    String loss;

    @Option(names = "--loss-set", paramLabel = "KEY=VALUE", description = "A setting of the loss (repeatable).")
    Map<String, String> lossSettings = new LinkedHashMap<>();

    @Option(names = "--params", defaultValue = "lattice", paramLabel = "lattice|coords|both|GROUP,...",
            description = "Parameters to refine: lattice, coords, both, or groups separated by commas "
                    + "(lattice, coordinates, profile) (default: ${DEFAULT-VALUE}).")
    String params;

    @Option(names = "--projector", defaultValue = "auto", paramLabel = "ID|none|auto",
            description = "Projector of org.pxrd.symmetry.projectors applied after every step; auto: the crystal "
                    + "family of the target structure's (else the start's) space group (default: ${DEFAULT-VALUE}).")
    String projector;

    @Option(names = "--projector-set", paramLabel = "KEY=VALUE",
            description = "A setting of the projector, e.g. spaceGroup=225 (repeatable).")
    Map<String, String> projectorSettings = new LinkedHashMap<>();

    @Option(names = "--optimizer", paramLabel = "ID",
            description = "Optimizer of org.pxrd.optimization.optimizers: gd, momentum, adam, lbfgs, ... "
                    + "(default: gd; lbfgs against a measured pattern).")
    String optimizer;

    @Option(names = "--optimizer-set", paramLabel = "KEY=VALUE",
            description = "A setting of the optimizer, e.g. momentum=0.8 (repeatable).")
    Map<String, String> optimizerSettings = new LinkedHashMap<>();

    @Option(names = "--lr", paramLabel = "X",
            description = "Learning rate of every refined group (gd, momentum: step per unit gradient; adam: step "
                    + "length; lbfgs: preconditioner). Required, except against a measured pattern (defaults there: "
                    + "lattice 1e-7, angles 1e-3, coordinates 1e-9, instrument 1e-6).")
    Double lr;

    @Option(names = "--lr-coords", paramLabel = "Y", description = "Learning rate of the fractional coordinates.")
    Double lrCoords;

    @Option(names = "--lr-angles", paramLabel = "Z",
            description = "Learning rate of the lattice angles (degrees); default: --lr.")
    Double lrAngles;

    @Option(names = "--lr-profile", paramLabel = "P", description = "Learning rate of the profile parameters.")
    Double lrProfile;

    @Option(names = "--lr-instrument", paramLabel = "I",
            description = "Learning rate of the parameters of --refine-instrument.")
    Double lrInstrument;

    @Option(names = "--max-steps", paramLabel = "N",
            description = "Step budget (default: 30000, the study's; 3000 against a measured pattern).")
    Integer maxSteps;

    @Option(names = "--tol", paramLabel = "T",
            description = "Converged when the loss changes by less than T over --window steps "
                    + "(default: 1e-4, the study's; 1e-9 against a measured pattern).")
    Double tol;

    @Option(names = "--window", paramLabel = "W",
            description = "Steps the change is measured over (default: 1000, the study's; 50 against a measured "
                    + "pattern).")
    Integer window;

    @Option(names = "--max-seconds", paramLabel = "S", description = "Wall-time limit of the run in seconds.")
    Double maxSeconds;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the extra starts of --starts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--starts", defaultValue = "1", paramLabel = "K",
            description = "Multi-start: the start and K-1 seeded perturbations of it; the best is kept.")
    int starts;

    @Option(names = "--starts-noise", paramLabel = "LATTICE,COORDS",
            description = "Noise levels of the extra starts (default: 0.01,0.01).")
    String startsNoise;

    @Option(names = "--anneal", paramLabel = "W0[:STEPS[:STAGES]]",
            description = "Annealed broadening: start at Caglioti W = W0 (deg2) and narrow it to the instrument's in "
                    + "STAGES stages over STEPS steps (defaults 3000 and 5).")
    String anneal;

    @Option(names = "--energy", paramLabel = "POTENTIAL",
            description = "Add lambda * E/N of a potential of org.pxrd.optimization.potentials (eV/atom).")
    String energy;

    @Option(names = "--lambda", paramLabel = "L", description = "Weight of the energy term (loss units per eV/atom).")
    Double lambda;

    @Option(names = "--energy-set", paramLabel = "KEY=VALUE", description = "A setting of the potential (repeatable).")
    Map<String, String> energySettings = new LinkedHashMap<>();

    @Option(names = "--wavelength", paramLabel = "Å|LINE",
            description = "Wavelength (default: 1.5406 for a target structure, the pattern file's for a pattern).")
    String wavelength;

    @Option(names = "--doublet", description = "Add the Kα2 line of the named Kα/Kα1 line (ratio 0.5): for "
            + "measured patterns of laboratory tubes.")
    boolean doublet;

    @Option(names = "--alpha2", paramLabel = "Å",
            description = "Add a Kα2 line of this wavelength (ratio --alpha2-ratio) to --wavelength.")
    Double alpha2;

    @Option(names = "--alpha2-ratio", paramLabel = "RATIO", defaultValue = "0.5",
            description = "Intensity ratio Kα2/Kα1 of --doublet and --alpha2 (default: ${DEFAULT-VALUE}).")
    double alpha2Ratio;

    @Option(names = "--two-theta", defaultValue = "0:90:0.01", paramLabel = "MIN:MAX:STEP",
            description = "2theta grid of a target structure's simulation (default: ${DEFAULT-VALUE}).")
    String twoTheta;

    @Option(names = "--profile", paramLabel = "U,V,W,ETA[,ZERO]",
            description = "Caglioti U, V, W (deg2), pseudo-Voigt eta and zero shift (default: 0.1,0.01,0.1,0.1, the "
                    + "study's; " + MeasuredRefinement.LAB_PROFILE + " against a measured pattern).")
    String profile;

    @Option(names = "--refine-instrument", paramLabel = "ID,...",
            description = "Measured pattern: instrument parameters refined with the structure (scale, zero, "
                    + "displacement, U, V, W, eta, alpha2Ratio; scale is solved by least squares at every step, else "
                    + "fixed at its least-squares value for the start) (default: " + MeasuredRefinement.DEFAULT_INSTRUMENT
                    + ").")
    String refineInstrument;

    @Option(names = "--background", paramLabel = "STEP",
            description = "Measured pattern: a background estimator of org.pxrd.diffraction.preprocessors "
                    + "(snip, chebyshev[:order=N]) whose estimate is added to the calculation, held fixed.")
    String background;

    @Option(names = "--preprocess", paramLabel = "STEP",
            description = "Measured pattern: a preprocessing step id[:key=value,...] applied before the fit "
                    + "(repeatable, in order).")
    List<String> preprocess = new ArrayList<>();

    @Option(names = "--weights", paramLabel = "esd|counts|unit|auto",
            description = "Measured pattern: weights 1/sigma^2 (default: auto: the esd column, else counts).")
    String weights;

    @Option(names = "--range", paramLabel = "MIN:MAX",
            description = "Measured pattern: the 2theta range compared (degrees).")
    String range;

    @Option(names = "--fit-csv", paramLabel = "FIT.csv",
            description = "Measured pattern: write two_theta, observed, calculated, background, difference.")
    Path fitCsv;

    @Option(names = "--fit-png", paramLabel = "FIT.png",
            description = "Measured pattern: draw observed, calculated, difference and reflection ticks.")
    Path fitPng;

    @Option(names = "--out", paramLabel = "OUT.cif", description = "Write the refined structure.")
    Path out;

    @Option(names = "--trace", paramLabel = "TRACE.csv", description = "Write every step: step, loss, parameters.")
    Path trace;

    /** The study's profile: Caglioti U, V, W (deg²), η. */
    static final String STUDY_PROFILE = "0.1,0.01,0.1,0.1";

    private final CliContext context;

    RefineCommand(CliContext context) {
        this.context = context;
    }

    /** The command's context (for the measured-pattern report). */
    CliContext context() {
        return context;
    }

    @Override
    public Integer call() {
        Structure startStructure = context.readStructure(start);
        RefinementTarget refinementTarget;
        Structure targetStructure = null;
        InstrumentSettings instrument;
        MeasuredRefinement measured = null;
        if (!isStructureFile(target) && isMeasured()) {
            measured = MeasuredRefinement.prepare(this, context, startStructure);
            refinementTarget = RefinementTarget.measured(measured.target());
            instrument = measured.instrument();
        } else if (isStructureFile(target)) {
            targetStructure = context.readStructure(target);
            refinementTarget = RefinementTarget.structure(targetStructure);
            instrument = instrument(radiation(wavelength == null ? "1.5406" : wavelength));
        } else {
            Pattern pattern = context.readPattern(target);
            refinementTarget = RefinementTarget.pattern(pattern);
            Radiation given = wavelength == null ? null : radiation(wavelength);
            try {
                double lambda = PatternFiles.requireWavelength(pattern, given == null ? Double.NaN
                        : given.wavelength());
                instrument = instrument(given != null ? given : radiation(Double.toString(lambda)));
            } catch (PatternFormatException e) {
                throw new CliException(e.getMessage() + " (--wavelength)", e);
            }
        }
        Refinement refinement = prepare(instrument, measured != null);
        RunMonitor<RefinementStep> monitor = new RunMonitor<>();
        RefinementResult result;
        try (CsvTrace csv = trace == null ? null : CsvTrace.create(trace)) {
            if (csv != null) {
                monitor.onStep(csv);
            }
            RefinementTarget t = refinementTarget;
            result = CancelOnInterrupt.run(monitor.cancellation(), "refine",
                    () -> refinement.run(startStructure, t, seed, monitor));
        } catch (IOException e) {
            throw new CliException("cannot write trace " + trace + ": " + e.getMessage(), e);
        }
        boolean completed = result.status().completed();
        Map<String, Object> json = json(refinement, result, targetStructure, completed);
        if (measured != null) {
            measured.report(refinement, result, json);
        }
        if (completed && out != null) {
            RelaxCommand.writeOrReport(context, result.structure(), out, json);
        }
        context.printJson(json);
        if (!monitor.listenerProblems().isEmpty()) {
            throw new CliException("the trace " + trace + " is incomplete: " + monitor.listenerProblems().get(0));
        }
        if (!completed) {
            throw new CliException("refinement of " + start + " " + (result.status() == RunStatus.CANCELLED
                    ? "was interrupted: " : "failed: ") + result.message());
        }
        if (result.status() == RunStatus.MAX_STEPS) {
            context.err().println("pxrd refine: " + result.message());
        }
        return 0;
    }

    /**
     * Whether a pattern target is fitted the Rietveld way ({@link MeasuredRefinement}): when any option of a measured
     * pattern is given, or the residual loss.
     */
    private boolean isMeasured() {
        return refineInstrument != null || background != null || !preprocess.isEmpty() || weights != null
                || range != null || fitCsv != null || fitPng != null
                || RefinementOptions.RESIDUAL.equals(loss == null ? null : loss.trim());
    }

    /** Whether a file is read as a structure (by a structure format's extension or file name, or FILE#NAME). */
    private boolean isStructureFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.contains("#")) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (Contribution c : new StructureFiles(context.extensions()).formats()) {
            for (String ext : c.attribute("fileExtensions").orElse("").split(",")) {
                if (!ext.isBlank() && lower.endsWith("." + ext.trim().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            for (String exact : c.attribute("fileNames").orElse("").split(",")) {
                String e = exact.trim();
                if (!e.isEmpty() && (name.equals(e) || name.startsWith(e + ".") || name.endsWith("_" + e))) {
                    return true;
                }
            }
        }
        return false;
    }

    Radiation radiation(String text) {
        if (doublet && alpha2 != null) {
            throw new CliException("give either --doublet or --alpha2, not both");
        }
        try {
            Radiation r = Radiation.parse(text);
            return doublet ? r.withDoublet(alpha2Ratio) : alpha2 != null ? r.withAlpha2(alpha2, alpha2Ratio) : r;
        } catch (IllegalArgumentException e) {
            throw new CliException("--wavelength: " + e.getMessage(), e);
        }
    }

    private InstrumentSettings instrument(Radiation radiation) {
        try {
            return new InstrumentSettings(radiation, TwoThetaGrid.parse(twoTheta), ProfileParameters.parse(
                    profile == null ? STUDY_PROFILE : profile),
                    PeakNormalisation.UNIT_AREA, PatternScaling.MAX_ONE, TailMode.MULTILEVEL);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private Refinement prepare(InstrumentSettings instrument, boolean measured) {
        RefinementOptions options;
        try {
            Set<ParameterGroup> groups = groups(params);
            InstrumentParameters refined = measured ? MeasuredRefinement.refined(refineInstrument)
                    : InstrumentParameters.of();
            if (refined.size() > 0) {
                groups.add(ParameterGroup.INSTRUMENT);
            }
            LearningRates rates = rates(groups, measured);
            StopRule stop = measured
                    ? new StopRule(tol == null ? 1e-9 : tol, window == null ? 50 : window,
                            maxSteps == null ? 3000 : maxSteps, maxSeconds == null ? Double.NaN : maxSeconds)
                    : new StopRule(tol == null ? 1e-4 : tol, window == null ? 1000 : window,
                            maxSteps == null ? 30000 : maxSteps, maxSeconds == null ? Double.NaN : maxSeconds);
            String lossId = loss != null ? loss : measured ? RefinementOptions.RESIDUAL : "cosine";
            String optimizerId = optimizer != null ? optimizer : measured ? "lbfgs" : "gd";
            options = new RefinementOptions(lossId, lossSettings, projector, projectorSettings, groups, optimizerId,
                    optimizerSettings, rates, stop, multiStart(), anneal == null ? null : AnnealSchedule.parse(anneal),
                    energyTerm(), refined);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
        try {
            return new RefinementEngine(context.extensions()).prepare(options, instrument);
        } catch (ContributionException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** lattice, coords, both, or a comma-separated list of groups. */
    static Set<ParameterGroup> groups(String text) {
        if (text.trim().equalsIgnoreCase("instrument")) {
            throw new IllegalArgumentException("--params: choose the instrument parameters with --refine-instrument");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("both")) {
            return EnumSet.of(ParameterGroup.LATTICE, ParameterGroup.COORDINATES);
        }
        Set<ParameterGroup> groups = EnumSet.noneOf(ParameterGroup.class);
        for (String part : t.split(",")) {
            try {
                groups.add(ParameterGroup.parse(part));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--params: " + e.getMessage() + " or both", e);
            }
        }
        return groups;
    }

    private LearningRates rates(Set<ParameterGroup> groups, boolean measured) {
        Map<String, Double> rates = new LinkedHashMap<>();
        if (lr == null && !measured) {
            throw new IllegalArgumentException("--lr is required: the learning rate of the refined groups");
        }
        for (ParameterGroup g : groups) {
            rates.put(g.id(), lr != null ? lr : MeasuredRefinement.DEFAULT_RATES.get(g.id()));
        }
        if (lr == null && groups.contains(ParameterGroup.LATTICE)) {
            rates.put(LearningRates.ANGLES, MeasuredRefinement.DEFAULT_RATES.get(LearningRates.ANGLES));
        }
        if (lrInstrument != null) {
            rates.put(ParameterGroup.INSTRUMENT.id(), lrInstrument);
        }
        if (lrCoords != null) {
            rates.put(ParameterGroup.COORDINATES.id(), lrCoords);
        }
        if (lrProfile != null) {
            rates.put(ParameterGroup.PROFILE.id(), lrProfile);
        }
        if (lrAngles != null) {
            rates.put(LearningRates.ANGLES, lrAngles);
        }
        return LearningRates.of(rates);
    }

    private MultiStart multiStart() {
        if (startsNoise == null) {
            return MultiStart.of(starts);
        }
        String[] parts = startsNoise.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--starts-noise must be LATTICE,COORDS, e.g. 0.01,0.01, got '"
                    + startsNoise + "'");
        }
        try {
            return new MultiStart(starts, Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--starts-noise must be two numbers, got '" + startsNoise + "'", e);
        }
    }

    private EnergyTerm energyTerm() {
        if (energy == null) {
            if (lambda != null || !energySettings.isEmpty()) {
                throw new IllegalArgumentException("--lambda and --energy-set need --energy POTENTIAL");
            }
            return null;
        }
        if (lambda == null) {
            throw new IllegalArgumentException("--energy needs --lambda, the weight of E/N (loss units per eV/atom)");
        }
        return new EnergyTerm(energy, energySettings, lambda);
    }

    private Map<String, Object> json(Refinement refinement, RefinementResult r, Structure targetStructure,
            boolean completed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("start", start.toString());
        json.put("target", target.toString());
        json.put("target_kind", targetStructure == null ? "pattern" : "structure");
        json.put("loss", refinement.lossId());
        json.put("projector", refinement.options().projector());
        json.put("optimizer", refinement.optimizerId());
        json.put("params", refinement.options().refine().stream().map(ParameterGroup::id).sorted().toList());
        json.put("learning_rates", refinement.options().learningRates().asMap());
        json.put("seed", seed);
        json.put("status", r.status().name().toLowerCase(Locale.ROOT));
        json.put("message", r.message());
        json.put("steps", r.steps());
        json.put("evaluations", r.totalEvaluations());
        json.put("initial_loss", finite(r.initialLoss()));
        json.put("final_loss", finite(r.finalLoss()));
        if (refinement.options().energy() != null) {
            json.put("initial_xrd_loss", finite(r.initialXrdLoss()));
            json.put("final_xrd_loss", finite(r.finalXrdLoss()));
            json.put("initial_energy_eV_per_atom", finite(r.initialEnergyPerAtom()));
            json.put("final_energy_eV_per_atom", finite(r.finalEnergyPerAtom()));
        }
        json.put("lattice", lattice(r.lattice()));
        if (refinement.options().refine().contains(ParameterGroup.PROFILE)) {
            ProfileParameters p = r.profile();
            json.put("profile", Map.of("U", p.u(), "V", p.v(), "W", p.w(), "eta", p.eta(), "zero", p.zeroShift()));
        }
        if (targetStructure != null) {
            double[] truth = targetStructure.lattice().parameters();
            json.put("target_lattice", lattice(truth));
            double[] refined = r.lattice();
            Map<String, Double> error = new LinkedHashMap<>();
            String[] names = {"a", "b", "c", "alpha", "beta", "gamma"};
            for (int k = 0; k < 6; k++) {
                error.put(names[k], (refined[k] - truth[k]) / truth[k]);
            }
            json.put("lattice_relative_error", error);
            MatchResult m = new StructureMatcher(MatchOptions.STUDY).match(r.structure(), targetStructure);
            json.put("match", m.match());
            json.put("rms", finite(m.rms()));
            json.put("max_dist", finite(m.maxDistance()));
            json.put("matcher", MatchOptions.STUDY.asMap());
        }
        if (r.starts().size() > 1) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (RefinementResult s : r.starts()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("start", s.start());
                m.put("status", s.status().name().toLowerCase(Locale.ROOT));
                m.put("steps", s.steps());
                m.put("initial_loss", finite(s.initialLoss()));
                m.put("final_loss", finite(s.finalLoss()));
                list.add(m);
            }
            json.put("best_start", r.start());
            json.put("starts", list);
        }
        json.put("seconds", r.totalNanos() / 1e9);
        json.put("ms_per_step", finite(r.millisPerStep()));
        if (completed && out != null) {
            json.put("out", out.toString());
        }
        if (trace != null) {
            json.put("trace", trace.toString());
        }
        return json;
    }

    private static Map<String, Double> lattice(double[] p) {
        Map<String, Double> m = new LinkedHashMap<>();
        String[] names = {"a", "b", "c", "alpha", "beta", "gamma"};
        for (int k = 0; k < 6; k++) {
            m.put(names[k], p[k]);
        }
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
