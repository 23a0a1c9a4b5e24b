package org.pxrd.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.losses.LossFunction;
import org.pxrd.losses.LossRegistry;
import org.pxrd.model.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd loss --loss ID [--set KEY=VALUE]... SIM TARGET}: the value of a loss contributed to
 * {@code org.pxrd.losses.lossFunctions} between a simulated and a target pattern, printed on stdout (a number, or
 * one JSON line with {@code --json}).
 *
 * <p>Inputs are read by {@link #input}: pattern files in any contributed pattern format. Structures as inputs
 * are one branch there once the simulator is merged: a file that {@code StructureFiles} recognises is read with
 * {@link CliContext#readStructure} and simulated on the 2θ grid of the other input (or the simulator's default
 * grid), with the wavelength and profile options of {@code pxrd simulate}.
 */
@Command(name = "loss", sortOptions = false, description = {"Compare a simulated and a target pattern with a loss.",
            "Any loss of org.pxrd.losses.lossFunctions; prints its value (lower is better for every built-in)."})
final class LossCommand implements Callable<Integer> {

    @Option(names = "--loss", required = true, paramLabel = "ID", description = "Loss id, e.g. org.pxrd.losses.cosine "
            + "or cosine ('pxrd plugins' lists them).")
    String lossId;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting of the loss, e.g. --set width=0.5 "
            + "(degrees 2theta for the cross-correlation); repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print one JSON line with the loss, its settings, the inputs and the "
            + "value.")
    boolean json;

    @Parameters(index = "0", paramLabel = "SIM", description = "The simulated pattern: a two_theta,intensity CSV file.")
    Path sim;

    @Parameters(index = "1", paramLabel = "TARGET", description = "The target pattern: a two_theta,intensity CSV file.")
    Path target;

    private final CliContext context;

    LossCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        LossRegistry registry = new LossRegistry(context.extensions());
        LossFunction loss;
        String id;
        try {
            id = registry.get(lossId).id();
            loss = registry.create(id, settings);
        } catch (ContributionException e) {
            throw new CliException(e.getMessage(), e);
        }
        Pattern simPattern = input(sim);
        Pattern targetPattern = input(target);
        double value;
        try {
            value = loss.value(simPattern, targetPattern);
        } catch (IllegalArgumentException e) {
            throw new CliException("loss " + id + ": " + e.getMessage(), e);
        }
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("loss", id);
            result.put("settings", settings);
            result.put("sim", sim.toString());
            result.put("target", target.toString());
            result.put("value", value);
            context.printJson(result);
        } else {
            context.out().println(value);
        }
        return 0;
    }

    /** The pattern in a file (the place where structure inputs will be simulated, see the class comment). */
    private Pattern input(Path file) {
        return context.readPattern(file);
    }
}
