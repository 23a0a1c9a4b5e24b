package org.pxrd.matching;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of {@link CrystalMatcher#compare}.
 *
 * @param match the verdict
 * @param distance the matcher's distance between the structures, NaN when it has none for this pair (e.g. the rms
 *        of StructureMatcher without a match)
 * @param metric what the distance is, with its unit, e.g. {@code rms} (normalised by (V/n)^(1/3)) or
 *        {@code amd_linf} (Å)
 * @param details further values by name (e.g. {@code max_dist}), in a stable order
 * @param settings the tolerances and options used, by setting key
 */
public record Comparison(boolean match, double distance, String metric, Map<String, Object> details,
        Map<String, Object> settings) {

    public Comparison {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
