package org.pxrd.study.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.pxrd.optimization.noise.Seeds;

/**
 * Mutual information I(X; Y) in nats between two continuous samples, by the k-nearest-neighbour estimator of
 * Kraskov, Stögbauer and Grassberger (Phys. Rev. E 69 (2004) 066138, their estimator (8)) with the conventions
 * of scikit-learn's {@code mutual_info_regression} (documented in its user guide and API reference), so that the
 * study's Table 1 means what the paper's means.
 *
 * <p>Steps, for n paired samples (x_i, y_i) and k neighbours (default 3):
 * <ol>
 * <li>Standardise each sample by its population standard deviation σ (no centring): x ← x/σ_x, y ← y/σ_y; a
 * sample with σ = 0 is left unscaled.</li>
 * <li>Add a small noise term, as Kraskov et al. advise for data with ties: x_i ← x_i + 10⁻¹⁰·max(1, mean|x|)·z_i,
 * and the same for y with its own deviates, where the z are standard normal deviates. The noise only decides
 * between exactly equal distances; {@link #estimateWithoutNoise} skips it.</li>
 * <li>For each i, ε_i is the distance to its k-th nearest neighbour j ≠ i in the joint space under the maximum
 * (Chebyshev) norm max(|x_i − x_j|, |y_i − y_j|).</li>
 * <li>n_x(i) counts the j ≠ i with |x_j − x_i| < ε_i (strictly closer: scikit-learn counts within the largest
 * double below ε_i), and n_y(i) the same in y.</li>
 * <li>I = ψ(n) + ψ(k) − ⟨ψ(n_x + 1)⟩ − ⟨ψ(n_y + 1)⟩ with ψ the digamma function ({@link Digamma}) and ⟨·⟩
 * the mean over i,
 * clipped at 0 (a negative estimate means the true value is close to 0).</li>
 * </ol>
 * The joint neighbours are found by sorting on x and scanning outward from each point until |Δx| reaches the
 * current k-th distance (exact, typically far below n² distance evaluations); the marginal counts by binary
 * search in sorted copies.
 *
 * <p>Immutable and thread-safe.
 */
public final class MutualInformation {

    /** The number of neighbours of scikit-learn's default and of the study. */
    public static final int DEFAULT_NEIGHBOURS = 3;

    /** Relative size of the tie-breaking noise, scikit-learn's 1e-10. */
    static final double NOISE_SCALE = 1e-10;

    private final int neighbours;

    /** The estimator with k = 3. */
    public MutualInformation() {
        this(DEFAULT_NEIGHBOURS);
    }

    /**
     * @param neighbours k, the number of nearest neighbours (at least 1)
     */
    public MutualInformation(int neighbours) {
        if (neighbours < 1) {
            throw new IllegalArgumentException("the number of neighbours k must be at least 1, got " + neighbours);
        }
        this.neighbours = neighbours;
    }

    public int neighbours() {
        return neighbours;
    }

    /**
     * The estimate with the noise term drawn from a seed: n deviates for x, then n for y, each
     * {@link Seeds#gaussian} from one {@link SplittableRandom} (the order scikit-learn draws in, though not its
     * generator), so the same samples and seed give the same value on any machine.
     *
     * @throws IllegalArgumentException for samples of different lengths, of at most k values, or with a value
     *         that is not finite
     */
    public double estimate(double[] x, double[] y, long seed) {
        check(x, y);
        SplittableRandom random = new SplittableRandom(seed);
        double[] noiseX = new double[x.length];
        double[] noiseY = new double[y.length];
        for (int i = 0; i < noiseX.length; i++) {
            noiseX[i] = Seeds.gaussian(random);
        }
        for (int i = 0; i < noiseY.length; i++) {
            noiseY[i] = Seeds.gaussian(random);
        }
        return estimate(x, y, noiseX, noiseY);
    }

    /**
     * The estimate with the given standard normal deviates in the noise term (e.g. the ones scikit-learn drew
     * for a {@code random_state}, to reproduce its value exactly).
     *
     * @param noiseX the deviates z for x, one per sample
     * @param noiseY the deviates z for y, one per sample
     */
    public double estimate(double[] x, double[] y, double[] noiseX, double[] noiseY) {
        check(x, y);
        if (noiseX.length != x.length || noiseY.length != y.length) {
            throw new IllegalArgumentException("the noise deviates must have one value per sample (" + x.length
                    + "), got " + noiseX.length + " and " + noiseY.length);
        }
        return ksg(withNoise(standardised(x), noiseX), withNoise(standardised(y), noiseY));
    }

