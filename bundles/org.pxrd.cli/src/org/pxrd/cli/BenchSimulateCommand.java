package org.pxrd.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.PatternScaling;
import org.pxrd.diffraction.Radiation;
import org.pxrd.diffraction.TailMode;
import org.pxrd.diffraction.XrdGradient;
import org.pxrd.diffraction.XrdSession;
import org.pxrd.diffraction.XrdSimulator;
import org.pxrd.diffraction.XrdSimulators;
import org.pxrd.examples.Examples;
import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;
import org.pxrd.model.Structure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd bench simulate [FILES]}: time the simulator on structures (default: the study's ten, bundled with the
 * product). Per structure, after a warm-up, {@code --repeats} batches of at least {@code --batch-ms} each are timed and
 * the median time per call is reported, for
 * <ul>
 * <li>pattern: set the lattice parameters, compute the 9000-bin pattern;</li>
 * <li>step: the same, then dL/dy of the mean squared error to the starting pattern and the adjoint (gradient with
 * respect to lattice parameters, coordinates and profile) - one step of a refinement.</li>
 * </ul>
 * Wall-clock medians, and the thread's CPU time per step (robust when other processes share the machine). The last
 * line is {@code median_pattern_ms=X median_step_ms=Y}, the medians over the structures. By default the structures are
 * timed as given; {@code --perturb σ} times them at lattices distorted by the study's noise (seeded), where no
 * symmetry is left for equivalent reflections to share a profile evaluation.
 */
@Command(name = "simulate", sortOptions = false,
        description = {"Time the XRD simulator's pattern and pattern+gradient steps.",
            "Default: the study's ten structures. Last line: median_pattern_ms=X median_step_ms=Y."})
