package org.pxrd.study.landscape;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.pxrd.study.landscape.LandscapeSlice.GridPoint;
import org.pxrd.study.landscape.LandscapeSlice.Trajectory;

/**
 * A {@link LandscapeSlice} as CSV files.
 *
 * <ul>
 * <li>The grid: a {@code #} line with the loss and the truth's values, then {@code X,Y,loss,local_minimum} (X and
 * Y the parameters' names, e.g. {@code a,c}; Å or degrees), one row per grid point, rows of constant Y in
 * ascending order; an empty loss where the parameters describe no cell.</li>
 * <li>The trajectories: {@code trajectory,kind,step,X,Y,loss}, one row per step of every refinement.</li>
 * </ul>
 */
public final class LandscapeCsv {

    private LandscapeCsv() {
    }

    /** Writes the grid (parent folders created). */
    public static void writeGrid(LandscapeSlice slice, Path file) throws IOException {
        Set<Long> minima = new HashSet<>();
        for (GridPoint m : slice.minima()) {
            minima.add(key(m.i(), m.j()));
        }
        double[] xs = slice.xValues();
        double[] ys = slice.yValues();
        try (PrintWriter out = writer(file)) {
            out.printf(Locale.ROOT, "# loss=%s truth %s=%s %s=%s%n", slice.loss(), slice.x().symbol(),
                    slice.truthX(), slice.y().symbol(), slice.truthY());
            out.println(slice.x().symbol() + "," + slice.y().symbol() + ",loss,local_minimum");
            for (int j = 0; j < ys.length; j++) {
                for (int i = 0; i < xs.length; i++) {
                    double v = slice.value(i, j);
                    out.printf(Locale.ROOT, "%s,%s,%s,%d%n", xs[i], ys[j], Double.isNaN(v) ? "" : Double.toString(v),
                            minima.contains(key(i, j)) ? 1 : 0);
                }
            }
        }
    }

    /** Writes the trajectories (parent folders created). */
    public static void writeTrajectories(LandscapeSlice slice, Path file) throws IOException {
        try (PrintWriter out = writer(file)) {
            out.println("trajectory,kind,step," + slice.x().symbol() + "," + slice.y().symbol() + ",loss");
            for (Trajectory t : slice.trajectories()) {
                double[] xs = t.xs();
                double[] ys = t.ys();
                double[] ls = t.losses();
                for (int s = 0; s < xs.length; s++) {
                    out.printf(Locale.ROOT, "%d,%s,%d,%s,%s,%s%n", t.index(), t.kind().label(), s, xs[s], ys[s], ls[s]);
                }
            }
        }
    }

    private static long key(int i, int j) {
        return ((long) j << 32) | i;
    }

    private static PrintWriter writer(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }
}
