package org.pxrd.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pxrd.io.StructureLocation;
import org.pxrd.model.Structure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd convert IN OUT}: reads one structure and writes it in the format of OUT's extension or name
 * ({@code .cif}, {@code .vasp}, {@code POSCAR}, {@code CONTCAR}). A CIF is written as the asymmetric unit
 * with the space group's operations when the input carries them (unless {@code --p1}), otherwise in P1. Prints one
 * JSON line: {@code input}, {@code output}, {@code name}, {@code nsites}. An input with several structures needs
 * {@code IN#NAME}; the output is written atomically (never half a file).
 */
@Command(name = "convert", description = {"Convert a structure file to the format of OUT's extension.",
            "CIF <-> POSCAR/.vasp; a CIF keeps the input's space group unless --p1."})
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "The structure file to read; IN#NAME picks the CIF "
            + "data block NAME.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write (.cif, .vasp, POSCAR, CONTCAR).")
    Path output;

    @Option(names = "--p1", description = "Write every site in P1 instead of the asymmetric unit and operations.")
    boolean p1;

    private final CliContext context;

    ConvertCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Structure> structures = context.readStructures(input);
        if (structures.size() > 1) {
            throw new CliException(input + ": holds " + structures.size() + " structures ("
                    + String.join(", ", structures.stream().map(Structure::name).toList()) + "); pick one with "
                    + input + "#NAME");
        }
        Path in = StructureLocation.of(input).file();
        if (sameFile(in, output)) {
            throw new CliException(output + ": is the input file; choose another output");
        }
        Structure structure = p1 ? structures.get(0).withSymmetry(null) : structures.get(0);
        context.writeStructure(structure, output);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input.toString());
        m.put("output", output.toString());
        m.put("name", structure.name());
        m.put("nsites", structure.size());
        context.printJson(m);
        return 0;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
