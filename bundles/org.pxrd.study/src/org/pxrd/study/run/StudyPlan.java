package org.pxrd.study.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.pxrd.optimization.noise.Seeds;
import org.pxrd.study.protocol.StructureSets;
import org.pxrd.study.protocol.StructureSets.StructureFile;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyDescription.Condition;
import org.pxrd.study.protocol.StudyDescription.Labelled;
import org.pxrd.study.protocol.StudyFormat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A study expanded into its runs, in a fixed order: for each structure (in study order), each condition, each
 * level, each distortion index d, each loss, each projector. The expansion is a pure function of the
 * description and the structure file names, so every machine, shard and resume sees the same runs.
 *
 * <p>Seeds (all derived with {@link Seeds#derive}, the SplitMix64 mixer, from the study seed and a 64-bit
 * FNV-1a hash of a text, so they do not depend on the order or number of other runs):
 * <ul>
 * <li>the distortion seed of {@code structure/noise@level/d}: shared by every loss, projector and refined
 * group of that start, so that they are compared on the same distorted structures;</li>
 * <li>the run seed of the run id.</li>
 * </ul>
 *
 * @param study the description
 * @param structures the structure files, in study order
 * @param runs every run, {@code runs.get(i).index() == i}
 * @param fingerprint a SHA-256 over the normalised description with the structures replaced by their keys:
 *        equal for the same study on any machine, different when anything that changes a run changes
 */
public record StudyPlan(StudyDescription study, List<StructureFile> structures, List<RunSpec> runs,
        String fingerprint) {

    public StudyPlan {
        structures = List.copyOf(structures);
        runs = List.copyOf(runs);
    }

    /**
     * Expands a description (its structure source is resolved to files, which are not read).
     *
     * @throws org.pxrd.study.protocol.StudyFormatException when the structure files cannot be listed
     */
    public static StudyPlan expand(StudyDescription study) {
        List<StructureFile> structures = StructureSets.files(study.structures());
        List<RunSpec> runs = new ArrayList<>();
        for (StructureFile s : structures) {
            for (Condition c : study.conditions()) {
                for (double level : c.levels()) {
                    String start = s.key() + "/" + c.noise().json() + "@" + RunSpec.levelText(level);
                    for (int d = 0; d < study.distortions(); d++) {
                        long distortionSeed = Seeds.derive(study.seed(), hash("distortion/" + start + "/" + d));
                        for (Labelled loss : study.losses()) {
                            for (Labelled projector : c.projectors()) {
                                String id = start + "/" + c.refine().json() + "/" + loss.label() + "/"
                                        + projector.label() + "/" + d;
                                long seed = Seeds.derive(study.seed(), hash("run/" + id));
                                runs.add(new RunSpec(runs.size(), id, s, c.noise(), level, c.refine(), d,
                                        distortionSeed, loss, projector, seed));
                            }
                        }
                    }
                }
            }
        }
        return new StudyPlan(study, structures, runs, fingerprint(study, structures));
    }

    /** The runs of one shard, in plan order. */
    public List<RunSpec> runs(Shard shard) {
        return runs.stream().filter(shard::contains).toList();
    }

    /**
     * The 64-bit FNV-1a hash of a text's UTF-8 bytes (Fowler, Noll and Vo; offset basis 0xcbf29ce484222325,
     * prime 0x100000001b3), mixed with SplitMix64's output function so that similar texts spread over all bits.
     */
    public static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return Seeds.derive(h, 0);
    }

    private static String fingerprint(StudyDescription study, List<StructureFile> structures) {
        ObjectNode json = StudyFormat.toJson(study);
        json.remove("note");
        ArrayNode keys = json.putArray("structures");
        structures.forEach(s -> keys.add(s.key()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
