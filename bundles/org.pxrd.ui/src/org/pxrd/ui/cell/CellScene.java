package org.pxrd.ui.cell;

import java.util.ArrayList;
import java.util.List;

import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;

/**
 * What the pure-SWT renderer draws, in Cartesian Å:
 * <ol>
 * <li>the eight corners of the cell, f ∈ {0, 1}³ mapped by r = f·M;</li>
 * <li>every site, and its images on faces, edges and corners: a fractional coordinate within
 * {@link #IMAGE_TOLERANCE} of 0 is repeated at 1 (the "packed" cell Jmol shows);</li>
 * <li>bonds between drawn atoms closer than (1 + {@link #BOND_SLACK}) times the nearest-neighbour distance of
 * either atom: a ball-and-stick sketch of the first coordination shell without a table of radii.</li>
 * </ol>
 * Drawing is an orthographic projection after a rotation ({@link #project}).
 */
final class CellScene {

    /** Fractional distance from a face under which an atom is also drawn on the opposite face. */
    static final double IMAGE_TOLERANCE = 1e-3;
    /** Bonds reach 15 % beyond the nearest-neighbour distance, enough for slightly distorted shells. */
    static final double BOND_SLACK = 0.15;

    /** A drawn atom: a site or one of its images. */
    record Atom(Element element, String label, double[] cart) {
    }

    /** A bond between two drawn atoms (indices into {@link #atoms()}). */
    record Bond(int from, int to) {
    }

    /** A point on screen: x, y in pixels and depth (larger is nearer the viewer). */
    record Projected(double x, double y, double depth) {
    }

    private final double[][] corners = new double[8][];
    private final double[][] axes;
    private final List<Atom> atoms = new ArrayList<>();
    private final List<Bond> bonds = new ArrayList<>();
    private final double[] centre;
    private final double radius;
    private final double nearestDistance;

    CellScene(Structure structure) {
        Lattice lattice = structure.lattice();
        axes = lattice.matrix();
        for (int i = 0; i < 8; i++) {
            corners[i] = lattice.toCartesian(new double[] {i & 1, (i >> 1) & 1, (i >> 2) & 1});
        }
        centre = lattice.toCartesian(new double[] {0.5, 0.5, 0.5});
        double r = 0;
        for (double[] c : corners) {
            r = Math.max(r, Matrix3.norm(minus(c, centre)));
        }
        radius = r;
        for (Site s : structure.sites()) {
            for (int image = 0; image < 8; image++) {
                double[] f = s.frac();
                boolean drawn = true;
                for (int axis = 0; axis < 3; axis++) {
                    if (((image >> axis) & 1) == 1) {
                        drawn &= f[axis] < IMAGE_TOLERANCE;
                        f[axis] += 1;
                    }
                }
                if (drawn) {
                    atoms.add(new Atom(s.element(), s.label(), lattice.toCartesian(f)));
                }
            }
        }
        double[] nearest = new double[atoms.size()];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int i = 0; i < atoms.size(); i++) {
            for (int j = i + 1; j < atoms.size(); j++) {
                double d = distance(i, j);
                nearest[i] = Math.min(nearest[i], d);
                nearest[j] = Math.min(nearest[j], d);
            }
        }
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < atoms.size(); i++) {
            smallest = Math.min(smallest, nearest[i]);
            for (int j = i + 1; j < atoms.size(); j++) {
                double limit = (1 + BOND_SLACK) * Math.max(nearest[i], nearest[j]);
                if (distance(i, j) <= limit) {
                    bonds.add(new Bond(i, j));
                }
            }
        }
        nearestDistance = Double.isFinite(smallest) ? smallest : radius;
    }

    private static double[] minus(double[] u, double[] v) {
        return new double[] {u[0] - v[0], u[1] - v[1], u[2] - v[2]};
    }

    private double distance(int i, int j) {
        return Matrix3.norm(minus(atoms.get(i).cart(), atoms.get(j).cart()));
    }

    List<Atom> atoms() {
        return atoms;
    }

    List<Bond> bonds() {
        return bonds;
    }

    /** Corner i has fractional coordinates (i &amp; 1, i &gt;&gt; 1 &amp; 1, i &gt;&gt; 2 &amp; 1). */
    double[][] corners() {
        return corners;
    }

    /** Lattice vector i (0-2: a, b, c) in Å. */
    double[] axis(int i) {
        return axes[i].clone();
    }

    /** The smallest distance between two drawn atoms, in Å (the cell's half diagonal for a single atom). */
    double nearestDistance() {
        return nearestDistance;
    }

    /** Pixels per Å when the whole cell (a sphere around its centre) fits a viewport with a margin. */
    double scale(int width, int height, double margin) {
        return Math.max(1, Math.min(width, height) * (1 - 2 * margin) / (2 * radius));
    }

    /**
     * Screen position of a Cartesian point: p' = R (p − centre of the cell), x = width/2 + s p'x,
     * y = height/2 − s p'y, depth p'z, for the rotation R (3x3, rows) and scale s in pixels per Å.
     */
    Projected project(double[] cart, double[][] rotation, double scale, int width, int height) {
        double[] p = minus(cart, centre);
        double[] q = Matrix3.multiply(rotation, p);
        return new Projected(width / 2.0 + scale * q[0], height / 2.0 - scale * q[1], q[2]);
    }

    /**
     * The rotation of a view with c pointing up the screen, then turned by {@code yaw} about the screen's vertical
     * and {@code pitch} about its horizontal (radians).
     */
    static double[][] rotation(double yaw, double pitch) {
        double[][] cUp = {{1, 0, 0}, {0, 0, 1}, {0, -1, 0}};
        double cy = Math.cos(yaw);
        double sy = Math.sin(yaw);
        double cp = Math.cos(pitch);
        double sp = Math.sin(pitch);
        double[][] aboutY = {{cy, 0, sy}, {0, 1, 0}, {-sy, 0, cy}};
        double[][] aboutX = {{1, 0, 0}, {0, cp, -sp}, {0, sp, cp}};
        return Matrix3.multiply(Matrix3.multiply(aboutX, aboutY), cUp);
    }
}
