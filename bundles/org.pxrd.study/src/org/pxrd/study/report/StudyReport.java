package org.pxrd.study.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import org.pxrd.optimization.run.RunStatus;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyDescription.Condition;
import org.pxrd.study.protocol.StudyDescription.Contribution;
import org.pxrd.study.protocol.StudyDescription.Labelled;
import org.pxrd.study.run.ResultsFile;
import org.pxrd.study.run.RunRecord;
import org.pxrd.study.run.RunSpec;
import org.pxrd.study.run.RunSpec.GroupKey;
import org.pxrd.study.run.StudyFolder;
import org.pxrd.study.stats.MatchRate;
import org.pxrd.study.stats.MutualInformation;

/**
 * The report of a study folder, from its results alone (so it can be regenerated at any time, e.g. on a partial
 * or merged study):
 * <ul>
 * <li>{@code report.md}: counts, definitions, Fig. 1 with its numbers, the checks of the study's two findings
 * (the projector raises the match rate; XRD similarity and structural distance decorrelate as the noise grows),
 * Table 1 (mutual information), Tables S1/S2 (Pearson, Spearman) with the paper's values beside ours where
 * {@link PaperTables} has them, Fig. 4, match rates per structure ({@link StructureMatchRates}), the
 * unconstrained runs that ended uphill ({@link UphillRuns}) and the refinements' cost;</li>
 * <li>{@code tables/statistics.csv}: every statistic of every condition, full precision;</li>
 * <li>{@code tables/table1_mi.csv}, {@code tables/tableS1_pearson.csv}, {@code tables/tableS2_spearman.csv}:
 * ours and the paper's value per condition;</li>
 * <li>{@code tables/match_by_structure.csv}: the match rate of every structure in every condition;</li>
 * <li>{@code figures/fig1_match_rates.png} and {@code .svg}, {@code figures/fig4_distance_similarity.png}.</li>
 * </ul>
 */
public final class StudyReport {

    /** The report's file name in the study folder. */
    public static final String REPORT = "report.md";

    /**
     * What was written.
     *
     * @param report the report file
     * @param files every file written, the report first
     * @param statistics the statistics the report shows
     * @param records the records the report is made of
     */
    public record Written(Path report, List<Path> files, StudyStatistics statistics, int records) {
    }

    private StudyReport() {
    }

    /**
     * Writes the report of a study folder with the bundled paper numbers.
     *
     * @throws org.pxrd.study.run.StudyRunException when the folder is not a study folder or its results are damaged
     * @throws IOException when a file cannot be written
     */
    public static Written write(Path dir) throws IOException {
        return write(dir, PaperTables.bundled());
    }

    /**
     * Writes the report of a study folder with the bundled paper numbers, drawing the figures in headless mode
     * even when a display is configured (for command-line tools: a {@code DISPLAY} they cannot reach must not
     * stop them). Call it before anything else in the process uses AWT.
     *
     * @throws org.pxrd.study.run.StudyRunException when the folder is not a study folder or its results are damaged
     * @throws IOException when a file cannot be written
     */
    public static Written writeHeadless(Path dir) throws IOException {
        Headless.force();
        return write(dir);
    }

