package org.pxrd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.PeakList;
import org.pxrd.diffraction.Radiation;
import org.pxrd.diffraction.XrdSimulator;
import org.pxrd.diffraction.XrdSimulators;
import org.pxrd.examples.Examples;
import org.pxrd.losses.LossFunction;
import org.pxrd.losses.LossRegistry;
import org.pxrd.matching.MatchResult;
import org.pxrd.matching.StructureMatcher;
import org.pxrd.model.Structure;
import org.pxrd.optimization.noise.LatticeNoise;
import org.pxrd.optimization.noise.Seeds;
import org.pxrd.optimization.refine.Refinement;
import org.pxrd.optimization.refine.RefinementBatch;
import org.pxrd.optimization.refine.RefinementEngine;
import org.pxrd.optimization.refine.RefinementResult;
import org.pxrd.optimization.refine.RefinementTarget;
import org.pxrd.optimization.refine.StopRule;
import org.pxrd.optimization.run.CancellationToken;
import org.pxrd.symmetry.SymmetryDataset;
import org.pxrd.symmetry.SymmetryFinder;

import picocli.CommandLine.Command;

/**
 * {@code pxrd demo}: a short tour of the headless core on the bundled example data (what {@code ./pxrd} runs when
 * there is no display): for each of the study's ten structures, its symmetry, its simulated powder pattern, and
 * what the study's lattice noise does to it, as the XRD loss sees it and as the structure matcher sees it; then the
 * refinement of the σ = {@value #REFINED_NOISE} starts back against the truth's pattern, by the study's projected
 * gradient descent and by multi-start projected L-BFGS (beyond the study), all runs in parallel.
 */
@Command(name = "demo", description = {"Run a short headless demonstration on the bundled data.",
            "The data are the ten structures of Segal et al. 2026."})
final class DemoCommand implements Callable<Integer> {

    /** Two of the study's lattice noise levels. */
    private static final double[] NOISE = {0.01, 0.05};
    private static final long SEED = 1;
    /** The lattice noise whose starts are refined. */
    private static final double REFINED_NOISE = 0.05;
    /** Starts per run of the multi-start L-BFGS. */
    private static final int LBFGS_STARTS = 5;
    /** Gradient descent's step budget in the demo (the study allows 30,000; this keeps the demo under a minute). */
    private static final int DEMO_MAX_STEPS = 5000;
    /** A lattice counts as recovered when each of a, b, c, α, β, γ is within this relative error (issue 7). */
    private static final double RECOVERED = 1e-3;

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws ContributionException {
        InstrumentSettings instrument = InstrumentSettings.study(Radiation.of(1.5406));
        XrdSimulator simulator = new XrdSimulators(context.extensions()).defaultSimulator();
        LossFunction cosine = new LossRegistry(context.extensions()).create("org.pxrd.losses.cosine", Map.of());
        StructureMatcher matcher = new StructureMatcher();
        context.out().printf(Locale.ROOT, "PXRD Workbench headless demo: the ten structures of Segal et al. 2026 "
                + "(conventional cells from %s)%n", Examples.folder().resolve("study10"));
        context.out().printf(Locale.ROOT, "Patterns: %s. Then the study's lattice noise (seed %d) as the XRD cosine "
                + "loss against the truth (-1 is a perfect match) and StructureMatcher (ltol 0.1, stol 0.2, angle_tol 5) "
                + "judge it.%n%n", "Cu Ka1 1.5406 Å, 2theta 0-90 deg, pseudo-Voigt U,V,W=0.1,0.01,0.1 deg^2, eta=0.1",
                SEED);
        context.out().printf(Locale.ROOT, "%-24s %-12s %-11s %5s %6s %9s  %-16s %-16s%n", "", "", "", "", "",
                "", "sigma=" + NOISE[0], "sigma=" + NOISE[1]);
        context.out().printf(Locale.ROOT, "%-24s %-12s %-11s %5s %6s %9s  %-16s %-16s%n", "structure", "formula",
                "space group", "sites", "peaks", "strongest", "loss     match", "loss     match");
        List<Structure> truths = new ArrayList<>();
        List<Structure> refinedStarts = new ArrayList<>();
        for (Path file : Examples.studyStructures()) {
            Structure truth = context.readStructure(file);
            truths.add(truth);
            refinedStarts.add(new LatticeNoise(REFINED_NOISE).apply(truth, Seeds.stream(SEED, 0)));
            SymmetryDataset symmetry = new SymmetryFinder().analyze(truth);
            PeakList peaks = simulator.peaks(truth, instrument);
            StringBuilder noisyColumns = new StringBuilder();
            for (double sigma : NOISE) {
                Structure noisy = new LatticeNoise(sigma).apply(truth, Seeds.stream(SEED, 0));
                double loss = cosine.value(simulator.pattern(noisy, instrument), simulator.pattern(truth, instrument));
                MatchResult verdict = matcher.match(truth, noisy);
                noisyColumns.append(String.format(Locale.ROOT, "%-9.5f%-5s  ", loss, verdict.match() ? "yes" : "no"));
            }
            context.out().printf(Locale.ROOT, "%-24s %-12s %-11s %5d %6d %8.3f°  %s%n",
                    file.getFileName().toString().replaceAll("_sg\\d+\\.cif$", ""), truth.reducedFormula(),
                    symmetry.symbol(), truth.size(), peaks.above(1.0).size(), strongest(peaks), noisyColumns);
        }
        refine(instrument, truths, refinedStarts);
        context.out().println();
        context.out().println("Small lattice noise keeps the structure (it matches) but can move peaks past each other: "
                + "the loss landscape the study calls too rough for gradient descent. 'pxrd --help' lists the commands; "
                + "'pxrd plugins' the installed algorithms.");
        return 0;
    }