    /** The estimate without the noise term: the same as {@link #estimate} whenever no two distances tie. */
    public double estimateWithoutNoise(double[] x, double[] y) {
        check(x, y);
        return ksg(standardised(x), standardised(y));
    }

    private void check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("mutual information needs paired samples, got " + x.length + " and "
                    + y.length + " values");
        }
        if (x.length <= neighbours) {
            throw new IllegalArgumentException("mutual information with k = " + neighbours + " needs more than "
                    + neighbours + " samples, got " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("sample " + i + " is not finite: (" + x[i] + ", " + y[i] + ")");
            }
        }
    }

    /** v/σ with σ the population standard deviation (two-pass), or v itself when σ = 0. */
    static double[] standardised(double[] v) {
        double mean = 0;
        for (double d : v) {
            mean += d;
        }
        mean /= v.length;
        double squares = 0;
        for (double d : v) {
            squares += (d - mean) * (d - mean);
        }
        double sigma = Math.sqrt(squares / v.length);
        double scale = sigma == 0 ? 1 : sigma;
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = v[i] / scale;
        }
        return s;
    }

    private static double[] withNoise(double[] v, double[] z) {
        double meanAbs = 0;
        for (double d : v) {
            meanAbs += Math.abs(d);
        }
        double amplitude = NOISE_SCALE * Math.max(1, meanAbs / v.length);
        double[] noisy = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            noisy[i] = v[i] + amplitude * z[i];
        }
        return noisy;
    }

    private double ksg(double[] x, double[] y) {
        int n = x.length;
        double[] radius = kthNeighbourDistances(x, y);
        double[] sortedX = x.clone();
        double[] sortedY = y.clone();
        Arrays.sort(sortedX);
        Arrays.sort(sortedY);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            // strictly closer than ε_i: within the largest double below it (ε_i = 0 stays 0)
            double r = radius[i] > 0 ? Math.nextDown(radius[i]) : 0;
            int nx = countWithin(sortedX, x[i], r) - 1;
            int ny = countWithin(sortedY, y[i], r) - 1;
            sum += Digamma.of(nx + 1) + Digamma.of(ny + 1);
        }
        double mi = Digamma.of(n) + Digamma.of(neighbours) - sum / n;
        return Math.max(0, mi);
    }

    /** ε_i: the Chebyshev distance from each point to its k-th nearest other point. */
    private double[] kthNeighbourDistances(double[] x, double[] y) {
        int n = x.length;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(x[a], x[b]));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        double[] radius = new double[n];
        double[] best = new double[neighbours];
        for (int p = 0; p < n; p++) {
            int i = order[p];
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            int left = p - 1;
            int right = p + 1;
            while (left >= 0 || right < n) {
                double kth = best[neighbours - 1];
                double dl = left >= 0 ? x[i] - x[order[left]] : Double.POSITIVE_INFINITY;
                double dr = right < n ? x[order[right]] - x[i] : Double.POSITIVE_INFINITY;
                // every further point on a side is at least |Δx| away: stop once that reaches the k-th distance
                if (Math.min(dl, dr) >= kth) {
                    break;
                }
                int j = dl <= dr ? order[left--] : order[right++];
                insert(best, Math.max(Math.abs(x[i] - x[j]), Math.abs(y[i] - y[j])));
            }
            radius[i] = best[neighbours - 1];
        }
        return radius;
    }

    /** Keeps the k smallest distances in ascending order. */
    private static void insert(double[] best, double d) {
        int at = best.length - 1;
        if (!(d < best[at])) {
            return;
        }
        while (at > 0 && best[at - 1] > d) {
            best[at] = best[at - 1];
            at--;
        }
        best[at] = d;
    }

    /**
     * The number of values v of a sorted array with |v − centre| ≤ r (the point itself included). The test is
     * on the difference v − centre, as the distance is defined, not on v ≤ centre + r (whose rounding could
     * admit a point at distance exactly ε); floating-point subtraction is monotone, so both ends are binary
     * searches.
     */
    private static int countWithin(double[] sorted, double centre, double r) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) { // first index with centre − v ≤ r
            int mid = (lo + hi) >>> 1;
            if (centre - sorted[mid] > r) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int first = lo;
        hi = sorted.length;
        while (lo < hi) { // first index with v − centre > r
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] - centre <= r) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - first;
    }
}