    /** Writes the report of a study folder with the given paper numbers. */
    public static Written write(Path dir, PaperTables paper) throws IOException {
        StudyDescription study = StudyFolder.readStudy(dir);
        StudyFolder.Manifest manifest = StudyFolder.readManifest(dir);
        List<RunRecord> records = ResultsFile.read(dir.resolve(ResultsFile.NAME));
        StudyStatistics statistics = StudyStatistics.compute(study, records);
        List<Path> files = new ArrayList<>();
        Path report = dir.resolve(REPORT);
        files.add(report);
        Path tables = dir.resolve("tables");
        Files.createDirectories(tables);
        files.add(write(tables.resolve("statistics.csv"), statisticsCsv(statistics)));
        files.add(write(tables.resolve("table1_mi.csv"), paperCsv(statistics, paper, PaperTables.MUTUAL_INFORMATION,
                GroupStatistics::mutualInformation)));
        files.add(write(tables.resolve("tableS1_pearson.csv"), paperCsv(statistics, paper, PaperTables.PEARSON,
                GroupStatistics::pearson)));
        files.add(write(tables.resolve("tableS2_spearman.csv"), paperCsv(statistics, paper, PaperTables.SPEARMAN,
                GroupStatistics::spearman)));
        files.add(write(tables.resolve("match_by_structure.csv"), StructureMatchRates.csv(study, records)));
        Path fig1 = dir.resolve("figures/fig1_match_rates.png");
        Path fig1Svg = dir.resolve("figures/fig1_match_rates.svg");
        Path fig4 = dir.resolve("figures/fig4_distance_similarity.png");
        StudyFigures.matchRates(study, statistics, fig1, fig1Svg);
        // Fig. 4 only as PNG: as SVG each of its points is an element, about 1 kB each (25 MB for the paper's 30,000)
        StudyFigures.distanceVsSimilarity(study, records, fig4);
        files.addAll(List.of(fig1, fig1Svg, fig4));
        write(report, markdown(study, manifest, records, statistics, paper));
        return new Written(report, files, statistics, records.size());
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file;
    }

    /** Every statistic of every condition (numbers at full precision; empty when not defined). */
    static String statisticsCsv(StudyStatistics statistics) {
        StringBuilder b = new StringBuilder("noise,level,refine,loss,projector,runs,matches,failed,match_rate,"
                + "ci_low,ci_high,pairs,mutual_information,pearson,spearman,mean_steps\n");
        for (GroupStatistics g : statistics.groups()) {
            GroupKey k = g.key();
            MatchRate r = g.rate();
            b.append(String.join(",", k.noise().json(), RunSpec.levelText(k.level()), k.refine().json(), k.loss(),
                    k.projector(), String.valueOf(g.runs()), String.valueOf(r.matches()), String.valueOf(g.failed()),
                    csv(r.rate()), csv(r.lower()), csv(r.upper()), String.valueOf(g.pairs()),
                    csv(g.mutualInformation()), csv(g.pearson()), csv(g.spearman()), csv(g.meanSteps()))).append('\n');
        }
        return b.toString();
    }

    private static String paperCsv(StudyStatistics statistics, PaperTables paper, String table,
            ToDoubleFunction<GroupStatistics> ours) {
        StringBuilder b = new StringBuilder("noise,level,refine,loss,projector,pairs,ours,paper\n");
        for (GroupStatistics g : statistics.groups()) {
            GroupKey k = g.key();
            b.append(String.join(",", k.noise().json(), RunSpec.levelText(k.level()), k.refine().json(), k.loss(),
                    k.projector(), String.valueOf(g.pairs()), csv(ours.applyAsDouble(g)),
                    csv(paper.value(table, k)))).append('\n');
        }
        return b.toString();
    }

