package org.pxrd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.Radiation;
import org.pxrd.examples.Examples;
import org.pxrd.model.Structure;
import org.pxrd.optimization.noise.LatticeNoise;
import org.pxrd.optimization.noise.Seeds;
import org.pxrd.optimization.refine.LearningRates;
import org.pxrd.optimization.refine.MultiStart;
import org.pxrd.optimization.refine.ParameterGroup;
import org.pxrd.optimization.refine.Refinement;
import org.pxrd.optimization.refine.RefinementBatch;
import org.pxrd.optimization.refine.RefinementEngine;
import org.pxrd.optimization.refine.RefinementOptions;
import org.pxrd.optimization.refine.RefinementResult;
import org.pxrd.optimization.refine.RefinementTarget;
import org.pxrd.optimization.refine.StopRule;
import org.pxrd.optimization.run.CancellationToken;
import org.pxrd.optimization.run.RunStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd bench refine}: the lattice check of issue 7 and its timings. For every structure (default: the study's
 * ten, conventional cells) {@code --runs} starts are drawn with the study's lattice noise (seeds
 * {@code Seeds.derive(seed, structure index × runs + run)}, the same for every optimizer), refined against the
 * structure's own pattern (study instrument) with the loss, the projector and each optimizer, and a run counts as
 * recovered when every lattice parameter ends within {@code --within} (relative) of the truth. All runs of an
 * optimizer go through one thread pool.
 *
 * <p>Output (CSV on stdout): one row per optimizer and structure
 * {@code optimizer,structure,runs,recovered,rate,converged,failed,median_steps,ms_per_step,s_per_run}, then one line
 * per optimizer {@code optimizer=ID recovered=K/N rate=R ms_per_step=X s_per_run=Y wall_s=Z}. Wall-clock times
 * include the machine's other load; they are measured, never asserted.
 */
@Command(name = "refine", sortOptions = false, description = {
    "Count the lattice-noise refinements that recover the truth.",
    "Distorts each structure with lattice noise, refines it against its own pattern and counts the runs whose "
        + "lattice parameters all end within --within of the truth; per structure and optimizer, with timings."})
final class BenchRefineCommand implements Callable<Integer> {

    /**
     * The study's gradient descent with the learning rates the study presets use (calibrated on this engine: see
     * the presets' comments), as an {@code ID:LATTICE,ANGLES} spec.
     */
    static final String STUDY_GRADIENT_DESCENT = "gd:0.0005,0.3";

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Structure files (default: the study's ten conventional cells).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--optimizer", paramLabel = "ID:LATTICE,ANGLES",
            description = "An optimizer with its lattice and angle learning rates (repeatable; default: the study "
                    + "presets' gradient descent, gd:0.0005,0.3).")
    List<String> optimizers = new ArrayList<>();

    @Option(names = "--runs", defaultValue = "20", description = "Distorted starts per structure (default: "
            + "${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--noise", defaultValue = "0.01", description = "Lattice noise sigma (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--loss", defaultValue = "cosine", description = "Loss id (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--projector", defaultValue = "auto", description = "Projector id (default: ${DEFAULT-VALUE}).")
    String projector;

    @Option(names = "--within", defaultValue = "1e-3",
            description = "Relative error of every lattice parameter that counts as recovered (default: "
                    + "${DEFAULT-VALUE}).")
    double within;

