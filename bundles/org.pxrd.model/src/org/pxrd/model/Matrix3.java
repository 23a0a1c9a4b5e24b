package org.pxrd.model;

/**
 * Small dense 3-vector and 3x3-matrix arithmetic on {@code double[]} and {@code double[][]}, shared by every
 * bundle that works with lattices (a library would cost more in allocation than these few lines).
 * Matrices are row-major {@code m[row][column]}; results are new arrays.
 */
public final class Matrix3 {

    private Matrix3() {
    }

    public static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    public static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    public static double[] cross(double[] u, double[] v) {
        return new double[] {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }

    public static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /** The inverse by cofactors; the caller makes sure the matrix is not singular. */
    public static double[][] inverse(double[][] m) {
        double d = det(m);
        double[][] r = new double[3][3];
        r[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / d;
        r[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / d;
        r[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / d;
        r[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / d;
        r[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / d;
        r[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / d;
        r[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / d;
        r[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / d;
        r[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / d;
        return r;
    }

    public static double[][] transpose(double[][] m) {
        return new double[][] {{m[0][0], m[1][0], m[2][0]}, {m[0][1], m[1][1], m[2][1]}, {m[0][2], m[1][2], m[2][2]}};
    }

    /** The product A·B. */
    public static double[][] multiply(double[][] a, double[][] b) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
            }
        }
        return r;
    }

    /** The column-vector product A·v. */
    public static double[] multiply(double[][] a, double[] v) {
        return new double[] {dot(a[0], v), dot(a[1], v), dot(a[2], v)};
    }

    /** The row-vector product v·A (how fractional coordinates map to Cartesian: r = f·M). */
    public static double[] multiply(double[] v, double[][] a) {
        double[] r = new double[3];
        for (int j = 0; j < 3; j++) {
            r[j] = v[0] * a[0][j] + v[1] * a[1][j] + v[2] * a[2][j];
        }
        return r;
    }

    public static double[][] copy(double[][] m) {
        return new double[][] {m[0].clone(), m[1].clone(), m[2].clone()};
    }

    public static double[][] identity() {
        return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    }
}
