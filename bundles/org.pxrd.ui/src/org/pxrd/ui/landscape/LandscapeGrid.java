package org.pxrd.ui.landscape;

import java.util.List;
import java.util.Objects;

import org.pxrd.model.Structure;

/**
 * What the landscape view draws: the loss on a 2-D grid of two lattice parameters, with its local minima and
 * optimizer trajectories over it. The view only draws it; a landscape computation (in {@code org.pxrd.study}) fills
 * it in.
 *
 * @param title the chart's title (e.g. the structure and the loss)
 * @param x the horizontal axis: its parameter and grid values
 * @param y the vertical axis
 * @param values the loss at every grid point, {@code values[i][j]} at ({@code x.values()[i]},
 *        {@code y.values()[j]}), in {@code valueName}'s units; NaN where it could not be computed (drawn blank)
 * @param valueName what the values are, with units, e.g. "cosine loss"
 * @param minima local minima to mark (in axis units)
 * @param trajectories optimizer paths to draw over the map (in axis units)
 * @param structureAt the structure at a point of the map (x, y in axis units), to open it; null when the
 *        landscape cannot make one
 */
public record LandscapeGrid(String title, Axis x, Axis y, double[][] values, String valueName, List<MapPoint> minima,
        List<Trajectory> trajectories, StructureAt structureAt) {

    /**
     * One axis of the grid.
     *
     * @param parameter the lattice parameter, e.g. "a" or "alpha"
     * @param unit its unit, e.g. "Å" or "°"
     * @param values the grid values along it, increasing and evenly spaced
     */
    public record Axis(String parameter, String unit, double[] values) {
        public Axis {
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(unit, "unit");
            values = values.clone();
            if (values.length < 2) {
                throw new IllegalArgumentException("the " + parameter + " axis needs at least 2 values, got "
                        + values.length);
            }
            for (int i = 1; i < values.length; i++) {
                if (!(values[i] > values[i - 1])) {
                    throw new IllegalArgumentException("the " + parameter + " axis must increase: " + values[i - 1]
                            + " then " + values[i]);
                }
            }
        }

        /** "a (Å)". */
        public String label() {
            return parameter + " (" + unit + ")";
        }

        /** The spacing of the grid along this axis (its first step). */
        public double step() {
            return values[1] - values[0];
        }

        /** The index of the grid value nearest to {@code v}, clamped to the axis. */
        public int nearest(double v) {
            int best = 0;
            for (int i = 1; i < values.length; i++) {
                if (Math.abs(values[i] - v) < Math.abs(values[best] - v)) {
                    best = i;
                }
            }
            return best;
        }
    }

    /** A point of the map in axis units (x along the horizontal axis, y along the vertical one). */
    public record MapPoint(double x, double y) {
    }

    /** An optimizer path over the map. */
    public record Trajectory(String label, List<MapPoint> points) {
        public Trajectory {
            points = List.copyOf(points);
        }
    }

    /** Makes the structure at a point of the map. */
    @FunctionalInterface
    public interface StructureAt {
        Structure at(double x, double y);
    }

    public LandscapeGrid {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(valueName, "valueName");
        if (values.length != x.values().length) {
            throw new IllegalArgumentException("the grid has " + values.length + " columns for " + x.values().length
                    + " values of " + x.parameter());
        }
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != y.values().length) {
                throw new IllegalArgumentException("column " + i + " of the grid has " + values[i].length
                        + " values for " + y.values().length + " values of " + y.parameter());
            }
            copy[i] = values[i].clone();
        }
        values = copy;
        minima = List.copyOf(minima);
        trajectories = List.copyOf(trajectories);
    }

    /** The value at grid indices (i along x, j along y). */
    public double value(int i, int j) {
        return values[i][j];
    }

    /** The grid cell nearest to a point: {i, j}. */
    public int[] cellAt(double px, double py) {
        return new int[] {x.nearest(px), y.nearest(py)};
    }
}
