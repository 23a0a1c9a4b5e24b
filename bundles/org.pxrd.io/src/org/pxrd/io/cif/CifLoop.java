package org.pxrd.io.cif;

import java.util.List;
import java.util.Locale;

/**
 * A {@code loop_} of a CIF data block: its tags (lower case) and rows of values, one value per tag.
 *
 * @param tags the tags in order, lower case
 * @param rows the rows, each with exactly {@code tags.size()} values
 * @param line the line of the {@code loop_} keyword
 */
public record CifLoop(List<String> tags, List<List<CifValue>> rows, int line) {

    public CifLoop {
        tags = List.copyOf(tags);
        rows = List.copyOf(rows);
    }

    /** The column index of a tag (case-insensitive), or -1. */
    public int column(String tag) {
        return tags.indexOf(tag.toLowerCase(Locale.ROOT));
    }

    /** Whether the loop has this tag. */
    public boolean has(String tag) {
        return column(tag) >= 0;
    }
}
