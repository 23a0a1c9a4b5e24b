package org.pxrd.cli;

import java.nio.file.Path;
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
import org.pxrd.symmetry.SymmetryDataset;
import org.pxrd.symmetry.SymmetryFinder;

import picocli.CommandLine.Command;

/**
 * {@code pxrd demo}: a short tour of the headless core on the bundled example data (what {@code ./pxrd} runs when
 * there is no display): for each of the study's ten structures, its symmetry, its simulated powder pattern, and
 * what the study's lattice noise does to it, as the XRD loss sees it and as the structure matcher sees it.
 */
@Command(name = "demo", description = "Run a short headless demonstration on the bundled example data "
        + "(the ten structures of Segal et al. 2026).")
final class DemoCommand implements Callable<Integer> {

    /** Two of the study's lattice noise levels. */
    private static final double[] NOISE = {0.01, 0.05};
    private static final long SEED = 1;

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
        for (Path file : Examples.studyStructures()) {
            Structure truth = context.readStructure(file);
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
        context.out().println();
        context.out().println("Small lattice noise keeps the structure (it matches) but can move peaks past each other: "
                + "the loss landscape the study calls too rough for gradient descent. 'pxrd --help' lists the commands; "
                + "'pxrd plugins' the installed algorithms.");
        return 0;
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
