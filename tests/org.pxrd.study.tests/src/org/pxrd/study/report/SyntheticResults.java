package org.pxrd.study.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.pxrd.optimization.noise.Seeds;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.study.protocol.Presets;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyDescription.NoiseType;
import org.pxrd.study.protocol.StudyFormat;
import org.pxrd.study.run.ResultsFile;
import org.pxrd.study.run.RunRecord;
import org.pxrd.study.run.RunSpec;
import org.pxrd.study.run.RunSpec.GroupKey;
import org.pxrd.study.run.Shard;
import org.pxrd.study.run.StudyFolder;
import org.pxrd.study.run.StudyPlan;

/**
 * A results folder with known statistics, written without any refinement: the paper-quick study with 40
 * distortions, {@link #RUNS} runs per condition, with
 * <ul>
 * <li>exactly {@link #matches} matches (so the match rates and intervals are known exactly);</li>
 * <li>final (distance, similarity) pairs drawn from a bivariate normal with correlation {@link #rho} (so Pearson
 * is about ρ, Spearman about (6/π) asin(ρ/2) and the mutual information about −½ ln(1 − ρ²));</li>
 * <li>{@link #uphill} runs per condition whose final loss is above their start loss (the runs i = 1, 98, 195,
 * ... of the condition, matched and not), and one run i = {@value #NEAR_UPHILL} whose final loss is above its
 * start loss by half the stop tolerance;</li>
 * <li>one failed run in one condition.</li>
 * </ul>
 */
final class SyntheticResults {

    /** Runs per condition. */
    static final int RUNS = 400;

    /** The condition with the one failed run. */
    static final GroupKey FAILING = new GroupKey(NoiseType.COORDINATES, 0.05,
            StudyDescription.Refined.COORDINATES, "entropy", "none");

    /** Start loss of every run; the final loss is {@link #FINAL_LOSS} except for the uphill runs. */
    static final double START_LOSS = -0.5;
    static final double FINAL_LOSS = -0.9;
    /** The run of each condition that ends above its start loss, but within the stop tolerance. */
    static final int NEAR_UPHILL = 50;
    private static final int UPHILL_STRIDE = 97;

    private SyntheticResults() {
    }

    /** Uphill runs of a condition: more at the higher level and for entropy, 1 to 4. */
    static int uphill(StudyDescription study, GroupKey key) {
        return 1 + rank(study, key) + (key.loss().equals("entropy") ? 2 : 0);
    }

    /** Matches of a condition: falling with the level's rank, higher with the projector, lower for mse. */
    static int matches(StudyDescription study, GroupKey key) {
        int rank = rank(study, key);
        double p = 0.9 - 0.5 * rank + (key.projector().equals("family") ? 0.08 : 0) - (key.loss().equals("mse") ? 0.1 : 0);
        return (int) Math.round(RUNS * p);
    }

    /** Correlation of distance and similarity: strong at the low level, weak at the high one. */
    static double rho(StudyDescription study, GroupKey key) {
        return rank(study, key) == 0 ? -0.9 : -0.3;
    }

    private static int rank(StudyDescription study, GroupKey key) {
        for (StudyDescription.Condition c : study.conditions()) {
            if (c.noise() == key.noise()) {
                return c.levels().indexOf(key.level());
            }
        }
        throw new IllegalArgumentException(key.toString());
    }

    /**
     * Writes the folder: study.json, manifest.json and results.jsonl, for the paper-quick study with 40
     * distortions (10 structures x 40 = 400 runs per condition), every run of its plan recorded.
     */
    static StudyDescription write(Path dir) {
        StudyDescription study = StudyFormat.parse(StudyFormat.write(Presets.load("paper-quick"))
                .replace("\"distortions\" : 5,", "\"distortions\" : 40,"), "synthetic", null);
        StudyPlan plan = StudyPlan.expand(study);
        StudyFolder.prepare(dir, plan, Shard.ALL, false);
        Map<GroupKey, SplittableRandom> randoms = new HashMap<>();
        Map<GroupKey, Integer> counts = new HashMap<>();
        List<RunRecord> records = new ArrayList<>();
        for (RunSpec spec : plan.runs()) {
            GroupKey key = spec.group();
            SplittableRandom random = randoms.computeIfAbsent(key,
                    k -> new SplittableRandom(StudyPlan.hash(StudyStatistics.text(k))));
            int i = counts.merge(key, 1, Integer::sum) - 1;
            double rho = rho(study, key);
            double z1 = Seeds.gaussian(random);
            double z2 = Seeds.gaussian(random);
            double similarity = rho * z1 + Math.sqrt(1 - rho * rho) * z2;
            boolean failed = key.equals(FAILING) && i == RUNS - 1;
            double lossFinal = i % UPHILL_STRIDE == 1 && i / UPHILL_STRIDE < uphill(study, key) ? START_LOSS + 0.2
                    : i == NEAR_UPHILL ? START_LOSS + study.stop().tolerance() / 2 : FINAL_LOSS;
            records.add(record(spec, i < matches(study, key), failed, z1, similarity, lossFinal));
        }
        try (ResultsFile results = ResultsFile.open(dir.resolve(ResultsFile.NAME))) {
            // in a scrambled order, as threads would finish them
            List<RunRecord> scrambled = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                scrambled.add(records.get((int) ((i * 7919L) % records.size())));
            }
            results.appendAll(scrambled);
        }
        return study;
    }

    private static RunRecord record(RunSpec spec, boolean match, boolean failed, double distance,
            double similarity, double lossFinal) {
        double[] lattice = {3, 3, 3, 90, 90, 90};
        double[][] frac = {{0, 0, 0}};
        return new RunRecord(spec.index(), spec.id(), spec.structure().key(), spec.noise(), spec.level(),
                spec.refine(), spec.distortion(), spec.loss().label(), spec.loss().id(), spec.projector().label(),
                spec.projector().id(), spec.seed(), spec.distortionSeed(), failed ? RunStatus.FAILED
                        : RunStatus.CONVERGED, failed ? "synthetic failure" : "", 100 + spec.distortion(), 0.01,
                lattice, frac, lattice, frac, START_LOSS, lossFinal, match && !failed, match && !failed ? 0.01 : Double.NaN, 1,
                failed ? Double.NaN : distance, 0.5, failed ? Double.NaN : similarity);
    }
}
