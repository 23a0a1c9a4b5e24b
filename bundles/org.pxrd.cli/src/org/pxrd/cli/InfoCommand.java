package org.pxrd.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.pxrd.model.CrystalSymmetry;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd info FILE...}: one JSON object per line for every structure in the files: {@code file},
 * {@code name} (CIF data block or POSCAR comment), {@code formula} (cell content), {@code reducedFormula},
 * {@code nsites}, {@code a b c} (Å), {@code alpha beta gamma} (degrees), {@code volume} (Å³), {@code density}
 * (g/cm³), {@code composition} (occupancy-weighted atoms per cell by element), {@code species} (sites per
 * species, with oxidation state when given), and {@code spaceGroup} / {@code spaceGroupNumber} when the file
 * states them. A bad file prints a one-line error on stderr; the others are still described, and the exit
 * status is 1.
 */
@Command(name = "info", description = {"Describe the structures in files, one JSON object each.",
            "Formula, nsites, cell, volume, density, composition, and the space group when the file states it."})
final class InfoCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Structure files (CIF, POSCAR/CONTCAR, .vasp); "
            + "FILE#NAME picks the CIF data block NAME.")
    List<Path> files;

    private final CliContext context;

    InfoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        int failures = 0;
        for (Path file : files) {
            try {
                for (Structure s : context.readStructures(file)) {
                    context.printJson(summary(file, s));
                }
            } catch (CliException e) {
                context.err().println("pxrd info: " + e.getMessage());
                failures++;
            }
        }
        return failures == 0 ? 0 : Pxrd.EXIT_FAILURE;
    }

    /** The JSON fields of one structure, in print order. */
    static Map<String, Object> summary(Path file, Structure s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("name", s.name());
        m.put("formula", s.formula());
        m.put("reducedFormula", s.reducedFormula());
        m.put("nsites", s.size());
        m.putAll(PerturbCommand.lattice(s.lattice()));
        m.put("density", s.density());
        Map<String, Double> composition = new LinkedHashMap<>();
        s.composition().forEach((e, n) -> composition.put(e.symbol(), n));
        m.put("composition", composition);
        Map<String, Integer> species = new TreeMap<>();
        for (Site site : s.sites()) {
            species.merge(site.species().toString(), 1, Integer::sum);
        }
        m.put("species", species);
        s.symmetry().ifPresent(sym -> putSpaceGroup(m, sym));
        return m;
    }

    private static void putSpaceGroup(Map<String, Object> m, CrystalSymmetry symmetry) {
        if (!symmetry.hermannMauguin().isBlank()) {
            m.put("spaceGroup", symmetry.hermannMauguin());
        }
        if (symmetry.number() > 0) {
            m.put("spaceGroupNumber", symmetry.number());
        }
    }
}
