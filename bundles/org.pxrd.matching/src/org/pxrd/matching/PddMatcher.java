package org.pxrd.matching;

import java.util.LinkedHashMap;
import java.util.Map;

import org.pxrd.core.extensions.Settings;
import org.pxrd.model.Structure;

/**
 * Compares structures by the earth mover's distance between their pointwise distance distributions
 * ({@link PointwiseDistanceDistribution}): a match when it is at most the threshold. Like AMD it ignores species.
 *
 * <p>Settings: {@code k} (default {@value AmdMatcher#DEFAULT_K}), {@code threshold} (Å, default
 * {@value AmdMatcher#DEFAULT_THRESHOLD}; EMD ≥ the AMD L∞ distance, so the same threshold is at least as strict),
 * {@code collapse_tol} (Å).
 */
public final class PddMatcher implements CrystalMatcher {

    private final int k;
    private final double threshold;
    private final double collapseTolerance;

    /** k = 100, threshold 0.01 Å, collapse tolerance 1e-4 Å. */
    public PddMatcher() {
        this(AmdMatcher.DEFAULT_K, AmdMatcher.DEFAULT_THRESHOLD, PointwiseDistanceDistribution.DEFAULT_COLLAPSE_TOLERANCE);
    }

    public PddMatcher(Settings settings) {
        this(settings.getInt("k"), settings.getDouble("threshold"), settings.getDouble("collapse_tol"));
    }

    public PddMatcher(int k, double threshold, double collapseTolerance) {
        if (k < 1) {
            throw new IllegalArgumentException("k = " + k + " must be at least 1");
        }
        if (!(threshold >= 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold " + threshold + " Å must be finite and >= 0");
        }
        this.k = k;
        this.threshold = threshold;
        this.collapseTolerance = collapseTolerance;
    }

    @Override
    public Comparison compare(Structure a, Structure b) {
        double d = PointwiseDistanceDistribution.of(a, k, collapseTolerance)
                .emd(PointwiseDistanceDistribution.of(b, k, collapseTolerance));
        return new Comparison(d <= threshold, d, "pdd_emd (Å)", Map.of(), settings());
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("k", k);
        s.put("threshold", threshold);
        s.put("collapse_tol", collapseTolerance);
        return s;
    }
}
