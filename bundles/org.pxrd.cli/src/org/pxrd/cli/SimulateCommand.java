package org.pxrd.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.pxrd.diffraction.Goniometer;
import org.pxrd.diffraction.HklFamily;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.Peak;
import org.pxrd.diffraction.PeakList;
import org.pxrd.diffraction.PeakNormalisation;
import org.pxrd.diffraction.PowderSimulator;
import org.pxrd.diffraction.ProfileParameters;
import org.pxrd.diffraction.Radiation;
import org.pxrd.diffraction.TailMode;
import org.pxrd.diffraction.TwoThetaGrid;
import org.pxrd.diffraction.PatternScaling;
import org.pxrd.diffraction.XrdSession;
import org.pxrd.diffraction.XrdSimulator;
import org.pxrd.diffraction.XrdSimulators;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.model.Structure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd simulate FILE... }: powder XRD peak lists and profile patterns of structure files, through the simulators
 * of {@code org.pxrd.diffraction.simulators}. One file writes to stdout or to the files named by {@code --peaks} and
 * {@code --pattern}; many files are simulated in parallel (one JVM, all cores) into {@code --out-dir DIR} as
 * {@code DIR/<name>.peaks.csv} and {@code DIR/<name>.pattern.csv}. Every output states its wavelength in a
 * {@code # wavelength=...} header line. A file that fails is reported on stderr and the others still finish.
 */
@Command(name = "simulate", sortOptions = false, description = {
        "Simulate powder XRD peaks and patterns of structure files.",
        "Peaks CSV: two_theta,intensity,d,h,k,l,multiplicity (intensity 100 for the strongest peak). "
                + "Pattern CSV: two_theta,intensity. Both start with '# key=value' lines (wavelength, grid, profile)."})
final class SimulateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Structure files (CIF, ...).")
    List<Path> files;

    /** The wavelength without --like when none is given: the study's. */
    static final String STUDY_WAVELENGTH = "1.5406";

    @Option(names = "--wavelength", paramLabel = "Å|LINE",
            description = "Wavelength in Å or a line: CuKa1, CuKa, MoKa1, CoKa1, FeKa1, CrKa1, AgKa1, ... (default "
                    + STUDY_WAVELENGTH + ", the study's; with --like the measured file's, and it must state one).")
    String wavelength;

    @Option(names = "--doublet", description = "Add the Kα2 line of the named Kα/Kα1 line to the pattern.")
    boolean doublet;

    @Option(names = "--alpha2", paramLabel = "Å", description = "Add a second line of this wavelength to the pattern.")
    Double alpha2;

    @Option(names = "--alpha2-ratio", paramLabel = "RATIO", defaultValue = "0.5",
            description = "Intensity of the second line relative to the first (default ${DEFAULT-VALUE}).")
    double alpha2Ratio;

    @Option(names = "--peaks", arity = "0..1", fallbackValue = "", paramLabel = "OUT.csv",
            description = "Write the peak list (to OUT.csv, else to stdout or --out-dir).")
    String peaks;

    @Option(names = "--pattern", arity = "0..1", fallbackValue = "", paramLabel = "OUT.csv",
            description = "Write the profile pattern (to OUT.csv, else to stdout or --out-dir).")
    String pattern;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "Write DIR/<name>.peaks.csv and DIR/<name>.pattern.csv for every file (both unless "
                    + "--peaks or --pattern narrows it).")
    Path outDir;

    /** The 2θ grid when none is given: the study's. */
    static final String STUDY_GRID = "0:90:0.01";

    @Option(names = "--two-theta", paramLabel = "MIN:MAX:STEP",
            description = "2θ range and bin width in degrees (default " + STUDY_GRID + "; with --like the measured "
                    + "points).")
    String twoTheta;

    @Option(names = "--profile", paramLabel = "U,V,W,ETA[,ZERO]", defaultValue = "0.1,0.01,0.1,0.1",
            description = "Caglioti U, V, W (deg²), pseudo-Voigt Gaussian fraction η, zero shift (deg) "
                    + "(default ${DEFAULT-VALUE}, the study's).")
    String profile;

    @Option(names = "--normalise", paramLabel = "area|height", defaultValue = "area",
            description = "Each peak of unit area or unit height (default ${DEFAULT-VALUE}).")
    String normalise;

    @Option(names = "--scale", paramLabel = "max|raw",
            description = "Pattern divided by its maximum, or raw |F|²·LP intensities (default max; with --like the "
                    + "scale factor is fitted to the measured pattern).")
    String scale;

    @Option(names = "--displacement", paramLabel = "MM", defaultValue = "0",
            description = "Sample displacement s in mm below the goniometer axis: peaks move by "
                    + "-(360/pi)(s/R)cos(theta) degrees (default ${DEFAULT-VALUE}).")
    double displacement;

    @Option(names = "--radius", paramLabel = "MM", defaultValue = "240",
            description = "Goniometer radius R in mm (default ${DEFAULT-VALUE}).")
    double radius;

    @Option(names = "--like", paramLabel = "MEASURED",
            description = "Simulate on the points of a measured pattern with its wavelength (Kα1+Kα2 when the file "
                    + "states both; else --wavelength), scale fitted by least squares; the pattern output gains the "
                    + "measured intensities and the agreement (Rp, Rwp, Rexp, GoF).")
    Path like;

    @Option(names = "--range", paramLabel = "MIN:MAX", description = "With --like: compare only the measured points "
            + "with MIN <= 2θ <= MAX (degrees; either side may be empty).")
    String range;

    @Option(names = "--weights", paramLabel = "auto|esd|counts|unit", defaultValue = "auto",
            description = "With --like: weights 1/σ² from the file's esd column, counting statistics (σ² = counts) or "
                    + "1; auto: esd if the file has them, else counts (default ${DEFAULT-VALUE}).")
    String weights;

    @Option(names = "--preprocess", paramLabel = "ID[:KEY=VALUE,...]", description = "With --like: a preprocessing "
            + "step applied to the measured pattern (e.g. snip to subtract a background, savgol); repeatable, in order.")
    List<String> preprocess = new ArrayList<>();

    @Option(names = "--background", paramLabel = "ID[:KEY=VALUE,...]", description = "With --like: estimate the "
            + "measured background with this estimator (snip, chebyshev) and add it to the simulation.")
    String background;

    @Option(names = "--fit-zero", description = "With --like: fit the zero shift (a scan over +-ZERO_RANGE with the "
            + "scale in closed form at each step) instead of taking it from --profile.")
    boolean fitZero;

    @Option(names = "--zero-range", paramLabel = "DEG", defaultValue = "0.5",
            description = "Half-width of the --fit-zero scan in degrees 2θ (default ${DEFAULT-VALUE}).")
    double zeroRange;

    @Option(names = "--tails", paramLabel = "multilevel|exact", defaultValue = "multilevel",
            description = "Peak tails through coarser grids (fast, bounded error) or every peak at every bin.")
    String tails;

    @Option(names = "--simulator", paramLabel = "ID", defaultValue = XrdSimulators.DEFAULT_SIMULATOR,
            description = "Simulator contribution (default ${DEFAULT-VALUE}).")
    String simulatorId;

    @Option(names = "--scattering-factors", paramLabel = "ID",
            description = "Scattering factor table contribution for the built-in simulator (default "
                    + XrdSimulators.DEFAULT_TABLE + ").")
    String tableId;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for many files (default: all cores).")
    Integer threads;

    @Spec
    CommandSpec spec;

    private final CliContext context;

    SimulateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (like != null) {
            return new LikeMeasured(this, context).run();
        }
        for (String measuredOnly : new String[] {"--range", "--preprocess", "--background", "--fit-zero"}) {
            if (given(measuredOnly)) {
                throw new CliException(measuredOnly + " needs --like MEASURED");
            }
        }
        InstrumentSettings instrument = instrument();
        XrdSimulator simulator = simulator();
        boolean many = outDir != null || files.size() > 1;
        if (!many) {
            return single(files.get(0), simulator, instrument);
        }
        if (outDir == null) {
            throw new CliException("several input files need --out-dir DIR");
        }
        if ((peaks != null && !peaks.isEmpty()) || (pattern != null && !pattern.isEmpty())) {
            throw new CliException("with --out-dir, --peaks and --pattern take no file name (outputs are "
                    + "DIR/<name>.peaks.csv and DIR/<name>.pattern.csv)");
        }
        boolean writePeaks = peaks != null || pattern == null;
        boolean writePattern = pattern != null || peaks == null;
        return many(simulator, instrument, writePeaks, writePattern);
    }

    /** The instrument from the options; a bad value ends the command with a one-line message. */
    InstrumentSettings instrument() {
        try {
            return instrument(givenRadiation(STUDY_WAVELENGTH), TwoThetaGrid.parse(twoTheta == null ? STUDY_GRID
                    : twoTheta), choice("--scale", scale == null ? "max" : scale, Map.of("max", PatternScaling.MAX_ONE,
                            "raw", PatternScaling.RAW)));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** The instrument of the options on a grid, with a radiation and a scaling. */
    InstrumentSettings instrument(Radiation radiation, TwoThetaGrid grid, PatternScaling scaling) {
        try {
            return new InstrumentSettings(radiation, grid, ProfileParameters.parse(profile),
                    choice("--normalise", normalise, Map.of("area", PeakNormalisation.UNIT_AREA, "height",
                            PeakNormalisation.UNIT_HEIGHT)),
                    scaling,
                    choice("--tails", tails, Map.of("multilevel", TailMode.MULTILEVEL, "exact", TailMode.EXACT)),
                    new Goniometer(radius, displacement), 1);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /**
     * The radiation of --wavelength with --doublet or --alpha2, or with no --wavelength the fallback (the study's
     * wavelength, or null with --like: then the measured file's).
     */
    Radiation givenRadiation(String fallback) {
        if (doublet && alpha2 != null) {
            throw new CliException("give either --doublet or --alpha2, not both");
        }
        String text = wavelength != null ? wavelength : fallback;
        if (text == null) {
            if (doublet || alpha2 != null) {
                throw new CliException((doublet ? "--doublet" : "--alpha2") + " needs --wavelength (the Kα1 line it "
                        + "goes with)");
            }
            return null;
        }
        try {
            Radiation radiation = Radiation.parse(text);
            if (doublet) {
                radiation = radiation.withDoublet(alpha2Ratio);
            } else if (alpha2 != null) {
                radiation = radiation.withAlpha2(alpha2, alpha2Ratio);
            }
            return radiation;
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** Whether an option was given on the command line. */
    boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private static <T> T choice(String option, String value, Map<String, T> choices) {
        T t = choices.get(value.trim().toLowerCase(Locale.ROOT));
        if (t == null) {
            throw new CliException(option + " must be one of " + new java.util.TreeSet<>(choices.keySet()) + ", got '"
                    + value + "'");
        }
        return t;
    }

    XrdSimulator simulator() {
        XrdSimulators registry = new XrdSimulators(context.extensions());
        try {
            XrdSimulator simulator = registry.simulator(simulatorId, Map.of());
            if (tableId != null) {
                if (!(simulator instanceof PowderSimulator powder)) {
                    throw new CliException("--scattering-factors applies to the built-in simulator only, not to "
                            + simulatorId);
                }
                simulator = powder.withScatteringFactors(registry.table(tableId));
            }
            return simulator;
        } catch (ContributionException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private int single(Path file, XrdSimulator simulator, InstrumentSettings instrument) {
        boolean peaksToStdout = peaks == null ? pattern == null : peaks.isEmpty();
        boolean patternToStdout = pattern != null && pattern.isEmpty();
        if (peaksToStdout && patternToStdout) {
            throw new CliException("only one output can go to stdout: give --peaks OUT.csv or --pattern OUT.csv");
        }
        Structure structure = context.readStructure(file);
        XrdSession session = open(simulator, structure, instrument, file);
        if (peaks != null || pattern == null) {
            String text = peaksCsv(file, session);
            if (peaksToStdout) {
                context.out().print(text);
            } else {
                write(Path.of(peaks), text);
            }
        }
        if (pattern != null) {
            String text = patternCsv(file, session);
            if (patternToStdout) {
                context.out().print(text);
            } else {
                write(Path.of(pattern), text);
            }
        }
        context.out().flush();
        return 0;
    }

    private int many(XrdSimulator simulator, InstrumentSettings instrument, boolean writePeaks, boolean writePattern)
            throws InterruptedException {
        Map<String, Path> byName = new HashMap<>();
        for (Path f : files) {
            Path previous = byName.put(baseName(f), f);
            if (previous != null && !previous.equals(f)) {
                throw new CliException(previous + " and " + f + " would both write " + outDir.resolve(baseName(f))
                        + ".*.csv");
            }
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new CliException(outDir + ": cannot create the output directory: " + e.getMessage(), e);
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new CliException("--threads must be at least 1, got " + n);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, files.size()));
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (Path f : files) {
                jobs.add(pool.submit(() -> {
                    Structure structure = context.readStructure(f);
                    XrdSession session = open(simulator, structure, instrument, f);
                    String name = baseName(f);
                    if (writePeaks) {
                        write(outDir.resolve(name + ".peaks.csv"), peaksCsv(f, session));
                    }
                    if (writePattern) {
                        write(outDir.resolve(name + ".pattern.csv"), patternCsv(f, session));
                    }
                    return null;
                }));
            }
            int failed = 0;
            for (Future<?> job : jobs) {
                try {
                    job.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    String message = cause instanceof CliException ? cause.getMessage()
                            : cause.getClass().getSimpleName() + ": " + cause.getMessage();
                    context.err().println("pxrd simulate: " + message);
                    failed++;
                }
            }
            context.err().printf("pxrd simulate: %d of %d files written to %s%n", files.size() - failed, files.size(),
                    outDir);
            return failed == 0 ? 0 : Pxrd.EXIT_FAILURE;
        } finally {
            pool.shutdownNow();
        }
    }

    static XrdSession open(XrdSimulator simulator, Structure structure, InstrumentSettings instrument,
            Path file) {
        try {
            return simulator.open(structure, instrument);
        } catch (IllegalArgumentException e) {
            throw new CliException(file + ": " + e.getMessage(), e);
        }
    }

    /** The file name without its extension. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String header(Path file, XrdSession session) {
        InstrumentSettings in = session.instrument();
        StringBuilder sb = new StringBuilder();
        sb.append("# structure=").append(file).append('\n');
        sb.append("# wavelength=").append(in.radiation().headerValue()).append(" (").append(in.radiation().describe())
                .append(")\n");
        sb.append("# two_theta=").append(in.grid().describe()).append(" (degrees; bins centred at min+step*(j+0.5))\n");
        sb.append("# profile=").append(in.profile().describe()).append(" normalisation=")
                .append(in.normalisation().name().toLowerCase(Locale.ROOT)).append(" scaling=")
                .append(in.scaling().name().toLowerCase(Locale.ROOT)).append(" tails=")
                .append(in.tails().name().toLowerCase(Locale.ROOT)).append('\n');
        return sb.toString();
    }

    /** Peak list CSV: intensity scaled to 100 for the strongest peak; hkl is the peak's largest family. */
    static String peaksCsv(Path file, XrdSession session) {
        PeakList list = session.peaks();
        StringBuilder sb = new StringBuilder(header(file, session));
        sb.append("# peaks of the first line (").append(list.radiation().wavelength())
                .append(" Å), intensity 100 for the strongest; multiplicity: reflections in the peak; "
                        + "h,k,l: the largest hkl family\n");
        sb.append("two_theta,intensity,d,h,k,l,multiplicity\n");
        double[] scaled = list.scaledIntensities();
        for (int i = 0; i < scaled.length; i++) {
            Peak p = list.peaks().get(i);
            HklFamily f = p.families().get(0);
            sb.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%d,%d,%d,%d%n", p.twoTheta(), scaled[i], p.d(), f.h(),
                    f.k(), f.l(), p.multiplicity()));
        }
        return sb.toString();
    }

    /** Pattern CSV: one line per bin centre. */
    static String patternCsv(Path file, XrdSession session) {
        double[] y = new double[session.patternSize()];
        session.computePattern(y);
        TwoThetaGrid grid = session.instrument().grid();
        StringBuilder sb = new StringBuilder(header(file, session));
        sb.append("two_theta,intensity\n");
        for (int j = 0; j < y.length; j++) {
            sb.append(String.format(Locale.ROOT, "%.6f,%.9g%n", grid.centre(j), y[j]));
        }
        return sb.toString();
    }

    /** Writes through a temporary file and a move, so a failure never leaves a partial file. */
    static void write(Path target, String text) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(parent, ".pxrd-", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new CliException(target + ": cannot write: " + e.getMessage(), e);
        }
    }
}