    @Option(names = "--seed", defaultValue = "20260410", description = "Seed of the distortions (default: "
            + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-steps", defaultValue = "30000", description = "Step budget (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--tol", defaultValue = "1e-4", description = "Stop tolerance (default: ${DEFAULT-VALUE}).")
    double tol;

    @Option(names = "--window", defaultValue = "1000", description = "Stop window (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--starts", defaultValue = "1",
            description = "Multi-start (beyond the study): each run refines its start and K-1 seeded perturbations of it "
                    + "(lattice noise 0.01) and keeps the lowest final loss (default: ${DEFAULT-VALUE}).")
    int starts;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--runs-csv", paramLabel = "FILE",
            description = "Also write one row per run: optimizer,structure,run,seed,status,steps,recovered,"
                    + "worst_relative_error,initial_loss,final_loss,seconds.")
    Path runsCsv;

    private final CliContext context;

    BenchRefineCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (runs < 1 || starts < 1) {
            throw new CliException("--runs and --starts must be at least 1, got " + runs + " and " + starts);
        }
        LatticeNoise distortion;
        try {
            distortion = new LatticeNoise(noise);
        } catch (IllegalArgumentException e) {
            throw new CliException("--noise: " + e.getMessage(), e);
        }
        List<Structure> truths = new ArrayList<>();
        for (Path f : files.isEmpty() ? Examples.studyStructures() : files) {
            truths.add(context.readStructure(f));
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new CliException("--threads must be at least 1, got " + workers);
        }
        InstrumentSettings instrument = InstrumentSettings.study(Radiation.of(1.5406));
        RefinementEngine engine = new RefinementEngine(context.extensions());
        PrintWriter out = context.out();
        out.printf(Locale.ROOT, "# pxrd bench refine: %d structures x %d runs, lattice noise %s, loss %s, projector %s, "
                + "stop tol %s over %d steps, at most %d steps, %d start(s) per run, recovered within %s, seed %d, "
                + "%d threads, %d cores%n", truths.size(), runs, noise, loss, projector, tol, window, maxSteps, starts,
                within, seed, workers,
                Runtime.getRuntime().availableProcessors());
        out.println("optimizer,structure,runs,recovered,rate,converged,failed,median_steps,ms_per_step,s_per_run");
        List<String> summaries = new ArrayList<>();
        try (PrintWriter perRun = runsCsv == null ? null : new PrintWriter(Files.newBufferedWriter(runsCsv,
                StandardCharsets.UTF_8))) {
            if (perRun != null) {
                perRun.println("optimizer,structure,run,seed,status,steps,recovered,worst_relative_error,initial_loss,"
                        + "final_loss,seconds");
            }
            for (String spec : optimizers.isEmpty() ? List.of(STUDY_GRADIENT_DESCENT) : optimizers) {
                Refinement refinement = refinement(engine, instrument, spec);
                List<RefinementBatch.Job> jobs = new ArrayList<>();
                for (int s = 0; s < truths.size(); s++) {
                    for (int r = 0; r < runs; r++) {
                        long runSeed = Seeds.derive(seed, (long) s * runs + r);
                        jobs.add(new RefinementBatch.Job(refinement, distortion.apply(truths.get(s), runSeed),
                                RefinementTarget.structure(truths.get(s)), runSeed));
                    }
                }
                long t0 = System.nanoTime();
                List<RefinementResult> results = RefinementBatch.run(jobs, workers, new CancellationToken(), null);
                double wall = (System.nanoTime() - t0) / 1e9;
                summaries.add(report(refinement.optimizerId(), truths, results, jobs, wall, perRun));
            }
        } catch (IOException e) {
            throw new CliException("cannot write " + runsCsv + ": " + e.getMessage(), e);
        }
        summaries.forEach(out::println);
        return 0;
    }

    private Refinement refinement(RefinementEngine engine, InstrumentSettings instrument, String spec) {
        return latticeRefinement(engine, instrument, spec, loss, projector, new StopRule(tol, window, maxSteps,
                Double.NaN), starts);
    }

