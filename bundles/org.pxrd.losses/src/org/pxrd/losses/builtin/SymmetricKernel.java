package org.pxrd.losses.builtin;

/**
 * A symmetric convolution kernel on a uniform grid, patterns taken as zero outside the grid:
 * (K x)_i = Σ_{|k| ≤ R} h_|k| x_{i+k}. Being symmetric, K is its own transpose, so the same call carries
 * gradients back through it. Immutable.
 *
 * <p>A triangle (h_k = 1 − k/m) is applied in O(1) per point with running sums (see {@link #triangleSums}); other
 * kernels term by term, O(R) per point.
 */
final class SymmetricKernel {

    /** Gaussian half-width in standard deviations (scipy's default): the tails beyond hold 6e-5 of the area. */
    static final double GAUSSIAN_TRUNCATE = 4.0;

    /**
     * The triangle's running sums are recomputed term by term every this many points, so that the roundings of their
     * updates (a few per point) cannot pile up along a whole pattern; tested within 1e-12 of the largest output.
     */
    static final int TRIANGLE_RESTART = 256;

    private static final double FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.log(2));

    /** h_0, h_1, ..., h_R. */
    private final double[] half;
    /** m of a triangle h_k = 1 − k/m (points), or 0 for a kernel applied term by term. */
    private final double trianglePoints;

    private SymmetricKernel(double[] half, double trianglePoints) {
        this.half = half;
        this.trianglePoints = trianglePoints;
    }

    /**
     * The triangle of de Gelder et al.: h_k = max(0, 1 − kΔ/l) for kΔ &lt; l, R the largest such k (at most
     * {@code size} − 1: wider shifts never pair two points of the grid).
     *
     * @param width l in degrees 2θ
     * @param step Δ in degrees 2θ
     */
    static SymmetricKernel triangle(double width, double step, int size) {
        int radius = (int) Math.max(0, Math.min(size - 1, Math.ceil(width / step) - 1));
        double[] half = new double[radius + 1];
        for (int k = 0; k <= radius; k++) {
            half[k] = Math.max(0, 1 - k * step / width);
        }
        return new SymmetricKernel(half, radius == 0 ? 0 : width / step);
    }

    /**
     * A normalised, truncated Gaussian: the discrete filter of {@code scipy.ndimage.gaussian_filter1d(x, σ,
     * mode="constant", truncate=4)}:
     * <pre>
     *   σ = FWHM / (2 √(2 ln 2)) / Δ   (points),   R = ⌊4σ + ½⌋,
     *   h_k = exp(−k² / (2σ²)) / Σ_{|j| ≤ R} exp(−j² / (2σ²))
     * </pre>
     * A FWHM of 0 gives the identity.
     *
     * @param fwhm full width at half maximum in degrees 2θ
     * @param step Δ in degrees 2θ
     */
    static SymmetricKernel gaussian(double fwhm, double step) {
        double sigma = fwhm / FWHM_PER_SIGMA / step;
        int radius = sigma > 0 ? (int) (GAUSSIAN_TRUNCATE * sigma + 0.5) : 0;
        double[] half = new double[radius + 1];
        double total = 0;
        for (int k = 0; k <= radius; k++) {
            half[k] = radius == 0 ? 1 : Math.exp(-0.5 * k * k / (sigma * sigma));
            total += k == 0 ? half[k] : 2 * half[k];
        }
        for (int k = 0; k <= radius; k++) {
            half[k] /= total;
        }
        return new SymmetricKernel(half, 0);
    }

    /** Whether the kernel is the identity. */
    boolean isIdentity() {
        return half.length == 1 && half[0] == 1;
    }

    /** out = K in (different arrays of the same length). */
    void apply(double[] in, double[] out) {
        apply(in, 1, false, out);
    }

    /** out += factor · K in (different arrays of the same length). */
    void applyAndAdd(double[] in, double factor, double[] out) {
        apply(in, factor, true, out);
    }

    private void apply(double[] in, double factor, boolean add, double[] out) {
        if (trianglePoints > 0) {
            triangleSums(in, factor, add, out);
        } else {
            convolve(in, factor, add, out);
        }
    }

    /**
     * The triangle h_k = 1 − k/m (k ≤ R) as (K x)_i = x_i + (B_i + A_i) − (B'_i + A'_i)/m with the sums below and above
     * the point B_i = Σ_{k=1..R} x_{i−k}, B'_i = Σ k x_{i−k}, A_i = Σ x_{i+k}, A'_i = Σ k x_{i+k}, which move one
     * point on in O(1):
     * <pre>
     *   B'_{i+1} = B'_i + B_i + x_i − (R+1) x_{i−R}      B_{i+1} = B_i + x_i − x_{i−R}
     *   A'_{i+1} = A'_i − A_i + R x_{i+R+1}              A_{i+1} = A_i − x_{i+1} + x_{i+R+1}
     * </pre>
     * (x = 0 outside the grid), and are recomputed term by term every {@value #TRIANGLE_RESTART} points.
     */
    private void triangleSums(double[] x, double factor, boolean add, double[] out) {
        int n = x.length;
        int radius = half.length - 1;
        double inverseM = 1 / trianglePoints;
        double below = 0;
        double belowMoment = 0;
        double above = 0;
        double aboveMoment = 0;
        for (int i = 0; i < n; i++) {
            if (i % TRIANGLE_RESTART == 0) {
                below = 0;
                belowMoment = 0;
                above = 0;
                aboveMoment = 0;
                for (int k = 1; k <= radius; k++) {
                    double b = at(x, i - k);
                    double a = at(x, i + k);
                    below += b;
                    belowMoment += k * b;
                    above += a;
                    aboveMoment += k * a;
                }
            }
            store(out, i, factor * (x[i] + (below + above) - (belowMoment + aboveMoment) * inverseM), add);
            double leaving = at(x, i - radius);
            double entering = at(x, i + radius + 1);
            belowMoment += below + x[i] - (radius + 1) * leaving;
            below += x[i] - leaving;
            aboveMoment += radius * entering - above;
            above += entering - at(x, i + 1);
        }
    }

    /** x_j, or 0 outside the grid. */
    private static double at(double[] x, int j) {
        return j >= 0 && j < x.length ? x[j] : 0;
    }

    /**
     * (K x)_i = h_0 x_i + Σ_{k=1..R} h_k (x_{i−k} + x_{i+k}), terms outside the grid being zero. Away from the edges
     * four outputs are computed together, so that each kernel element is loaded once for four points (about three
     * times faster than one point at a time); every point sums its terms in the same order either way.
     */
    private void convolve(double[] x, double factor, boolean add, double[] out) {
        int n = x.length;
        int radius = half.length - 1;
        int i = 0;
        for (; i < Math.min(radius, n); i++) {
            store(out, i, factor * atEdge(x, i), add);
        }
        double h0 = half[0];
        for (; i + 3 < n - radius; i += 4) {
            double s0 = h0 * x[i];
            double s1 = h0 * x[i + 1];
            double s2 = h0 * x[i + 2];
            double s3 = h0 * x[i + 3];
            for (int k = 1; k <= radius; k++) {
                double h = half[k];
                s0 += h * (x[i - k] + x[i + k]);
                s1 += h * (x[i + 1 - k] + x[i + 1 + k]);
                s2 += h * (x[i + 2 - k] + x[i + 2 + k]);
                s3 += h * (x[i + 3 - k] + x[i + 3 + k]);
            }
            store(out, i, factor * s0, add);
            store(out, i + 1, factor * s1, add);
            store(out, i + 2, factor * s2, add);
            store(out, i + 3, factor * s3, add);
        }
        for (; i < n; i++) {
            store(out, i, factor * atEdge(x, i), add);
        }
    }

    private static void store(double[] out, int i, double value, boolean add) {
        out[i] = add ? out[i] + value : value;
    }

    /** (K x)_i where the kernel reaches past an edge of the grid. */
    private double atEdge(double[] x, int i) {
        double sum = half[0] * x[i];
        for (int k = 1; k < half.length; k++) {
            double below = i - k >= 0 ? x[i - k] : 0;
            double above = i + k < x.length ? x[i + k] : 0;
            sum += half[k] * (below + above);
        }
        return sum;
    }
}
