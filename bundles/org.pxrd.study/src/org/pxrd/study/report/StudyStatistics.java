package org.pxrd.study.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pxrd.optimization.noise.Seeds;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyDescription.Condition;
import org.pxrd.study.protocol.StudyDescription.Labelled;
import org.pxrd.study.run.RunRecord;
import org.pxrd.study.run.RunSpec;
import org.pxrd.study.run.RunSpec.GroupKey;
import org.pxrd.study.run.StudyPlan;
import org.pxrd.study.stats.Correlation;
import org.pxrd.study.stats.MatchRate;
import org.pxrd.study.stats.MutualInformation;

/**
 * The statistics of every condition of a study from its records, in the description's order (conditions,
 * levels, losses, projectors): what Fig. 1 (match rates), Table 1 (mutual information) and Tables S1/S2
 * (Pearson, Spearman) show.
 *
 * <p>Definitions (our reading of the study's): a run matches when the matcher calls its final structure the
 * truth; a failed run counts as a run that did not match. Mutual information and correlations are between the
 * final structural distance to the truth (AMD) and the final XRD similarity to the truth, over the runs of the
 * condition that have both. The mutual-information noise term is seeded from the study seed and the condition,
 * and the samples are taken in plan order, so the same records give the same tables on any machine.
 *
 * @param groups the conditions with at least one recorded run, in description order
 * @param records the number of records used
 * @param unexpected records whose condition the description does not have (ignored)
 */
public record StudyStatistics(List<GroupStatistics> groups, int records, int unexpected) {

    public StudyStatistics {
        groups = List.copyOf(groups);
    }

    /** The statistics of the records of a study. */
    public static StudyStatistics compute(StudyDescription study, List<RunRecord> records) {
        Map<GroupKey, List<RunRecord>> byGroup = new LinkedHashMap<>();
        for (GroupKey key : groupsOf(study)) {
            byGroup.put(key, new ArrayList<>());
        }
        List<RunRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingInt(RunRecord::index));
        int unexpected = 0;
        for (RunRecord r : sorted) {
            List<RunRecord> list = byGroup.get(r.group());
            if (list == null) {
                unexpected++;
            } else {
                list.add(r);
            }
        }
        List<GroupStatistics> groups = new ArrayList<>();
        MutualInformation mi = new MutualInformation();
        for (Map.Entry<GroupKey, List<RunRecord>> e : byGroup.entrySet()) {
            if (!e.getValue().isEmpty()) {
                groups.add(statistics(study.seed(), e.getKey(), e.getValue(), mi));
            }
        }
        return new StudyStatistics(groups, sorted.size() - unexpected, unexpected);
    }

    /** Every condition of a description, in order. */
    public static List<GroupKey> groupsOf(StudyDescription study) {
        List<GroupKey> keys = new ArrayList<>();
        for (Condition c : study.conditions()) {
            for (double level : c.levels()) {
                for (Labelled loss : study.losses()) {
                    for (Labelled projector : c.projectors()) {
                        keys.add(new GroupKey(c.noise(), level, c.refine(), loss.label(), projector.label()));
                    }
                }
            }
        }
        return keys;
    }

    /** The statistics of one condition, or null when it has no run. */
    public GroupStatistics get(GroupKey key) {
        for (GroupStatistics g : groups) {
            if (g.key().equals(key)) {
                return g;
            }
        }
        return null;
    }

    /** A condition as text, e.g. {@code lattice@0.05/lattice/cosine/family}. */
    public static String text(GroupKey key) {
        return key.noise().json() + "@" + RunSpec.levelText(key.level()) + "/" + key.refine().json() + "/"
                + key.loss() + "/" + key.projector();
    }

    private static GroupStatistics statistics(long seed, GroupKey key, List<RunRecord> runs, MutualInformation mi) {
        int matches = 0;
        int failed = 0;
        double steps = 0;
        List<double[]> pairs = new ArrayList<>();
        for (RunRecord r : runs) {
            if (r.match()) {
                matches++;
            }
            if (r.status() == RunStatus.FAILED) {
                failed++;
            }
            steps += r.steps();
            if (Double.isFinite(r.distanceFinal()) && Double.isFinite(r.similarityFinal())) {
                pairs.add(new double[] {r.distanceFinal(), r.similarityFinal()});
            }
        }
        double[] distance = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] similarity = pairs.stream().mapToDouble(p -> p[1]).toArray();
        double information = Double.NaN;
        if (pairs.size() > mi.neighbours()) {
            information = mi.estimate(distance, similarity, Seeds.derive(seed, StudyPlan.hash("mi/" + text(key))));
        }
        double pearson = pairs.size() >= 2 ? Correlation.pearson(distance, similarity) : Double.NaN;
        double spearman = pairs.size() >= 2 ? Correlation.spearman(distance, similarity) : Double.NaN;
        return new GroupStatistics(key, runs.size(), failed, MatchRate.jeffreys(matches, runs.size()), pairs.size(),
                information, pearson, spearman, steps / runs.size());
    }
}