    /**
     * A refinement of the lattice alone (the check of issue 7 and the demo).
     *
     * @param spec optimizer id with its lattice (Å² per loss unit) and angle (deg² per loss unit) learning rates,
     *        {@code ID:LATTICE,ANGLES}, e.g. {@value #STUDY_GRADIENT_DESCENT}
     * @param starts starts per run ({@link MultiStart#of}); 1 is the study's single start
     * @throws CliException naming the problem when the spec or a contribution is unusable
     */
    static Refinement latticeRefinement(RefinementEngine engine, InstrumentSettings instrument, String spec,
            String loss, String projector, StopRule stop, int starts) {
        String[] idAndRates = spec.split(":", 2);
        String[] rates = idAndRates.length == 2 ? idAndRates[1].split(",") : new String[0];
        if (rates.length != 2) {
            throw new CliException("--optimizer must be ID:LATTICE,ANGLES, e.g. " + STUDY_GRADIENT_DESCENT + ", got '"
                    + spec + "'");
        }
        try {
            LearningRates lr = LearningRates.of(Map.of(ParameterGroup.LATTICE.id(), Double.parseDouble(rates[0]),
                    LearningRates.ANGLES, Double.parseDouble(rates[1])));
            RefinementOptions options = RefinementOptions.study(loss, projector, Set.of(ParameterGroup.LATTICE), lr)
                    .withOptimizer(idAndRates[0], Map.of()).withStop(stop).withMultiStart(MultiStart.of(starts));
            return engine.prepare(options, instrument);
        } catch (IllegalArgumentException e) {
            throw new CliException("--optimizer '" + spec + "': " + e.getMessage(), e);
        } catch (ContributionException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private String report(String optimizerId, List<Structure> truths, List<RefinementResult> results,
            List<RefinementBatch.Job> jobs, double wall, PrintWriter perRun) {
        PrintWriter out = context.out();
        int recoveredAll = 0;
        long stepsAll = 0;
        long nanosAll = 0;
        for (int s = 0; s < truths.size(); s++) {
            Structure truth = truths.get(s);
            int recovered = 0;
            int converged = 0;
            int failed = 0;
            long nanos = 0;
            long steps = 0;
            int[] stepList = new int[runs];
            for (int r = 0; r < runs; r++) {
                int i = s * runs + r;
                RefinementResult result = results.get(i);
                double worst = worst(result.lattice(), truth.lattice().parameters());
                boolean ok = result.status().completed() && worst < within;
                recovered += ok ? 1 : 0;
                converged += result.status() == RunStatus.CONVERGED ? 1 : 0;
                failed += result.status() == RunStatus.FAILED ? 1 : 0;
                nanos += result.totalNanos();
                steps += result.totalSteps();
                stepList[r] = result.steps();
                if (perRun != null) {
                    perRun.printf(Locale.ROOT, "%s,%s,%d,%d,%s,%d,%s,%.6e,%.9f,%.9f,%.4f%n", optimizerId, truth.name(),
                            r, jobs.get(i).seed(), result.status().name().toLowerCase(Locale.ROOT), result.steps(), ok,
                            worst, result.initialLoss(), result.finalLoss(), result.totalNanos() / 1e9);
                }
            }
            Arrays.sort(stepList);
            out.printf(Locale.ROOT, "%s,%s,%d,%d,%.3f,%d,%d,%d,%.4f,%.3f%n", optimizerId, truth.name(), runs, recovered,
                    recovered / (double) runs, converged, failed, stepList[runs / 2], nanos / 1e6 / Math.max(1, steps),
                    nanos / 1e9 / runs);
            out.flush();
            recoveredAll += recovered;
            stepsAll += steps;
            nanosAll += nanos;
        }
        int total = truths.size() * runs;
        return String.format(Locale.ROOT, "optimizer=%s recovered=%d/%d rate=%.3f ms_per_step=%.4f s_per_run=%.3f "
                + "wall_s=%.1f", optimizerId, recoveredAll, total, recoveredAll / (double) total,
                nanosAll / 1e6 / Math.max(1, stepsAll), nanosAll / 1e9 / total, wall);
    }

    /** Largest relative error of the six lattice parameters. */
    static double worst(double[] p, double[] q) {
        double w = 0;
        for (int k = 0; k < 6; k++) {
            w = Math.max(w, Math.abs(p[k] - q[k]) / Math.abs(q[k]));
        }
        return w;
    }
}
