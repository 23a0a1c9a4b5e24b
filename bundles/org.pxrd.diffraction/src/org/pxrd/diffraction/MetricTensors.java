package org.pxrd.diffraction;

import org.pxrd.model.InvalidModelException;
import org.pxrd.model.Lattice;

/**
 * The direct and reciprocal metric tensors of a lattice given by its parameters, and their derivatives. Symmetric
 * 3×3 tensors are stored as their six distinct entries in the order (11, 22, 33, 12, 13, 23).
 * <pre>
 *   G = | a²        ab cos γ   ac cos β |        G* = G⁻¹  (Å⁻²)
 *       | ab cos γ  b²         bc cos α |        Q(hkl) = hᵀ G* h
 *       | ac cos β  bc cos α   c²       |             = g*11 h² + g*22 k² + g*33 l² + 2 (g*12 hk + g*13 hl + g*23 kl)
 *   ∂(G*)/∂p = −G* (∂G/∂p) G*
 * </pre>
 * Lengths in Å, angles in degrees (derivatives per degree). The orientation of the cell does not enter: powder
 * intensities depend on the lattice only through G*.
 */
final class MetricTensors {

    /** Index of entry (i, j) (0-based) in the six-entry storage. */
    private static final int[][] INDEX = {{0, 3, 4}, {3, 1, 5}, {4, 5, 2}};
    private static final double RAD_PER_DEG = Math.PI / 180;

    private MetricTensors() {
    }

    /**
     * The reciprocal metric tensor G* (six entries, Å⁻²) of parameters {a, b, c, α, β, γ}, and in {@code dgstar}
     * (6 parameters × 6 entries, row-major by parameter) its derivatives ∂g*_u/∂p_k. Allocates nothing.
     *
     * @throws InvalidModelException when the parameters do not form a cell (as {@link Lattice#fromParameters})
     */
    static void reciprocal(double[] p, double[] gstar, double[] dgstar) {
        check(p);
        double a = p[0];
        double b = p[1];
        double c = p[2];
        double ca = cosd(p[3]);
        double cb = cosd(p[4]);
        double cg = cosd(p[5]);
        // direct metric entries (11, 22, 33, 12, 13, 23)
        double g11 = a * a;
        double g22 = b * b;
        double g33 = c * c;
        double g12 = a * b * cg;
        double g13 = a * c * cb;
        double g23 = b * c * ca;
        double c11 = g22 * g33 - g23 * g23;
        double c22 = g11 * g33 - g13 * g13;
        double c33 = g11 * g22 - g12 * g12;
        double c12 = g13 * g23 - g12 * g33;
        double c13 = g12 * g23 - g13 * g22;
        double c23 = g12 * g13 - g11 * g23;
        double det = g11 * c11 + g12 * c12 + g13 * c13;
        gstar[0] = c11 / det;
        gstar[1] = c22 / det;
        gstar[2] = c33 / det;
        gstar[3] = c12 / det;
        gstar[4] = c13 / det;
        gstar[5] = c23 / det;
        if (dgstar == null) {
            return;
        }
        // ∂G/∂p has nonzero entries (i, j) = (j, i) only: for each parameter, the entries and their values
        double rad = RAD_PER_DEG;
        derivative(gstar, dgstar, 0, 0, 0, 2 * a, 0, 1, b * cg, 0, 2, c * cb);
        derivative(gstar, dgstar, 1, 1, 1, 2 * b, 0, 1, a * cg, 1, 2, c * ca);
        derivative(gstar, dgstar, 2, 2, 2, 2 * c, 0, 2, a * cb, 1, 2, b * ca);
        derivative(gstar, dgstar, 3, 1, 2, -b * c * sind(p[3]) * rad, -1, -1, 0, -1, -1, 0);
        derivative(gstar, dgstar, 4, 0, 2, -a * c * sind(p[4]) * rad, -1, -1, 0, -1, -1, 0);
        derivative(gstar, dgstar, 5, 0, 1, -a * b * sind(p[5]) * rad, -1, -1, 0, -1, -1, 0);
    }

