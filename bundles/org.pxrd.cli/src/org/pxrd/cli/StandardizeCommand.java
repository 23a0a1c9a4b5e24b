package org.pxrd.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.symmetry.SymmetryDataset;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd standardize FILE --to conventional|primitive OUT}: writes the conventional or primitive standard
 * cell (pymatgen's conventions, see {@code org.pxrd.symmetry.StandardCells}) of the first structure in FILE. OUT
 * ending in {@code .json} gets a JSON document (lattice parameters in Å and degrees, lattice vectors as rows in Å,
 * sites with species, fractional coordinates and occupancy); other names are written by the structure format of
 * their extension.
 */
@Command(name = "standardize", description = {"Write the standard cell of a structure.",
    "The conventional or primitive standard cell (pymatgen's conventions) of the first structure in FILE; OUT ending "
        + "in .json gets a JSON document, other names the structure format of their extension."})
final class StandardizeCommand implements Callable<Integer> {

    /** Which standard cell. */
    enum Cell { CONVENTIONAL, PRIMITIVE }

    @Parameters(index = "0", paramLabel = "FILE", description = "Structure file.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output file (.json, or a structure format).")
    Path output;

    @Option(names = "--to", required = true, paramLabel = "CELL",
            description = "conventional or primitive.")
    Cell cell;

    @Option(names = "--symprec", defaultValue = "0.01", paramLabel = "Å",
            description = "Distance tolerance in Å (default ${DEFAULT-VALUE}).")
    double symprec;

    @Option(names = "--angle-tolerance", defaultValue = "5", paramLabel = "DEG",
            description = "Angle tolerance of the lattice in degrees (default ${DEFAULT-VALUE}).")
    double angleTolerance;

    private final CliContext context;

    StandardizeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Structure s = context.readStructure(input);
        SymmetryDataset d = SymmetryCommand.finder(symprec, angleTolerance).analyze(s);
        Structure standard = cell == Cell.CONVENTIONAL ? d.conventionalStandardStructure()
                : d.primitiveStandardStructure();
        if (output.toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            try {
                Files.writeString(output, context.json().writeValueAsString(json(standard, d)) + "\n",
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException(output + ": cannot write: " + e.getMessage(), e);
            }
        } else {
            context.writeStructure(standard, output);
        }
        context.err().println("pxrd standardize: " + d.symbol() + " (" + d.number() + "), " + standard.size()
                + " sites written to " + output);
        return 0;
    }

    private static Map<String, Object> json(Structure s, SymmetryDataset d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", s.name());
        json.put("space_group_number", d.number());
        json.put("symbol", d.symbol());
        json.put("lattice_parameters", s.lattice().parameters());
        json.put("lattice_matrix", s.lattice().matrix());
        List<Map<String, Object>> sites = new ArrayList<>();
        for (Site site : s.sites()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("species", site.species().toString());
            m.put("frac", site.frac());
            m.put("occupancy", site.occupancy());
            sites.add(m);
        }
        json.put("sites", sites);
        return json;
    }
}