    /**
     * Refines each start's lattice against its truth's pattern (cosine loss, the family projector of the truth's
     * symmetry) by the two methods and prints, per structure, the final loss, the largest relative lattice error
     * and the matcher's verdict.
     */
    private void refine(InstrumentSettings instrument, List<Structure> truths, List<Structure> starts) {
        RefinementEngine engine = new RefinementEngine(context.extensions());
        StopRule stop = StopRule.STUDY.withMaxSteps(DEMO_MAX_STEPS);
        Refinement gd = BenchRefineCommand.latticeRefinement(engine, instrument,
                BenchRefineCommand.STUDY_GRADIENT_DESCENT, "cosine", "auto", stop, 1);
        Refinement lbfgs = BenchRefineCommand.latticeRefinement(engine, instrument,
                BenchRefineCommand.STUDY_GRADIENT_DESCENT.replace("gd:", "lbfgs:"), "cosine", "auto", StopRule.STUDY,
                LBFGS_STARTS);
        List<RefinementBatch.Job> jobs = new ArrayList<>();
        for (Refinement method : List.of(gd, lbfgs)) {
            for (int i = 0; i < truths.size(); i++) {
                jobs.add(new RefinementBatch.Job(method, starts.get(i), RefinementTarget.structure(truths.get(i)),
                        SEED));
            }
        }
        context.out().printf(Locale.ROOT, "%nRefining the sigma=%s starts against their truth's pattern (cosine, family "
                + "projector), %d runs on %d threads...%n", REFINED_NOISE, jobs.size(),
                Runtime.getRuntime().availableProcessors());
        context.out().flush();
        long t0 = System.nanoTime();
        List<RefinementResult> results = RefinementBatch.run(jobs, Runtime.getRuntime().availableProcessors(),
                new CancellationToken(), null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        StructureMatcher matcher = new StructureMatcher();
        context.out().printf(Locale.ROOT, "%-12s  %-33s  %-33s%n", "", "gradient descent (the study's)",
                "L-BFGS, " + LBFGS_STARTS + " starts (beyond the study)");
        context.out().printf(Locale.ROOT, "%-12s  %6s %9s %8s %-6s  %6s %9s %8s %-6s%n", "formula", "steps", "loss",
                "max err", "match", "steps", "loss", "max err", "match");
        int[] recovered = new int[2];
        for (int i = 0; i < truths.size(); i++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-12s", truths.get(i).reducedFormula()));
            for (int m = 0; m < 2; m++) {
                RefinementResult r = results.get(m * truths.size() + i);
                double worst = BenchRefineCommand.worst(r.lattice(), truths.get(i).lattice().parameters());
                recovered[m] += r.status().completed() && worst < RECOVERED ? 1 : 0;
                row.append(String.format(Locale.ROOT, "  %6d %9.5f %8.1e %-6s", r.totalSteps(), r.finalLoss(), worst,
                        matcher.match(truths.get(i), r.structure()).match() ? "yes" : "no"));
            }
            context.out().println(row);
        }
        context.out().printf(Locale.ROOT, "Recovered (every lattice parameter within %s relative): gradient descent "
                + "%d/%d, L-BFGS x%d %d/%d; %.1f s.%n", RECOVERED, recovered[0], truths.size(), LBFGS_STARTS,
                recovered[1], truths.size(), seconds);
    }

    /** 2θ of the strongest peak. */
    private static double strongest(PeakList peaks) {
        double best = 0;
        double at = Double.NaN;
        for (int i = 0; i < peaks.peaks().size(); i++) {
            if (peaks.peaks().get(i).intensity() > best) {
                best = peaks.peaks().get(i).intensity();
                at = peaks.peaks().get(i).twoTheta();
            }
        }
        return at;
    }
}
