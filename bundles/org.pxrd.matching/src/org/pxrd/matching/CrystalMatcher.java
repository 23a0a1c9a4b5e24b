package org.pxrd.matching;

import java.util.Map;

import org.pxrd.model.Structure;

/**
 * A way to decide whether two crystal structures are the same and how far apart they are, contributed through the
 * extension point {@code org.pxrd.matching.matchers} ({@link Matchers}). Its tolerances are the contribution's
 * typed settings, received by a public constructor taking {@link org.pxrd.core.extensions.Settings}.
 *
 * <p>Implementations are immutable and thread-safe: batch runs call {@link #compare} from many threads.
 */
public interface CrystalMatcher {

    /**
     * Compares two structures.
     *
     * @return the verdict, the distance (its meaning and unit given by {@link Comparison#metric()}) and the
     *         settings used
     * @throws IllegalArgumentException naming the problem when the structures cannot be compared
     */
    Comparison compare(Structure a, Structure b);

    /** The tolerances and options in effect, by setting key, for outputs that must state them. */
    Map<String, Object> settings();
}
