package org.pxrd.study.run;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyFormat;
import org.pxrd.study.protocol.StudyFormatException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The output folder of a study (or of one shard of it):
 * <ul>
 * <li>{@code study.json}: the normalised study description ({@link StudyFormat#write});</li>
 * <li>{@code manifest.json}: which study and shard the folder holds (see {@link Manifest});</li>
 * <li>{@code results.jsonl}: the finished runs ({@link ResultsFile});</li>
 * <li>after {@code pxrd study report}: {@code report.md}, {@code tables/*.csv}, {@code figures/*.png}.</li>
 * </ul>
 * A folder holds one study: continuing it needs the same study (same fingerprint) and shard.
 */
public final class StudyFolder {

    /** The normalised description in a study folder. */
    public static final String STUDY = "study.json";
    /** The manifest in a study folder. */
    public static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StudyFolder() {
    }

    /**
     * What a study folder holds.
     *
     * @param study the study's name
     * @param fingerprint the plan's fingerprint ({@link StudyPlan#fingerprint()})
     * @param shard the shard of the plan whose runs go here ({@code 1/1} for a whole or merged study)
     * @param runs the number of runs of the whole plan
     * @param shardRuns the number of runs of the shard
     */
    public record Manifest(String study, String fingerprint, Shard shard, int runs, int shardRuns) {

        ObjectNode toJson() {
            ObjectNode o = JSON.createObjectNode();
            o.put("format", 1);
            o.put("study", study);
            o.put("fingerprint", fingerprint);
            o.put("shard", shard.toString());
            o.put("runs", runs);
            o.put("shardRuns", shardRuns);
            return o;
        }
    }

    /**
     * Checks, without writing anything, that a shard of a plan can run in a folder: it is new or empty of
     * studies, or (with {@code resume}) holds the same study and shard.
     *
     * @return the manifest found in the folder, or null for a new folder
     * @throws StudyRunException when the folder holds another study or shard, or holds results and
     *         {@code resume} is false
     */
    public static Manifest check(Path dir, StudyPlan plan, Shard shard, boolean resume) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StudyRunException(dir + " is a file, not a folder: choose a folder for --out");
        }
        if (Files.exists(dir.resolve(MANIFEST))) {
            Manifest found = readManifest(dir);
            if (!found.fingerprint().equals(plan.fingerprint())) {
                throw new StudyRunException(dir + " holds results of another study (\"" + found.study()
                        + "\", fingerprint " + found.fingerprint().substring(0, 12) + "): choose another --out");
            }
            if (!found.shard().equals(shard)) {
                throw new StudyRunException(dir + " holds shard " + found.shard() + " of this study, not " + shard
                        + ": give --shard " + found.shard() + " or choose another --out");
            }
            if (!resume) {
                throw new StudyRunException(dir + " already holds this study: add --resume to continue it, or"
                        + " choose another --out");
            }
            return found;
        }
        if (Files.exists(dir.resolve(ResultsFile.NAME))) {
            throw new StudyRunException(dir + " holds " + ResultsFile.NAME + " but no " + MANIFEST
                    + ": not a study folder of this pxrd; choose another --out");
        }
        return null;
    }

    /**
     * Prepares a folder for running a shard of a plan ({@link #check}, then, for a new folder, creates it and
     * writes {@code study.json} and {@code manifest.json}).
     *
     * @throws StudyRunException as {@link #check}, or when the folder cannot be written
     */
    public static Manifest prepare(Path dir, StudyPlan plan, Shard shard, boolean resume) {
        Manifest found = check(dir, plan, shard, resume);
        if (found != null) {
            return found;
        }
        Manifest wanted = new Manifest(plan.study().name(), plan.fingerprint(), shard, plan.runs().size(),
                plan.runs(shard).size());
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(STUDY), StudyFormat.write(plan.study()) + "\n");
            writeAtomically(dir.resolve(MANIFEST), wanted.toJson().toPrettyString() + "\n");
        } catch (IOException e) {
            throw new StudyRunException("cannot write to " + dir + ": " + e.getMessage());
        }
        return wanted;
    }

    /**
     * Writes the files of a merged study: its description and a whole-study manifest.
     *
     * @throws StudyRunException when the folder cannot be written
     */
    static void writeMerged(Path dir, String studyJson, Manifest manifest) {
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(STUDY), studyJson);
            writeAtomically(dir.resolve(MANIFEST), manifest.toJson().toPrettyString() + "\n");
        } catch (IOException e) {
            throw new StudyRunException("cannot write to " + dir + ": " + e.getMessage());
        }
    }

    /**
     * The manifest of a study folder.
     *
     * @throws StudyRunException when it is missing or damaged
     */
    public static Manifest readManifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new StudyRunException(dir + " is not a study folder (no " + MANIFEST + ")");
        }
        try {
            JsonNode o = JSON.readTree(file.toFile());
            String study = o.path("study").asText("");
            String fingerprint = o.path("fingerprint").asText("");
            if (study.isEmpty() || fingerprint.length() != 64 || !o.path("runs").canConvertToInt()
                    || !o.path("shardRuns").canConvertToInt()) {
                throw new StudyRunException(file + ": damaged manifest (study, fingerprint, shard, runs, shardRuns)");
            }
            return new Manifest(study, fingerprint, Shard.parse(o.path("shard").asText("")), o.path("runs").asInt(),
                    o.path("shardRuns").asInt());
        } catch (JsonProcessingException e) {
            throw new StudyRunException(file + ": damaged manifest: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new StudyRunException("cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new StudyRunException(file + ": damaged manifest: " + e.getMessage());
        }
    }

    /**
     * The study description kept in a study folder (its structure files are not needed to read it).
     *
     * @throws StudyRunException when it is missing or invalid
     */
    public static StudyDescription readStudy(Path dir) {
        Path file = dir.resolve(STUDY);
        if (!Files.isRegularFile(file)) {
            throw new StudyRunException(dir + " is not a study folder (no " + STUDY + ")");
        }
        try {
            return StudyFormat.read(file);
        } catch (StudyFormatException e) {
            throw new StudyRunException(e.getMessage(), e);
        }
    }

    /** Writes a file through a temporary file and a rename, so a reader never sees half of it. */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
