package org.pxrd.io.cif;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code data_} block of a CIF file: single-valued items by tag (lower case: CIF tags are case-insensitive)
 * and loops.
 *
 * @param name the block name after {@code data_}
 * @param line the line of the {@code data_} keyword
 * @param items single-valued items, by lower-case tag, in file order
 * @param loops the loops, in file order
 */
public record CifBlock(String name, int line, Map<String, CifValue> items, List<CifLoop> loops) {

    public CifBlock {
        items = Collections.unmodifiableMap(items);
        loops = List.copyOf(loops);
    }

    /** The single value of a tag (case-insensitive), also found in a one-row loop. */
    public Optional<CifValue> value(String tag) {
        String key = tag.toLowerCase(Locale.ROOT);
        CifValue v = items.get(key);
        if (v != null) {
            return Optional.of(v);
        }
        return loop(key).filter(l -> l.rows().size() == 1).map(l -> l.rows().get(0).get(l.column(key)));
    }

    /** The first of several alternative tags that has a value which is not {@code ?} or {@code .}. */
    public Optional<CifValue> firstValue(String... tags) {
        for (String tag : tags) {
            Optional<CifValue> v = value(tag);
            if (v.isPresent() && !v.get().isNull()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** The loop holding a tag (case-insensitive). */
    public Optional<CifLoop> loop(String tag) {
        return loops.stream().filter(l -> l.has(tag)).findFirst();
    }
}
