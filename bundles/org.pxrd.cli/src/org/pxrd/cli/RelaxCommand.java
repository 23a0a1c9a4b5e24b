package org.pxrd.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.model.Structure;
import org.pxrd.optimization.potentials.Potential;
import org.pxrd.optimization.potentials.Potentials;
import org.pxrd.optimization.relax.RelaxOptions;
import org.pxrd.optimization.relax.RelaxOptions.Optimizer;
import org.pxrd.optimization.relax.RelaxationResult;
import org.pxrd.optimization.relax.RelaxationStep;
import org.pxrd.optimization.relax.Relaxer;
import org.pxrd.optimization.run.CsvTrace;
import org.pxrd.optimization.run.RunMonitor;
import org.pxrd.optimization.run.RunStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd relax FILE --potential ID [--fmax F] [--max-steps N] [--optimizer fire|bfgs] [--fix-cell]
 * [--set key=value ...] [--trace TRACE.csv] [--out OUT.cif]}: relaxes the first structure of a file on a
 * contributed potential and prints one JSON line (initial and final energy, fmax, steps, status, lattice).
 *
 * <p>A run that converges or uses up its steps exits 0 (the JSON says which; not converging is also noted on
 * stderr) and writes {@code --out}. A potential that fails (e.g. its worker crashed) or an interrupt (Ctrl-C
 * cancels the run at its next step) prints the JSON of the last good step, writes no {@code --out}, and exits 1
 * with a one-line message.
 */
@Command(name = "relax", sortOptions = false, description = {
    "Relax a structure (atoms and cell) on an energy potential.",
    "FIRE or BFGS, until every force is below --fmax (eV/A). Prints initial and final energy, fmax and steps as "
        + "one JSON line."})
final class RelaxCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Structure file (the first structure is used).")
    Path file;

    @Option(names = "--potential", required = true, paramLabel = "ID",
            description = "Potential id (pxrd plugins lists org.pxrd.optimization.potentials), e.g. lj-uff or ase.")
    String potentialId;

    @Option(names = "--fmax", paramLabel = "F", description = "Force threshold in eV/A (default: ${DEFAULT-VALUE}, "
            + "the study's).")
    double fmax = RelaxOptions.STUDY_FMAX;

    @Option(names = "--max-steps", paramLabel = "N", description = "Step budget (default: ${DEFAULT-VALUE}).")
    int maxSteps = RelaxOptions.DEFAULT_MAX_STEPS;

    @Option(names = "--optimizer", paramLabel = "fire|bfgs", description = "Step rule (default: ${DEFAULT-VALUE}).")
    Optimizer optimizer = Optimizer.FIRE;

    @Option(names = "--fix-cell", description = "Relax the atoms only, keeping the cell.")
    boolean fixCell;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting of the potential, e.g. cutoff=8 or "
            + "python=/usr/bin/python3 (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--trace", paramLabel = "TRACE.csv", description = "Write every step as a CSV row.")
    Path trace;

    @Option(names = "--out", paramLabel = "OUT", description = "Write the relaxed structure to this file.")
    Path out;

    private final CliContext context;

    RelaxCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RelaxOptions options;
        try {
            options = new RelaxOptions(optimizer, fmax, maxSteps, !fixCell, RelaxOptions.DEFAULT_MAX_STEP);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
        Structure start = context.readStructure(file);
        RelaxationResult result;
        RunMonitor<RelaxationStep> monitor = new RunMonitor<>();
        try (Potential potential = create(); CsvTrace csv = openTrace()) {
            if (csv != null) {
                monitor.onStep(csv);
            }
            Relaxer relaxer = new Relaxer(potential, options);
            result = CancelOnInterrupt.run(monitor.cancellation(), "relax", () -> relaxer.relax(start, monitor));
        } catch (IOException e) {
            throw new CliException("cannot write trace " + trace + ": " + e.getMessage(), e);
        }
        boolean completed = result.status().completed();
        Map<String, Object> json = json(result, completed);
        if (completed && out != null) {
            writeOrReport(context, result.relaxed(), out, json);
        }
        context.printJson(json);
        if (!monitor.listenerProblems().isEmpty()) {
            throw new CliException("the trace " + trace + " is incomplete: " + monitor.listenerProblems().get(0));
        }
        if (!completed) {
            throw new CliException("relaxation of " + file + " " + (result.status() == RunStatus.CANCELLED
                    ? "was interrupted: " : "failed: ") + result.message());
        }
        if (result.status() == RunStatus.MAX_STEPS) {
            context.err().println("pxrd relax: " + result.message());
        }
        return 0;
    }

    /**
     * Writes the structure; when that fails, prints the result without {@code out} before failing, so that the
     * computed numbers are not lost.
     */
    static void writeOrReport(CliContext context, Structure structure, Path out, Map<String, Object> json) {
        try {
            context.writeStructure(structure, out);
        } catch (CliException e) {
            json.remove("out");
            context.printJson(json);
            throw e;
        }
    }

    private Potential create() {
        try {
            return new Potentials(context.extensions()).create(potentialId, settings);
        } catch (ContributionException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private CsvTrace openTrace() throws IOException {
        return trace == null ? null : CsvTrace.create(trace);
    }

    private Map<String, Object> json(RelaxationResult r, boolean completed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file.toString());
        json.put("potential", potentialId);
        json.put("optimizer", optimizer.name().toLowerCase(Locale.ROOT));
        json.put("status", r.status().name().toLowerCase(Locale.ROOT));
        json.put("message", r.message());
        json.put("steps", r.steps());
        json.put("sites", r.relaxed().size());
        json.put("initial_energy_eV", finite(r.initialEnergy()));
        json.put("energy_eV", finite(r.energy()));
        json.put("energy_per_atom_eV", finite(r.energy() / r.relaxed().size()));
        json.put("initial_fmax_eV_per_A", finite(r.initialFmax()));
        json.put("fmax_eV_per_A", finite(r.fmax()));
        json.put("fmax_threshold_eV_per_A", fmax);
        json.put("max_force_eV_per_A", r.last() == null ? null : r.last().maxForce());
        json.put("pressure_GPa", r.last() == null ? null : r.last().pressureGPa());
        json.put("lattice", PerturbCommand.lattice(r.relaxed().lattice()));
        if (completed && out != null) {
            json.put("out", out.toString());
        }
        if (trace != null) {
            json.put("trace", trace.toString());
        }
        return json;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
