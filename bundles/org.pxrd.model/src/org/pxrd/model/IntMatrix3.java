package org.pxrd.model;

/**
 * Integer 3x3 matrices ({@code int[row][column]}): the basis transformations of lattices, where new rows = T · old
 * rows. Results are new arrays.
 */
public final class IntMatrix3 {

    private IntMatrix3() {
    }

    public static int[][] identity() {
        return new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    }

    public static int[][] copy(int[][] m) {
        return new int[][] {m[0].clone(), m[1].clone(), m[2].clone()};
    }

    public static long det(int[][] m) {
        return (long) m[0][0] * ((long) m[1][1] * m[2][2] - (long) m[1][2] * m[2][1])
                - (long) m[0][1] * ((long) m[1][0] * m[2][2] - (long) m[1][2] * m[2][0])
                + (long) m[0][2] * ((long) m[1][0] * m[2][1] - (long) m[1][1] * m[2][0]);
    }

    /** The product A·B. */
    public static int[][] multiply(int[][] a, int[][] b) {
        int[][] r = new int[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
            }
        }
        return r;
    }

    /** The product T·M of an integer and a real matrix (e.g. the rows of a transformed lattice, Å). */
    public static double[][] multiply(int[][] t, double[][] m) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = t[i][0] * m[0][j] + t[i][1] * m[1][j] + t[i][2] * m[2][j];
            }
        }
        return r;
    }

    /** The matrix as doubles. */
    public static double[][] toDouble(int[][] t) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = t[i][j];
            }
        }
        return r;
    }

    /** The negated matrix −T. */
    public static int[][] negate(int[][] t) {
        int[][] r = new int[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = -t[i][j];
            }
        }
        return r;
    }

    /**
     * The exact inverse of a unimodular matrix (det ±1) by cofactors.
     *
     * @throws IllegalArgumentException when det T is not ±1 (the inverse would not be integer)
     */
    public static int[][] inverseUnimodular(int[][] m) {
        long d = det(m);
        if (d != 1 && d != -1) {
            throw new IllegalArgumentException("matrix with determinant " + d + " has no integer inverse");
        }
        int s = (int) d;
        return new int[][] {
            {s * (m[1][1] * m[2][2] - m[1][2] * m[2][1]), s * (m[0][2] * m[2][1] - m[0][1] * m[2][2]),
                s * (m[0][1] * m[1][2] - m[0][2] * m[1][1])},
            {s * (m[1][2] * m[2][0] - m[1][0] * m[2][2]), s * (m[0][0] * m[2][2] - m[0][2] * m[2][0]),
                s * (m[0][2] * m[1][0] - m[0][0] * m[1][2])},
            {s * (m[1][0] * m[2][1] - m[1][1] * m[2][0]), s * (m[0][1] * m[2][0] - m[0][0] * m[2][1]),
                s * (m[0][0] * m[1][1] - m[0][1] * m[1][0])}};
    }
}