    /**
     * Row k of ∂(G*)/∂p: −G* (∂G/∂p_k) G*, where ∂G/∂p_k is symmetric with up to three nonzero entries (m, n, v) (an
     * index −1 marks an unused entry).
     */
    private static void derivative(double[] gs, double[] out, int k, int m1, int n1, double v1, int m2, int n2,
            double v2, int m3, int n3, double v3) {
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                double sum = term(gs, i, j, m1, n1, v1) + term(gs, i, j, m2, n2, v2) + term(gs, i, j, m3, n3, v3);
                out[6 * k + INDEX[i][j]] = -sum;
            }
        }
    }

    /** (G* E G*)_ij for the symmetric E with value v at (m, n) and (n, m). */
    private static double term(double[] gs, int i, int j, int m, int n, double v) {
        if (m < 0) {
            return 0;
        }
        double t = entry(gs, i, m) * entry(gs, n, j);
        if (m != n) {
            t += entry(gs, i, n) * entry(gs, m, j);
        }
        return v * t;
    }

    private static double entry(double[] t, int i, int j) {
        return t[INDEX[i][j]];
    }

    /** The checks of {@link Lattice#fromParameters}, without building a lattice. */
    private static void check(double[] p) {
        if (p.length != 6) {
            throw new InvalidModelException("a lattice needs 6 parameters (a b c alpha beta gamma), got " + p.length);
        }
        double ca = cosd(p[3]);
        double cb = cosd(p[4]);
        double cg = cosd(p[5]);
        boolean lengths = p[0] > 0 && p[1] > 0 && p[2] > 0 && Double.isFinite(p[0] + p[1] + p[2]);
        boolean angles = p[3] > 0 && p[3] < 180 && p[4] > 0 && p[4] < 180 && p[5] > 0 && p[5] < 180;
        double normalised = 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg;
        if (!lengths || !angles
                || !(normalised > Lattice.MIN_NORMALISED_VOLUME * Lattice.MIN_NORMALISED_VOLUME)) {
            Lattice.fromParameters(p); // throws with the model's message
        }
    }

    /** Q = hᵀ G* h for Miller indices h, k, l. */
    static double q(double[] gstar, int h, int k, int l) {
        return gstar[0] * h * h + gstar[1] * k * k + gstar[2] * l * l
                + 2 * (gstar[3] * h * k + gstar[4] * h * l + gstar[5] * k * l);
    }

    /** The smallest eigenvalue of a symmetric positive definite tensor (six entries), by the trigonometric method. */
    static double smallestEigenvalue(double[] t) {
        double p1 = t[3] * t[3] + t[4] * t[4] + t[5] * t[5];
        double mean = (t[0] + t[1] + t[2]) / 3;
        double p2 = (t[0] - mean) * (t[0] - mean) + (t[1] - mean) * (t[1] - mean) + (t[2] - mean) * (t[2] - mean)
                + 2 * p1;
        if (p2 <= 1e-300) {
            return mean;
        }
        double p = Math.sqrt(p2 / 6);
        double b00 = (t[0] - mean) / p;
        double b11 = (t[1] - mean) / p;
        double b22 = (t[2] - mean) / p;
        double b01 = t[3] / p;
        double b02 = t[4] / p;
        double b12 = t[5] / p;
        double detB = b00 * (b11 * b22 - b12 * b12) - b01 * (b01 * b22 - b12 * b02) + b02 * (b01 * b12 - b11 * b02);
        double r = Math.max(-1, Math.min(1, detB / 2));
        double phi = Math.acos(r) / 3;
        return mean + 2 * p * Math.cos(phi + 2 * Math.PI / 3);
    }

    private static double cosd(double deg) {
        return deg == 90 ? 0 : Math.cos(Math.toRadians(deg));
    }

    private static double sind(double deg) {
        return deg == 90 ? 1 : Math.sin(Math.toRadians(deg));
    }
}
