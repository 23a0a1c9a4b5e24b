package org.pxrd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.pxrd.matching.AverageMinimumDistance;
import org.pxrd.model.Structure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd amd FILE... --k 100}: the average minimum distances AMD_1..AMD_k (Å) of each structure as CSV
 * {@code file,amd_1,...,amd_k} (Widdowson et al. 2022: AMD_k is the mean over the atoms of a cell of the distance to
 * the k-th nearest atom of the periodic crystal; species are ignored).
 */
@Command(name = "amd", description = {"Print the average minimum distances (AMD) of structures.",
            "AMD_1..AMD_k in Angstrom, one CSV line per structure: file,amd_1..amd_k."})
final class AmdCommand implements Callable<Integer> {

    /** Largest k accepted: 10^4 neighbours per atom is already far beyond any use of AMD. */
    static final int MAX_K = 10_000;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Structure files (CIF, ...).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--k", defaultValue = "100", paramLabel = "K",
            description = "Number of neighbours (default: ${DEFAULT-VALUE}).")
    int k;

    private final CliContext context;

    AmdCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (k < 1 || k > MAX_K) {
            throw new CliException("--k must lie in [1, " + MAX_K + "], got " + k);
        }
        // read everything first: a bad file stops the command before any output
        List<Structure> structures = new ArrayList<>();
        for (Path f : files) {
            structures.add(context.readStructure(f));
        }
        StringBuilder header = new StringBuilder("file");
        for (int j = 1; j <= k; j++) {
            header.append(",amd_").append(j);
        }
        context.out().println(header);
        for (int i = 0; i < files.size(); i++) {
            double[] amd = AverageMinimumDistance.of(structures.get(i), k);
            StringBuilder line = new StringBuilder(csvField(files.get(i).toString()));
            for (double v : amd) {
                line.append(',').append(v);
            }
            context.out().println(line);
        }
        return 0;
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
