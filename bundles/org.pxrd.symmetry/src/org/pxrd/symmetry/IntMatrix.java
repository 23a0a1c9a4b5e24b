package org.pxrd.symmetry;

import java.util.Arrays;

/** Integer 3x3 matrix helpers (row-major {@code m[row][column]}) for rotations and changes of basis. */
final class IntMatrix {

    private IntMatrix() {
    }

    static int[][] identity() {
        return new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    }

    static int det(int[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    static int trace(int[][] m) {
        return m[0][0] + m[1][1] + m[2][2];
    }

    static int[][] multiply(int[][] a, int[][] b) {
        int[][] r = new int[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
            }
        }
        return r;
    }

    static int[] multiply(int[][] a, int[] v) {
        return new int[] {a[0][0] * v[0] + a[0][1] * v[1] + a[0][2] * v[2], a[1][0] * v[0] + a[1][1] * v[1] + a[1][2] * v[2],
            a[2][0] * v[0] + a[2][1] * v[1] + a[2][2] * v[2]};
    }

    static double[] multiply(int[][] a, double[] v) {
        return new double[] {a[0][0] * v[0] + a[0][1] * v[1] + a[0][2] * v[2], a[1][0] * v[0] + a[1][1] * v[1] + a[1][2] * v[2],
            a[2][0] * v[0] + a[2][1] * v[1] + a[2][2] * v[2]};
    }

    static int[][] transpose(int[][] m) {
        return new int[][] {{m[0][0], m[1][0], m[2][0]}, {m[0][1], m[1][1], m[2][1]}, {m[0][2], m[1][2], m[2][2]}};
    }

    static int[][] negate(int[][] m) {
        int[][] r = new int[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = -m[i][j];
            }
        }
        return r;
    }

    static double[][] toDouble(int[][] m) {
        return new double[][] {{m[0][0], m[0][1], m[0][2]}, {m[1][0], m[1][1], m[1][2]}, {m[2][0], m[2][1], m[2][2]}};
    }

    /** The nearest integer matrix of a real one, or null when an entry is farther than 1e-6 from an integer. */
    static int[][] rounded(double[][] m) {
        int[][] r = new int[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                long v = Math.round(m[i][j]);
                if (Math.abs(m[i][j] - v) > 1e-6) {
                    return null;
                }
                r[i][j] = (int) v;
            }
        }
        return r;
    }

    static boolean equal(int[][] a, int[][] b) {
        return Arrays.deepEquals(a, b);
    }

    static String key(int[][] m) {
        return Arrays.deepToString(m);
    }

    static int gcd(int a, int b) {
        a = Math.abs(a);
        b = Math.abs(b);
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
