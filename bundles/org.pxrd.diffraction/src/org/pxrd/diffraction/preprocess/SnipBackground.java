package org.pxrd.diffraction.preprocess;

import org.pxrd.core.extensions.Settings;
import org.pxrd.model.Pattern;

/**
 * Background by SNIP, the Statistics-sensitive Non-linear Iterative Peak-clipping of Ryan, Clayton, Griffin, Sie and
 * Cousens (Nucl. Instrum. Methods B 34 (1988) 396) with the decreasing clipping window of Morháč, Kliman, Matoušek,
 * Veselský and Turzo (Nucl. Instrum. Methods A 401 (1997) 113) and the fourth-order clipping filter of Morháč and
 * Matoušek (Appl. Spectrosc. 62 (2008) 91). Contribution {@code org.pxrd.diffraction.snip}.
 *
 * <p>Steps, for intensities y_0..y_{n−1} on a 2θ axis of mean step δ (degrees):
 * <ol>
 * <li>Smoothing (setting {@code smoothing} = k points): z_i = mean of y over i−q..i+q, q = min(k, i, n−1−i) (the box
 * shrinks symmetrically at the ends, so a linear background is unchanged). Without it SNIP follows the lower edge of
 * the counting noise and sits about two standard deviations low.</li>
 * <li>Offset: z ← z − min z, so that the transform below sees no negative value (background-subtracted files).</li>
 * <li>LLS transform (setting {@code lls}): v = ln(ln(√(z + 1) + 1) + 1), which compresses the dynamic range of
 * counts so that small peaks on a large background are clipped as well as large ones; otherwise v = z.</li>
 * <li>Clipping: m = round(window/δ) passes with p = m, m−1, ..., 1 (decreasing, setting {@code decreasing}) or
 * 1, ..., m (Ryan's increasing order); each pass sets, for every point at once, v_i ← min(v_i, c_i) with
 * q = min(p, i, n−1−i) (the window shrinks at the ends) and the clipping value (setting {@code order})
 * <pre>
 *   order 2:  c_i = (v_{i−q} + v_{i+q}) / 2
 *   order 4:  c_i = max( (v_{i−q} + v_{i+q}) / 2,  (−v_{i−2r} + 4 v_{i−r} + 4 v_{i+r} − v_{i+2r}) / 6 ),  r = ⌊q/2⌋ ≥ 1
 * </pre>
 * The second-order mean lies below a concave background by about v''·(qδ)²/2 at every pass, which adds up over the
 * passes and eats into broad humps; the fourth-order estimate is exact for cubic backgrounds, so curved backgrounds
 * survive while peaks, narrower than the window, are still clipped.</li>
 * <li>Back: z = (exp(exp(v) − 1) − 1)² − 1, then the offset is added back: b = z + min.</li>
 * </ol>
 * A peak narrower than the window is clipped away; a background feature wider than it is kept. The window (degrees
 * 2θ) should exceed the half-width of the widest peak or peak cluster at its base. The grid is treated as evenly
 * spaced (mean step); on uneven grids the window is a number of points.
 */
public final class SnipBackground implements BackgroundEstimator {

    private final double window;
    private final int smoothing;
    private final boolean lls;
    private final boolean decreasing;
    private final int order;

    /** With the declared settings {@code window}, {@code smoothing}, {@code lls}, {@code decreasing}, {@code order}. */
    public SnipBackground(Settings settings) {
        this(settings.getDouble("window"), settings.getInt("smoothing"), settings.getBoolean("lls"),
                settings.getBoolean("decreasing"), Integer.parseInt(settings.getString("order")));
    }

    /**
     * @param window the largest clipping half-width in degrees 2θ, positive
     * @param smoothing half-width in points of the box smoothing before clipping, ≥ 0
     * @param lls whether to clip the LLS-transformed intensities
     * @param decreasing whether the clipping window decreases (Morháč) rather than increases (Ryan)
     * @param order the clipping filter's order, 2 or 4
     */
    public SnipBackground(double window, int smoothing, boolean lls, boolean decreasing, int order) {
        if (!(window > 0 && Double.isFinite(window))) {
            throw new IllegalArgumentException("SNIP window " + window + " degrees must be positive");
        }
        if (smoothing < 0) {
            throw new IllegalArgumentException("SNIP smoothing " + smoothing + " points must not be negative");
        }
        if (order != 2 && order != 4) {
            throw new IllegalArgumentException("SNIP filter order " + order + " must be 2 or 4");
        }
        this.order = order;
        this.window = window;
        this.smoothing = smoothing;
        this.lls = lls;
        this.decreasing = decreasing;
    }

    @Override
    public double[] background(Pattern pattern) {
        int n = pattern.size();
        if (n < 3) {
            throw new IllegalArgumentException("SNIP needs at least 3 points, the pattern has " + n);
        }
        double[] x = pattern.twoThetaArray();
        double step = (x[n - 1] - x[0]) / (n - 1);
        int m = Math.max(1, (int) Math.round(window / step));
        if (2 * m + 1 > n) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "SNIP window %s degrees is %d points on each side, wider than the pattern's %d points", window, m,
                    n));
        }
        double[] z = smooth(pattern.intensityArray(), smoothing);
        double base = Double.POSITIVE_INFINITY;
        for (double v : z) {
            base = Math.min(base, v);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lls ? lls(z[i] - base) : z[i] - base;
        }
        double[] next = new double[n];
        for (int pass = 0; pass < m; pass++) {
            int p = decreasing ? m - pass : pass + 1;
            next[0] = v[0];
            next[n - 1] = v[n - 1];
            for (int i = 1; i < n - 1; i++) {
                int q = Math.min(p, Math.min(i, n - 1 - i));
                double clip = 0.5 * (v[i - q] + v[i + q]);
                int r = q / 2;
                if (order == 4 && r >= 1) {
                    clip = Math.max(clip, (-v[i - 2 * r] + 4 * v[i - r] + 4 * v[i + r] - v[i + 2 * r]) / 6);
                }
                next[i] = Math.min(v[i], clip);
            }
            double[] t = v;
            v = next;
            next = t;
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = (lls ? inverseLls(v[i]) : v[i]) + base;
        }
        return b;
    }

    /** The box mean over i−q..i+q, q = min(k, i, n−1−i). */
    static double[] smooth(double[] y, int k) {
        if (k == 0) {
            return y.clone();
        }
        int n = y.length;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + y[i];
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            int q = Math.min(k, Math.min(i, n - 1 - i));
            z[i] = (prefix[i + q + 1] - prefix[i - q]) / (2 * q + 1);
        }
        return z;
    }

    /** v = ln(ln(√(z + 1) + 1) + 1), z ≥ 0. */
    static double lls(double z) {
        return Math.log(Math.log(Math.sqrt(z + 1) + 1) + 1);
    }

    /** The inverse of {@link #lls}: z = (exp(exp(v) − 1) − 1)² − 1. */
    static double inverseLls(double v) {
        double r = Math.exp(Math.exp(v) - 1) - 1;
        return r * r - 1;
    }
}
