package org.pxrd.testdata;

/**
 * Independent reference computations that tests of several modules compare against: written as the textbook
 * formula, with no code of the bundles under test.
 */
public final class Oracles {

    private Oracles() {
    }

    /** Cosine similarity Σ a·b / (|a| |b|) of two patterns on one grid. */
    public static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