final class BenchSimulateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Structure files (default: the study's ten).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--wavelength", paramLabel = "Å|LINE", defaultValue = "1.5406",
            description = "Wavelength (default ${DEFAULT-VALUE}).")
    String wavelength;

    @Option(names = "--tails", paramLabel = "multilevel|exact", defaultValue = "multilevel",
            description = "Tail evaluation (default ${DEFAULT-VALUE}).")
    String tails;

    @Option(names = "--perturb", paramLabel = "SIGMA", defaultValue = "0",
            description = "Time at distorted lattices, as the study's lattice noise L' = S L (s_ii ~ U(1-σ, 1+σ), "
                    + "s_ij ~ U(-σ, σ)), which breaks the symmetry that lets equivalent reflections share a profile "
                    + "(default ${DEFAULT-VALUE}: the structures as given).")
    double perturb;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of --perturb (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--warmup-ms", defaultValue = "1500",
            description = "Warm-up per structure (default ${DEFAULT-VALUE}).")
    long warmupMs;

    @Option(names = "--repeats", defaultValue = "15",
            description = "Timed batches per measure (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--batch-ms", defaultValue = "40",
            description = "Least duration of a batch (default ${DEFAULT-VALUE}).")
    long batchMs;

    private final CliContext context;

    BenchSimulateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (repeats < 1 || warmupMs < 0 || batchMs < 1) {
            throw new CliException("--repeats and --batch-ms must be positive, --warmup-ms not negative");
        }
        if (!(perturb >= 0 && perturb < 0.5)) {
            throw new CliException("--perturb must lie in [0, 0.5), got " + perturb);
        }
        InstrumentSettings instrument;
        try {
            instrument = InstrumentSettings.study(Radiation.parse(wavelength)).withTails(
                    TailMode.valueOf(tails.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage().startsWith("No enum") ? "--tails must be multilevel or exact, got '"
                    + tails + "'" : e.getMessage(), e);
        }
        XrdSimulator simulator;
        try {
            simulator = new XrdSimulators(context.extensions()).defaultSimulator();
        } catch (ContributionException e) {
            throw new CliException(e.getMessage(), e);
        }
        List<Structure> structures = structures();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        context.out().printf(Locale.ROOT, "# pxrd bench simulate: wavelength=%s grid=%s profile=%s tails=%s "
                + "perturb=%s seed=%d, warm-up %d ms, %d batches of >= %d ms, medians; %d cores, Java %s%n",
                instrument.radiation().headerValue(), instrument.grid().describe(), instrument.profile().describe(),
                instrument.tails().name().toLowerCase(Locale.ROOT), perturb, seed, warmupMs, repeats, batchMs,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        SplittableRandom random = new SplittableRandom(seed);
        context.out().println("structure,sites,reflections,profile_peaks,pattern_ms,step_ms,step_cpu_ms");
        double[] patternMs = new double[structures.size()];
        double[] stepMs = new double[structures.size()];
        for (int i = 0; i < structures.size(); i++) {
            Structure s = structures.get(i);
            XrdSession session = simulator.open(s, instrument.withScaling(PatternScaling.MAX_ONE));
            double[] target = new double[session.patternSize()];
            session.computePattern(target);
            double[] y = new double[target.length];
            double[] dLdy = new double[target.length];
            XrdGradient gradient = new XrdGradient(session.siteCount());
            double[] p = distorted(s.lattice(), random).parameters();
            Runnable pattern = () -> {
                session.setLatticeParameters(p);
                session.computePattern(y);
            };
            Runnable step = () -> {
                session.setLatticeParameters(p);
                session.computePattern(y);
                double scale = 2.0 / y.length;
                for (int j = 0; j < y.length; j++) {
                    dLdy[j] = scale * (y[j] - target[j]);
                }
                session.computeGradient(dLdy, gradient);
            };
            run(step, warmupMs);
            patternMs[i] = median(pattern, false, cpu);
            stepMs[i] = median(step, false, cpu);
            double stepCpu = median(step, true, cpu);
            context.out().printf(Locale.ROOT, "%s,%d,%d,%d,%.4f,%.4f,%.4f%n", s.name(), s.size(),
                    session.reflectionCount(), session.profilePeakCount(), patternMs[i], stepMs[i], stepCpu);
            context.out().flush();
        }
        context.out().printf(Locale.ROOT, "median_pattern_ms=%.4f median_step_ms=%.4f%n", medianOf(patternMs),
                medianOf(stepMs));
        return 0;
    }

    /** The study's lattice noise: rows of S·M, s_ii ~ U(1 − σ, 1 + σ), s_ij ~ U(−σ, σ); unchanged for σ = 0. */
    private Lattice distorted(Lattice lattice, SplittableRandom random) {
        if (perturb == 0) {
            return lattice;
        }
        double[][] s = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                s[i][j] = (i == j ? 1 : 0) + perturb * (2 * random.nextDouble() - 1);
            }
        }
        return Lattice.fromMatrix(Matrix3.multiply(s, lattice.matrix()));
    }

    private List<Structure> structures() {
        List<Structure> list = new ArrayList<>();
        if (!files.isEmpty()) {
            for (Path f : files) {
                list.add(context.readStructure(f));
            }
            return list;
        }
        for (Path f : Examples.studyStructuresP1()) {
            list.add(context.readStructure(f).withName(f.getFileName().toString().replace(".cif", "")));
        }
        return list;
    }

    private static void run(Runnable task, long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            task.run();
        }
    }

    /** The median over the repeats of the mean time per call (ms) of batches lasting at least batch-ms. */
    private double median(Runnable task, boolean cpuTime, ThreadMXBean cpu) {
        double[] perCall = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long wall0 = System.nanoTime();
            long cpu0 = cpu.getCurrentThreadCpuTime();
            int calls = 0;
            do {
                task.run();
                calls++;
            } while (System.nanoTime() - wall0 < batchMs * 1_000_000);
            long elapsed = cpuTime ? cpu.getCurrentThreadCpuTime() - cpu0 : System.nanoTime() - wall0;
            perCall[r] = elapsed / 1e6 / calls;
        }
        return medianOf(perCall);
    }

    private static double medianOf(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