    private static String csv(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String markdown(StudyDescription study, StudyFolder.Manifest manifest, List<RunRecord> records,
            StudyStatistics statistics, PaperTables paper) {
        StringBuilder md = new StringBuilder();
        long failed = records.stream().filter(r -> r.status() == RunStatus.FAILED).count();
        md.append("# Study report: ").append(study.name()).append("\n\n");
        if (!study.note().isBlank()) {
            md.append(study.note()).append("\n\n");
        }
        md.append("- Study `").append(study.name()).append("`, fingerprint `")
                .append(manifest.fingerprint(), 0, 12).append("`, seed ").append(study.seed()).append(", shard ")
                .append(manifest.shard()).append(".\n");
        md.append(String.format(Locale.ROOT, "- Runs recorded: %d of %d%s; failed: %d.%n", records.size(),
                manifest.shardRuns(), records.size() < manifest.shardRuns()
                        ? " (" + (manifest.shardRuns() - records.size()) + " missing: the study is not finished,"
                                + " every number below is over the recorded runs)"
                        : "",
                failed));
        if (statistics.unexpected() > 0) {
            md.append("- Records of conditions the description does not have (ignored): ")
                    .append(statistics.unexpected()).append(".\n");
        }
        md.append("- Files: `study.json` (the description), `results.jsonl` (one line per run), `tables/*.csv`, "
                + "`figures/*.png` (Fig. 1 also as SVG). `pxrd study report DIR` regenerates this report from the "
                + "results.\n\n");

        md.append("## Definitions\n\n");
        md.append("- A run **matches** when ").append(contribution(study.matcher()))
                .append(" calls its final structure the ground truth; a failed run counts as not matched.\n");
        md.append("- **Match rate** k/n with its 95% Jeffreys interval: the 2.5% and 97.5% quantiles of "
                + "Beta(k + 1/2, n - k + 1/2), lower end 0 when k = 0 and upper end 1 when k = n.\n");
        md.append("- **Distance**: ").append(contribution(study.distance()))
                .append(" from the final structure to the truth. **XRD similarity**: the similarity that goes with "
                        + "the run's loss, between the final structure's pattern and the truth's (higher is more "
                        + "similar).\n");
        md.append("- **Mutual information** (nats) between final distance and final similarity over the runs of a "
                + "condition: the Kraskov-Stögbauer-Grassberger estimator as scikit-learn's "
                + "`mutual_info_regression` computes it (k = ").append(MutualInformation.DEFAULT_NEIGHBOURS)
                .append(", standardised samples, a 1e-10 tie-breaking noise seeded from the study seed, clipped at "
                        + "0). **Pearson** r and **Spearman** ρ (average ranks) of the same pairs.\n\n");

        md.append("## Fig. 1: match rate against noise level\n\n");
        md.append("![Fig. 1: match rates](figures/fig1_match_rates.png)\n\n");
        md.append("Solid lines and filled marks: with the projector; dashed lines and open marks: unconstrained. "
                + "Cells: match rate [95% interval] (runs).\n\n");
        for (Condition c : study.conditions()) {
            md.append("### ").append(conditionTitle(c)).append("\n\n");
            md.append(table(study, c, statistics, g -> String.format(Locale.ROOT, "%.3f [%.3f, %.3f] (%d)",
                    g.rate().rate(), g.rate().lower(), g.rate().upper(), g.runs())));
        }

        md.append("## Findings of the study, checked on these results\n\n");
        findings(md, study, statistics);

        String paperNote = paper.isEmpty() ? "" : " Cells: ours (paper).";
        tableSection(md, "Table 1: mutual information (nats) between final distance and final XRD similarity", study,
                statistics, paper, PaperTables.MUTUAL_INFORMATION, GroupStatistics::mutualInformation, paperNote);
        tableSection(md, "Table S1: Pearson r between final distance and final XRD similarity", study, statistics,
                paper, PaperTables.PEARSON, GroupStatistics::pearson, paperNote);
        tableSection(md, "Table S2: Spearman ρ between final distance and final XRD similarity", study, statistics,
                paper, PaperTables.SPEARMAN, GroupStatistics::spearman, paperNote);

        md.append("## Fig. 4: final distance against final XRD similarity\n\n");
        md.append("![Fig. 4: distance against similarity](figures/fig4_distance_similarity.png)\n\n");
        md.append("One panel per loss (columns) and condition and projector (rows); one colour per noise level.\n\n");

        StructureMatchRates.markdown(md, study, records);
        UphillRuns.markdown(md, study, records);
        cost(md, study, records);

        md.append("## The paper's numbers\n\n");
        if (paper.isEmpty()) {
            md.append("The paper's columns are empty: `").append(paper.source())
                    .append("` holds none of the paper's numbers yet (see its comment). Its source:\n\n");
        } else {
            md.append(paper.size()).append(" numbers from `").append(paper.source()).append("`:\n\n");
        }
        for (String line : paper.comments()) {
            md.append("> ").append(line).append('\n');
        }
        md.append('\n');
        return md.toString();
    }

    /**
     * What the refinements cost: optimizer steps (the same on every machine) and the runs' wall times on their
     * threads (machine-dependent, and longer when other work shares the cores), in all and per loss.
     */
    private static void cost(StringBuilder md, StudyDescription study, List<RunRecord> records) {
        md.append("## Cost of the refinements\n\n");
        if (records.isEmpty()) {
            md.append("No runs recorded yet.\n\n");
            return;
        }
        int[] steps = records.stream().mapToInt(RunRecord::steps).sorted().toArray();
        long total = Arrays.stream(steps).asLongStream().sum();
        double seconds = records.stream().mapToDouble(RunRecord::seconds).sum();
        long atLimit = records.stream().filter(r -> r.status() == RunStatus.MAX_STEPS).count();
        md.append(String.format(Locale.ROOT, "- Optimizer steps: %d in all; per run median %d, mean %.0f; %d run(s)"
                + " stopped at the step limit.%n", total, steps[steps.length / 2], (double) total / steps.length,
                atLimit));
        md.append(String.format(Locale.ROOT, "- Refinement time: %.0f s, the sum of the runs' wall times on their "
                + "threads (it depends on the machine and on what else ran); %.3f ms per step.%n%n", seconds,
                1000 * seconds / Math.max(1, total)));
        md.append("| loss | runs | mean steps | ms per step |\n|---|---|---|---|\n");
        for (Labelled loss : study.losses()) {
            List<RunRecord> of = records.stream().filter(r -> r.loss().equals(loss.label())).toList();
            long lossSteps = of.stream().mapToLong(RunRecord::steps).sum();
            double lossSeconds = of.stream().mapToDouble(RunRecord::seconds).sum();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.3f |%n", loss.label(), of.size(),
                    (double) lossSteps / Math.max(1, of.size()), 1000 * lossSeconds / Math.max(1, lossSteps)));
        }
        md.append('\n');
    }

    private static String contribution(Contribution c) {
        return "`" + c.id() + "`" + (c.settings().isEmpty() ? "" : " (" + new TreeMap<>(c.settings()).toString()
                .replaceAll("[{}]", "") + ")");
    }

    /** A condition's heading, e.g. "lattice noise, lattice refined". */
    static String conditionTitle(Condition c) {
        return c.noise().title() + ", " + c.refine().json() + " refined";
    }

    private interface Cell {
        String text(GroupStatistics g);
    }

    /** A markdown table of one condition: rows are levels, columns loss and projector. */
    private static String table(StudyDescription study, Condition c, StudyStatistics statistics, Cell cell) {
        StringBuilder t = new StringBuilder("| σ |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Labelled loss : study.losses()) {
            for (Labelled projector : c.projectors()) {
                t.append(' ').append(loss.label()).append(", ").append(projector.label()).append(" |");
                rule.append("---|");
            }
        }
        t.append('\n').append(rule).append('\n');
        for (double level : c.levels()) {
            t.append("| ").append(RunSpec.levelText(level)).append(" |");
            for (Labelled loss : study.losses()) {
                for (Labelled projector : c.projectors()) {
                    GroupStatistics g = statistics.get(new GroupKey(c.noise(), level, c.refine(), loss.label(),
                            projector.label()));
                    t.append(' ').append(g == null ? "no runs" : cell.text(g)).append(" |");
                }
            }
            t.append('\n');
        }
        return t.append('\n').toString();
    }

    private static void tableSection(StringBuilder md, String title, StudyDescription study,
            StudyStatistics statistics, PaperTables paper, String table, ToDoubleFunction<GroupStatistics> ours,
            String paperNote) {
        md.append("## ").append(title).append("\n\n");
        if (!paperNote.isEmpty()) {
            md.append(paperNote.strip()).append("\n\n");
        }
        for (Condition c : study.conditions()) {
            md.append("### ").append(conditionTitle(c)).append("\n\n");
            md.append(table(study, c, statistics, g -> {
                String value = number(ours.applyAsDouble(g));
                if (paper.isEmpty()) {
                    return value;
                }
                return value + " (" + number(paper.value(table, g.key())) + ")";
            }));
        }
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }

    /**
     * The study's two findings on these results: does the projector raise the match rate at every level and
     * loss, and do mutual information and |ρ| fall from the lowest to the highest level?
     */
    private static void findings(StringBuilder md, StudyDescription study, StudyStatistics statistics) {
        boolean any = false;
        for (Condition c : study.conditions()) {
            Labelled none = c.projectors().stream().filter(p -> p.id().equals(Condition.NO_PROJECTOR)).findFirst()
                    .orElse(null);
            for (Labelled projector : c.projectors()) {
                if (none == null || projector == none) {
                    continue;
                }
                int higher = 0;
                int apart = 0;
                int pairs = 0;
                List<String> notHigher = new ArrayList<>();
                for (double level : c.levels()) {
                    for (Labelled loss : study.losses()) {
                        GroupStatistics with = statistics.get(new GroupKey(c.noise(), level, c.refine(), loss.label(),
                                projector.label()));
                        GroupStatistics without = statistics.get(new GroupKey(c.noise(), level, c.refine(),
                                loss.label(), none.label()));
                        if (with == null || without == null) {
                            continue;
                        }
                        pairs++;
                        if (with.rate().rate() > without.rate().rate()) {
                            higher++;
                            if (with.rate().lower() > without.rate().upper()) {
                                apart++;
                            }
                        } else {
                            notHigher.add(loss.label() + " at σ = " + RunSpec.levelText(level));
                        }
                    }
                }
                if (pairs > 0) {
                    any = true;
                    md.append(String.format(Locale.ROOT, "- **%s against unconstrained** (%s): higher match rate at"
                            + " %d of %d (level, loss) pairs; the 95%% intervals do not overlap at %d of them.%s%n",
                            projector.label(), conditionTitle(c), higher, pairs, apart,
                            notHigher.isEmpty() ? " It beats unconstrained everywhere."
                                    : " Not higher: " + String.join("; ", notHigher) + "."));
                }
            }
        }
        for (Condition c : study.conditions()) {
            if (c.levels().size() < 2) {
                continue;
            }
            double first = c.levels().get(0);
            double last = c.levels().get(c.levels().size() - 1);
            List<String> parts = new ArrayList<>();
            int falling = 0;
            int compared = 0;
            for (Labelled loss : study.losses()) {
                for (Labelled projector : c.projectors()) {
                    GroupStatistics a = statistics.get(new GroupKey(c.noise(), first, c.refine(), loss.label(),
                            projector.label()));
                    GroupStatistics b = statistics.get(new GroupKey(c.noise(), last, c.refine(), loss.label(),
                            projector.label()));
                    if (a == null || b == null || !Double.isFinite(a.mutualInformation())
                            || !Double.isFinite(b.mutualInformation())) {
                        continue;
                    }
                    compared++;
                    if (b.mutualInformation() < a.mutualInformation()) {
                        falling++;
                    }
                    parts.add(String.format(Locale.ROOT, "%s/%s %s -> %s", loss.label(), projector.label(),
                            number(a.mutualInformation()), number(b.mutualInformation())));
                }
            }
            if (compared > 0) {
                any = true;
                md.append(String.format(Locale.ROOT, "- **Decorrelation with noise** (%s): mutual information falls "
                        + "from σ = %s to σ = %s for %d of %d (loss, projector): %s.%n", conditionTitle(c),
                        RunSpec.levelText(first), RunSpec.levelText(last), falling, compared,
                        String.join(", ", parts)));
            }
        }
        if (!any) {
            md.append("- Not enough runs to compare conditions.\n");
        }
        md.append('\n');
    }
}
