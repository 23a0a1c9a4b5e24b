package org.pxrd.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>Inputs are read by {@link #input}: today two-column pattern files ({@link PatternCsv}). Structures as inputs
 * are one branch there once the simulator is merged: a file that {@code StructureFiles} recognises is read with
 * {@link CliContext#readStructure} and simulated on the 2θ grid of the other input (or the simulator's default
 * grid), with the wavelength and profile options of {@code pxrd simulate}.
 */
@Command(name = "loss", sortOptions = false, description = "Compare a simulated and a target pattern with a loss from "
        + "org.pxrd.losses.lossFunctions and print its value (lower is better for every built-in).")
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
        return PatternCsv.read(file);
    }

    /**
     * A minimal reader of two-column pattern files, kept here until the shared pattern readers
     * ({@code org.pxrd.io.patternFormats}) are merged; then {@link #input} uses those instead.
     *
     * <p>Format: one point per line, {@code two_theta,intensity} (2θ in degrees, strictly increasing; intensity in
     * any unit), fields separated by a comma or by white space; blank lines and everything after {@code #} are
     * ignored; one header line (fields that are not numbers) is allowed before the first point. Every problem is
     * one line naming the file and line: missing or unreadable file, wrong number of columns, a field that is not
     * a number, NaN or infinite values, 2θ not increasing, no points.
     */
    static final class PatternCsv {

        private PatternCsv() {
        }

        static Pattern read(Path file) {
            List<String> lines;
            try {
                if (Files.isDirectory(file)) {
                    throw new CliException(file + ": is a directory, not a pattern file");
                }
                lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            } catch (NoSuchFileException e) {
                throw new CliException(file + ": no such file", e);
            } catch (AccessDeniedException e) {
                throw new CliException(file + ": permission denied", e);
            } catch (IOException e) {
                throw new CliException(file + ": cannot read: " + e.getMessage(), e);
            }
            List<double[]> points = new ArrayList<>();
            boolean headerAllowed = true;
            for (int n = 1; n <= lines.size(); n++) {
                String line = lines.get(n - 1);
                int hash = line.indexOf('#');
                String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (text.isEmpty()) {
                    continue;
                }
                String[] fields = text.split("\\s*,\\s*|\\s+");
                if (headerAllowed && !isNumber(fields[0])) {
                    headerAllowed = false;
                    continue;
                }
                headerAllowed = false;
                if (fields.length != 2) {
                    throw error(file, n, "expected 2 columns (two_theta,intensity), got " + fields.length + ": '"
                            + text + "'");
                }
                double twoTheta = number(file, n, "2theta", fields[0]);
                double intensity = number(file, n, "intensity", fields[1]);
                if (!points.isEmpty() && !(twoTheta > points.get(points.size() - 1)[0])) {
                    throw error(file, n, "2theta " + fields[0] + " is not greater than the previous point's "
                            + points.get(points.size() - 1)[0]);
                }
                points.add(new double[] {twoTheta, intensity});
            }
            if (points.isEmpty()) {
                throw new CliException(file + ": no data (expected lines of two_theta,intensity)");
            }
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = points.get(i)[0];
                y[i] = points.get(i)[1];
            }
            Path name = file.getFileName();
            return new Pattern(name == null ? file.toString() : name.toString(), x, y, Double.NaN);
        }

        private static boolean isNumber(String text) {
            try {
                Double.parseDouble(text);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static double number(Path file, int line, String what, String text) {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw error(file, line, what + " '" + text + "' is not a number");
            }
            if (!Double.isFinite(value)) {
                throw error(file, line, what + " " + text + " is not a finite number");
            }
            return value;
        }

        private static CliException error(Path file, int line, String problem) {
            return new CliException(file + ":" + line + ": " + problem);
        }
    }
}
