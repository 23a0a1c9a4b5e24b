package org.pxrd.ui.landscape;

import java.util.ArrayList;
import java.util.List;

import org.pxrd.model.Lattice;
import org.pxrd.model.Structure;
import org.pxrd.study.landscape.LandscapeSlice;
import org.pxrd.ui.landscape.LandscapeGrid.Axis;
import org.pxrd.ui.landscape.LandscapeGrid.MapPoint;
import org.pxrd.ui.landscape.LandscapeGrid.Trajectory;

/**
 * The view's {@link LandscapeGrid} of a landscape computed by {@code org.pxrd.study.landscape.Landscape}: the loss
 * transposed to {@code values[i][j]} at (x_i, y_j), the strict local minima, each trajectory labelled by its kind
 * and start, and as the structure at a point of the map the truth with the two lattice parameters set there (the
 * other four and every fractional coordinate as in the truth, which is how the loss was computed).
 */
final class LandscapeGrids {

    private LandscapeGrids() {
    }

    static LandscapeGrid of(LandscapeSlice slice, Structure truth, String lossName) {
        double[] xs = slice.xValues();
        double[] ys = slice.yValues();
        double[][] values = new double[xs.length][ys.length];
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                values[i][j] = slice.value(i, j);
            }
        }
        List<MapPoint> minima = slice.minima().stream().map(p -> new MapPoint(p.x(), p.y())).toList();
        List<Trajectory> trajectories = new ArrayList<>();
        for (LandscapeSlice.Trajectory t : slice.trajectories()) {
            List<MapPoint> points = new ArrayList<>(t.size());
            for (int k = 0; k < t.size(); k++) {
                points.add(new MapPoint(t.xs()[k], t.ys()[k]));
            }
            trajectories.add(new Trajectory(t.kind().label() + " " + (t.index() + 1), points));
        }
        return new LandscapeGrid(truth.name() + ": " + lossName + " loss over " + slice.x().symbol() + ", "
                + slice.y().symbol(), axis(slice.x(), xs), axis(slice.y(), ys), values, lossName + " loss", minima,
                trajectories, (x, y) -> {
                    double[] p = truth.lattice().parameters();
                    p[slice.x().index()] = x;
                    p[slice.y().index()] = y;
                    return truth.withLattice(Lattice.fromParameters(p));
                });
    }

    private static Axis axis(org.pxrd.study.landscape.LatticeParameter p, double[] values) {
        return new Axis(p.symbol(), p.unit(), values);
    }
}
