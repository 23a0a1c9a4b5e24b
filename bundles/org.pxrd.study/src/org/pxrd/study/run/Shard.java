package org.pxrd.study.run;

/**
 * A deterministic share of a study: shard i of n holds the runs whose id hashes to i − 1 modulo n (the
 * SplitMix64 mixer of the 64-bit FNV-1a hash of the id, as {@link StudyPlan#hash}), so every shard gets a
 * similar mix of structures, levels, losses and projectors whatever the plan's order, and a run stays in its
 * shard when the study grows. Shards 1/n to n/n together hold every run exactly once; their sizes agree to
 * within a few √(runs/n).
 *
 * @param index i, from 1 to count
 * @param count n, at least 1
 */
public record Shard(int index, int count) {

    /** The whole study as one shard. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard i/n needs 1 <= i <= n, got " + index + "/" + count);
        }
    }

    /**
     * Parses {@code i/n}.
     *
     * @throws IllegalArgumentException naming the text when it is not of that form
     */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length == 2) {
            try {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            } catch (IllegalArgumentException e) {
                // not numbers, or not 1 <= i <= n: the message below says what is expected
            }
        }
        throw new IllegalArgumentException("a shard is written i/n with whole numbers 1 <= i <= n, e.g. 2/4; got '"
                + text + "'");
    }

    /** Whether a run belongs to this shard. */
    public boolean contains(RunSpec run) {
        return count == 1 || Math.floorMod(StudyPlan.hash("shard/" + run.id()), (long) count) == index - 1;
    }

    /** Whether this shard is the whole study. */
    public boolean isAll() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
