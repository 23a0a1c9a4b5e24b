package org.pxrd.matching;

import java.util.LinkedHashMap;
import java.util.Map;

import org.pxrd.core.extensions.Settings;
import org.pxrd.model.Structure;

/**
 * Compares structures by the distance between their AMD vectors ({@link AverageMinimumDistance}): the verdict is a
 * match when the distance is at most the threshold. Species are ignored: AMD sees only the periodic set of atom
 * positions (an antisite swap is invisible to it).
 *
 * <p>Settings: {@code k} (number of neighbours, default {@value #DEFAULT_K}), {@code metric} ({@code linf} or
 * {@code l2}), {@code threshold} (Å, default {@value #DEFAULT_THRESHOLD}).
 */
public final class AmdMatcher implements CrystalMatcher {

    /** Neighbours per atom: k = 100, as the AMD references of the project's test data. */
    public static final int DEFAULT_K = 100;
    /**
     * Largest distance (Å) called a match: equivalent descriptions of the same crystal (another cell, a rotation, an
     * origin shift) differ by at most 6e-3 Å on the development pairs (rounding of the files' coordinates), while
     * coordinate noise of σ = 0.001 in fractional units already moves AMD by about 1e-2 Å.
     */
    public static final double DEFAULT_THRESHOLD = 0.01;

    private final int k;
    private final AverageMinimumDistance.Metric metric;
    private final double threshold;

    /** k = 100, L∞, threshold 0.01 Å. */
    public AmdMatcher() {
        this(DEFAULT_K, AverageMinimumDistance.Metric.LINF, DEFAULT_THRESHOLD);
    }

    public AmdMatcher(Settings settings) {
        this(settings.getInt("k"), AverageMinimumDistance.Metric.parse(settings.getString("metric")),
                settings.getDouble("threshold"));
    }

    public AmdMatcher(int k, AverageMinimumDistance.Metric metric, double threshold) {
        if (k < 1) {
            throw new IllegalArgumentException("k = " + k + " must be at least 1");
        }
        if (!(threshold >= 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold " + threshold + " Å must be finite and >= 0");
        }
        this.k = k;
        this.metric = metric;
        this.threshold = threshold;
    }

    @Override
    public Comparison compare(Structure a, Structure b) {
        double d = AverageMinimumDistance.distance(AverageMinimumDistance.of(a, k), AverageMinimumDistance.of(b, k),
                metric);
        return new Comparison(d <= threshold, d, "amd_" + metric.name().toLowerCase(java.util.Locale.ROOT) + " (Å)",
                Map.of(), settings());
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("k", k);
        s.put("metric", metric.name().toLowerCase(java.util.Locale.ROOT));
        s.put("threshold", threshold);
        return s;
    }
}
