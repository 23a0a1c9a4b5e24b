package org.pxrd.optimization.relax;

/** Small helpers on vectors made of rows of three. */
final class Vectors {

    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** max over rows k of |(v[3k], v[3k+1], v[3k+2])|. */
    static double maxRowNorm(double[] v) {
        double max = 0;
        for (int i = 0; i + 2 < v.length; i += 3) {
            max = Math.max(max, Math.sqrt(v[i] * v[i] + v[i + 1] * v[i + 1] + v[i + 2] * v[i + 2]));
        }
        return max;
    }

    /** Scales {@code step} in place so that no row of three is longer than {@code maxRow}. */
    static void capRows(double[] step, double maxRow) {
        double longest = maxRowNorm(step);
        if (longest > maxRow) {
            double scale = maxRow / longest;
            for (int i = 0; i < step.length; i++) {
                step[i] *= scale;
            }
        }
    }

    static double[] add(double[] x, double[] dx) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[i] + dx[i];
        }
        return r;
    }
}
