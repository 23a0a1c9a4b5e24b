package org.pxrd.study.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the folders of shards of one study (e.g. the outputs of a cluster job array) into one study folder.
 *
 * <p>Steps: every input must be a study folder of the same study (same fingerprint); their records are united,
 * a run found in two inputs must have the same result (timing aside) and is kept once; the output gets the
 * study's description, a whole-study manifest ({@code 1/1}) and the records sorted by plan index. Runs that
 * no shard finished stay missing: {@code pxrd study} with {@code --resume} on the merged folder runs them.
 */
public final class ShardMerge {

    /**
     * What a merge produced.
     *
     * @param runs the runs of the whole study
     * @param merged the distinct runs in the merged results
     * @param shards the shards found in the inputs, as i/n
     */
    public record Result(int runs, int merged, List<String> shards) {

        public int missing() {
            return runs - merged;
        }
    }

    private ShardMerge() {
    }

    /**
     * Merges shard folders into {@code out}.
     *
     * @throws StudyRunException when an input is not a study folder, the inputs belong to different studies, two
     *         inputs disagree on a run, or {@code out} already holds results
     */
    public static Result merge(List<Path> inputs, Path out) {
        if (inputs.isEmpty()) {
            throw new StudyRunException("give at least one shard folder to merge");
        }
        StudyFolder.Manifest first = null;
        String studyJson = null;
        Map<String, RunRecord> byId = new LinkedHashMap<>();
        Map<String, Path> source = new LinkedHashMap<>();
        List<String> shards = new ArrayList<>();
        for (Path dir : inputs) {
            StudyFolder.Manifest m = StudyFolder.readManifest(dir);
            if (first == null) {
                first = m;
                studyJson = readText(dir.resolve(StudyFolder.STUDY));
            } else if (!m.fingerprint().equals(first.fingerprint())) {
                throw new StudyRunException(dir + " holds another study (\"" + m.study() + "\") than " + inputs.get(0)
                        + " (\"" + first.study() + "\"): only shards of one study merge");
            }
            shards.add(m.shard().toString());
            for (RunRecord r : ResultsFile.read(dir.resolve(ResultsFile.NAME))) {
                RunRecord known = byId.putIfAbsent(r.id(), r);
                if (known != null && !known.withoutTiming().equals(r.withoutTiming())) {
                    throw new StudyRunException("run " + r.id() + " has different results in " + source.get(r.id())
                            + " and " + dir + ": these folders are not shards of one deterministic study");
                }
                source.putIfAbsent(r.id(), dir);
            }
        }
        if (Files.exists(out.resolve(ResultsFile.NAME)) || Files.exists(out.resolve(StudyFolder.MANIFEST))) {
            throw new StudyRunException(out + " already holds a study: merge into a new folder");
        }
        List<RunRecord> records = new ArrayList<>(byId.values());
        records.sort(Comparator.comparingInt(RunRecord::index));
        StudyFolder.writeMerged(out, studyJson, new StudyFolder.Manifest(first.study(), first.fingerprint(),
                Shard.ALL, first.runs(), first.runs()));
        try (ResultsFile results = ResultsFile.open(out.resolve(ResultsFile.NAME))) {
            results.appendAll(records);
        }
        return new Result(first.runs(), records.size(), shards);
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new StudyRunException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
