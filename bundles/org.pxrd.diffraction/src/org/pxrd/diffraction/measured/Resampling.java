package org.pxrd.diffraction.measured;

import org.pxrd.diffraction.TwoThetaGrid;
import org.pxrd.model.Pattern;

/**
 * Resampling of a measured pattern onto other 2θ points by linear interpolation, the alternative to simulating on the
 * measured points ({@link MeasuredGrid}, preferred: it leaves the data as measured). Between measured points a and b,
 * at t = (2θ − 2θ_a)/(2θ_b − 2θ_a):
 * <pre>
 *   y = (1 − t) y_a + t y_b,      σ² = (1 − t)² σ_a² + t² σ_b²
 * </pre>
 * (the interpolated points are correlated; the σ are those of each point alone). Resampling onto a finer grid than
 * the measurement invents no information; onto a coarser one it drops points instead of binning them.
 */
public final class Resampling {

    private Resampling() {
    }

    /**
     * The pattern at the given 2θ values (degrees, strictly increasing, within the pattern's range).
     *
     * @throws IllegalArgumentException naming the first point outside the measured range
     */
    public static Pattern onto(Pattern pattern, double[] twoTheta) {
        double[] x = pattern.twoThetaArray();
        double[] y = pattern.intensityArray();
        double[] s = pattern.esdArray();
        int n = x.length;
        double[] out = new double[twoTheta.length];
        double[] outEsd = s == null ? null : new double[twoTheta.length];
        int a = 0;
        for (int j = 0; j < twoTheta.length; j++) {
            double t2 = twoTheta[j];
            if (!(t2 >= x[0] && t2 <= x[n - 1])) {
                throw new IllegalArgumentException("cannot resample '" + pattern.name() + "' at 2theta = " + t2
                        + ": it was measured from " + x[0] + " to " + x[n - 1] + " degrees");
            }
            while (a < n - 2 && x[a + 1] < t2) {
                a++;
            }
            double t = n == 1 ? 0 : (t2 - x[a]) / (x[a + 1] - x[a]);
            out[j] = (1 - t) * y[a] + t * y[a + 1];
            if (outEsd != null) {
                outEsd[j] = Math.sqrt((1 - t) * (1 - t) * s[a] * s[a] + t * t * s[a + 1] * s[a + 1]);
            }
        }
        return new Pattern(pattern.name(), twoTheta, out, outEsd, pattern.wavelength().orElse(Double.NaN));
    }

    /**
     * The pattern at the bin centres of a grid that lie within the measured range.
     *
     * @throws IllegalArgumentException when no bin centre lies within it
     */
    public static Pattern onto(Pattern pattern, TwoThetaGrid grid) {
        double[] x = pattern.twoThetaArray();
        double[] centres = grid.centres();
        int from = 0;
        while (from < centres.length && centres[from] < x[0]) {
            from++;
        }
        int to = centres.length;
        while (to > from && centres[to - 1] > x[x.length - 1]) {
            to--;
        }
        if (to <= from) {
            throw new IllegalArgumentException("the grid " + grid.describe() + " has no bin centre within the "
                    + "measured range " + x[0] + ".." + x[x.length - 1] + " degrees of '" + pattern.name() + "'");
        }
        return onto(pattern, java.util.Arrays.copyOfRange(centres, from, to));
    }
}
