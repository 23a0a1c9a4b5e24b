package org.pxrd.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pxrd.model.Structure;
import org.pxrd.symmetry.SymmetryDataset;
import org.pxrd.symmetry.SymmetryFinder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd symmetry FILE...}: the space group of every structure, one JSON line each, with the fields of
 * pymatgen's SpacegroupAnalyzer: {@code space_group_number}, {@code symbol}, {@code crystal_system},
 * {@code nsites_conventional}, {@code nsites_primitive} (atoms of the standard cells), the conventional
 * {@code abc} (Å) and {@code angles} (degrees), and {@code wyckoff} (multiplicity in the input cell plus letter per
 * set of equivalent sites, sorted, e.g. ["2a","2c"]).
 */
@Command(name = "symmetry", description = {"Find the space group of structures.", "One JSON line per structure."})
final class SymmetryCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Structure files (CIF, ...).")
    List<Path> files;

    @Option(names = "--symprec", defaultValue = "0.01", paramLabel = "Å",
            description = "Distance tolerance in Å (default ${DEFAULT-VALUE}).")
    double symprec;

    @Option(names = "--angle-tolerance", defaultValue = "5", paramLabel = "DEG",
            description = "Angle tolerance of the lattice in degrees (default ${DEFAULT-VALUE}, pymatgen's).")
    double angleTolerance;

    private final CliContext context;

    SymmetryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SymmetryFinder finder = finder(symprec, angleTolerance);
        for (Path file : files) {
            for (Structure s : context.readStructures(file)) {
                context.printJson(describe(file, s, finder.analyze(s)));
            }
        }
        return 0;
    }

    static SymmetryFinder finder(double symprec, double angleTolerance) {
        try {
            return new SymmetryFinder(symprec, angleTolerance);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private static Map<String, Object> describe(Path file, Structure s, SymmetryDataset d) {
        Structure conventional = d.conventionalStandardStructure();
        double[] p = conventional.lattice().parameters();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file.toString());
        json.put("structure", s.name());
        json.put("space_group_number", d.number());
        json.put("symbol", d.symbol());
        json.put("crystal_system", d.crystalSystem().label());
        json.put("nsites_conventional", conventional.size());
        json.put("nsites_primitive", d.primitiveStandardStructure().size());
        json.put("abc", new double[] {p[0], p[1], p[2]});
        json.put("angles", new double[] {p[3], p[4], p[5]});
        json.put("wyckoff", d.wyckoffSymbols());
        return json;
    }
}
