package org.pxrd.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.model.Structure;
import org.pxrd.optimization.run.CancellationToken;
import org.pxrd.study.landscape.Landscape;
import org.pxrd.study.landscape.LandscapeCsv;
import org.pxrd.study.landscape.LandscapeOptions;
import org.pxrd.study.landscape.LandscapeSlice;
import org.pxrd.study.landscape.LandscapeSlice.GridPoint;
import org.pxrd.study.landscape.LandscapeSlice.Trajectory;
import org.pxrd.study.landscape.LatticeParameter;
import org.pxrd.study.report.LandscapeFigure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd landscape FILE --params a,c --span 0.2 --steps 101 --loss ID [--trajectories N] --out DIR}: the loss
 * over a 2-D slice of two lattice parameters around the truth (the others and the coordinates at the truth; the
 * truth's own simulated pattern as the target), its strict local minima and, with {@code --trajectories N},
 * the paths of N distorted starts refined unconstrained, unconstrained from the constrained start, and constrained
 * (Segal et al. 2026, Fig. 3), computed row by row on all cores ({@link Landscape}).
 *
 * <p>Writes {@code DIR/landscape.csv} (grid), {@code DIR/trajectories.csv} (with trajectories) and
 * {@code DIR/landscape.png} (heatmap, headless), and prints one JSON line: the grid, the lowest point, the number of
 * local minima, whether the truth is the lowest point, each trajectory's end, and the wall time.
 */
@Command(name = "landscape", sortOptions = false, description = {
    "Map the loss over a slice of two lattice parameters.",
    "The slice is centred on the truth, the other parameters stay at the truth and the truth's pattern is the "
        + "target; its local minima and refinement trajectories go with it to DIR/landscape.csv and "
        + "DIR/landscape.png."})
final class LandscapeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The ground-truth structure.")
    Path file;

    @Option(names = "--params", required = true, paramLabel = "X,Y",
            description = "Two lattice parameters: a, b, c, alpha, beta, gamma (e.g. a,c).")
    String params;

    @Option(names = "--span", defaultValue = "0.2",
            description = "Relative half-width of each axis: x0(1-s)..x0(1+s) (default: ${DEFAULT-VALUE}).")
    double span;

    @Option(names = "--steps", defaultValue = "101",
            description = "Grid points per axis; odd puts the truth on the grid (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--loss", defaultValue = "cosine", description = "Loss id (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--trajectories", defaultValue = "0", paramLabel = "N",
            description = "Distorted starts whose three refinements are drawn (default: ${DEFAULT-VALUE}).")
    int trajectories;

    @Option(names = "--noise", defaultValue = "0.05",
            description = "Lattice noise of the trajectory starts (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--seed", defaultValue = "20260410", description = "Seed of the starts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    Path out;

    private final CliContext context;

    LandscapeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        LandscapeOptions options = options();
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new CliException("--threads must be at least 1, got " + workers);
        }
        if (Files.isRegularFile(out)) {
            throw new CliException(out + " is a file, not a folder");
        }
        Structure truth = context.readStructure(file);
        long t0 = System.nanoTime();
        LandscapeSlice slice;
        try {
            slice = new Landscape(context.extensions()).compute(truth, options, workers, null,
                    new CancellationToken());
        } catch (ContributionException e) {
            throw new CliException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CliException(file + ": " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Path grid = out.resolve("landscape.csv");
        Path png = out.resolve("landscape.png");
        Path paths = out.resolve("trajectories.csv");
        try {
            LandscapeCsv.writeGrid(slice, grid);
            if (trajectories > 0) {
                LandscapeCsv.writeTrajectories(slice, paths);
            }
            LandscapeFigure.write(slice, LandscapeFigure.title(truth.name(), slice), png);
        } catch (IOException e) {
            throw new CliException("cannot write in " + out + ": " + e.getMessage(), e);
        }
        context.printJson(summary(truth, slice, seconds, workers, grid, png, trajectories > 0 ? paths : null));
        return 0;
    }

    private LandscapeOptions options() {
        String[] names = params.split(",", -1);
        if (names.length != 2) {
            throw new CliException("--params must name two lattice parameters X,Y (e.g. a,c), got '" + params + "'");
        }
        try {
            return LandscapeOptions.study(LatticeParameter.parse(names[0]), LatticeParameter.parse(names[1]), span,
                    steps, loss, trajectories).withNoise(noise).withSeed(seed);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private Map<String, Object> summary(Structure truth, LandscapeSlice slice, double seconds, int workers, Path grid,
            Path png, Path paths) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file.toString());
        json.put("structure", truth.name());
        json.put("loss", slice.loss());
        json.put("x", slice.x().symbol());
        json.put("y", slice.y().symbol());
        json.put("steps", slice.xValues().length);
        json.put("span", span);
        json.put("truth", List.of(slice.truthX(), slice.truthY()));
        GridPoint lowest = slice.lowest();
        json.put("lowest", lowest == null ? null : List.of(lowest.x(), lowest.y(), lowest.value()));
        int middle = (slice.xValues().length - 1) / 2;
        json.put("truth_is_lowest", lowest != null && slice.xValues().length % 2 == 1 && lowest.i() == middle
                && lowest.j() == middle);
        json.put("local_minima", slice.minima().size());
        List<Map<String, Object>> ends = slice.trajectories().stream().map(t -> end(t)).toList();
        json.put("trajectories", ends);
        json.put("seconds", Math.round(seconds * 1000) / 1000.0);
        json.put("threads", workers);
        json.put("grid", grid.toString());
        json.put("png", png.toString());
        if (paths != null) {
            json.put("trajectories_csv", paths.toString());
        }
        return json;
    }

    private static Map<String, Object> end(Trajectory t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", t.index());
        m.put("kind", t.kind().label());
        m.put("status", t.status());
        m.put("steps", Math.max(0, t.size() - 1));
        if (t.size() > 0) {
            m.put("start", List.of(t.xs()[0], t.ys()[0]));
            m.put("end", List.of(t.xs()[t.size() - 1], t.ys()[t.size() - 1]));
            m.put("final_loss", t.losses()[t.size() - 1]);
        }
        return m;
    }
}
