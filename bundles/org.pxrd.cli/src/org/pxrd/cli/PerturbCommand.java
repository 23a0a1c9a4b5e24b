package org.pxrd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.optimization.noise.CoordinateNoise;
import org.pxrd.optimization.noise.LatticeNoise;
import org.pxrd.optimization.noise.NoiseModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd perturb FILE --lattice-noise σ | --coord-noise σ --seed N [--out OUT.cif]}: the study's seeded
 * noise applied to the first structure of a file (lattice noise first when both are given). Prints one JSON
 * line with the perturbed lattice and sites; {@code --out} also writes the structure.
 */
@Command(name = "perturb", sortOptions = false, description = {
    "Apply the study's seeded noise to a structure.",
    "As in Segal et al. 2026: lattice noise L~ = S.L with s_ii ~ U(1-sigma, 1+sigma), s_ij ~ U(-sigma, sigma) "
        + "(fractional coordinates kept), and/or coordinate noise x + N(0, sigma^2) wrapped to [0, 1). Prints the "
        + "result as one JSON line; the same seed gives the same structure on any machine."})
final class PerturbCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Structure file (the first structure is used).")
    Path file;

    @Option(names = "--lattice-noise", paramLabel = "SIGMA",
            description = "Half-width sigma of the uniform lattice noise, in [0, 1/3).")
    Double latticeNoise;

    @Option(names = "--coord-noise", paramLabel = "SIGMA",
            description = "Standard deviation sigma of the coordinate noise, in fractional units.")
    Double coordNoise;

    @Option(names = "--seed", required = true, paramLabel = "N", description = "Seed of the random numbers.")
    long seed;

    @Option(names = "--out", paramLabel = "OUT", description = "Also write the perturbed structure to this file.")
    Path out;

    private final CliContext context;

    PerturbCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        NoiseModel model = model();
        Structure start = context.readStructure(file);
        Structure perturbed = model.apply(start, seed);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file.toString());
        json.put("structure", start.name());
        json.put("noise", model.describe());
        json.put("seed", seed);
        json.put("lattice", lattice(perturbed.lattice()));
        json.put("matrix", perturbed.lattice().matrix());
        List<Map<String, Object>> sites = new ArrayList<>();
        for (Site s : perturbed.sites()) {
            Map<String, Object> site = new LinkedHashMap<>();
            site.put("label", s.label());
            site.put("species", s.species().toString());
            site.put("frac", s.frac());
            sites.add(site);
        }
        json.put("sites", sites);
        if (out != null) {
            json.put("out", out.toString());
            RelaxCommand.writeOrReport(context, perturbed, out, json);
        }
        context.printJson(json);
        return 0;
    }

    private NoiseModel model() {
        if (latticeNoise == null && coordNoise == null) {
            throw new CliException("give --lattice-noise SIGMA, --coord-noise SIGMA or both");
        }
        try {
            NoiseModel lattice = latticeNoise == null ? null : new LatticeNoise(latticeNoise);
            NoiseModel coords = coordNoise == null ? null : new CoordinateNoise(coordNoise);
            return lattice == null ? coords : coords == null ? lattice : lattice.then(coords);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** Lattice parameters as a JSON object (Å, degrees). */
    static Map<String, Double> lattice(Lattice l) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("a", l.a());
        m.put("b", l.b());
        m.put("c", l.c());
        m.put("alpha", l.alpha());
        m.put("beta", l.beta());
        m.put("gamma", l.gamma());
        m.put("volume", l.volume());
        return m;
    }
}
