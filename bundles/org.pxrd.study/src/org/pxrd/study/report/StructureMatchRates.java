package org.pxrd.study.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyDescription.Condition;
import org.pxrd.study.protocol.StudyDescription.Labelled;
import org.pxrd.study.run.RunRecord;
import org.pxrd.study.run.RunSpec;
import org.pxrd.study.run.RunSpec.GroupKey;
import org.pxrd.study.stats.MatchRate;

/**
 * Match rates per structure: which structures a study's refinements recover and which they do not (the pooled
 * rates of Fig. 1 hide that, e.g. a low-symmetry structure that fails at every level). The report's table pools
 * the losses: one cell per structure, noise level and projector (the study: 4 losses × 50 distortions = 200 runs);
 * {@code tables/match_by_structure.csv} keeps every condition apart, with the 95% Jeffreys interval. Failed runs
 * count as runs that did not match, as everywhere in the report.
 */
public final class StructureMatchRates {

    private StructureMatchRates() {
    }

    /**
     * The match rate of each structure among some runs (e.g. one condition's), with its 95% Jeffreys interval;
     * structures in plan order.
     */
    public static Map<String, MatchRate> byStructure(List<RunRecord> runs) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        runs.stream().sorted(Comparator.comparingInt(RunRecord::index)).forEach(r -> {
            int[] c = counts.computeIfAbsent(r.structure(), s -> new int[2]);
            c[0] += r.match() ? 1 : 0;
            c[1]++;
        });
        Map<String, MatchRate> rates = new LinkedHashMap<>();
        counts.forEach((structure, c) -> rates.put(structure, MatchRate.jeffreys(c[0], c[1])));
        return rates;
    }

    /** One line per structure and condition with runs: structure, condition, runs, matches, rate and interval. */
    static String csv(StudyDescription study, List<RunRecord> records) {
        Map<GroupKey, Map<String, MatchRate>> rates = ratesBy(records, RunRecord::group);
        StringBuilder b = new StringBuilder("structure,noise,level,refine,loss,projector,runs,matches,match_rate,"
                + "ci_low,ci_high\n");
        for (String structure : byStructure(records).keySet()) {
            for (GroupKey k : StudyStatistics.groupsOf(study)) {
                MatchRate rate = rates.getOrDefault(k, Map.of()).get(structure);
                if (rate != null) {
                    b.append(String.join(",", structure, k.noise().json(), RunSpec.levelText(k.level()),
                            k.refine().json(), k.loss(), k.projector(), String.valueOf(rate.runs()),
                            String.valueOf(rate.matches()), Double.toString(rate.rate()),
                            Double.toString(rate.lower()), Double.toString(rate.upper()))).append('\n');
                }
            }
        }
        return b.toString();
    }

    /**
     * The report's section: per condition, a table with a row per structure and a column per level and projector;
     * a cell is the match rate over all losses with matches/runs.
     */
    static void markdown(StringBuilder md, StudyDescription study, List<RunRecord> records) {
        md.append("## Match rate per structure\n\n");
        md.append("All losses together; cells: match rate (matched/runs). Per loss, with 95% intervals: "
                + "`tables/match_by_structure.csv`.\n\n");
        Map<GroupKey, Map<String, MatchRate>> rates = ratesBy(records, r -> anyLoss(r.group()));
        Set<String> structures = byStructure(records).keySet();
        for (Condition c : study.conditions()) {
            md.append("### ").append(StudyReport.conditionTitle(c)).append("\n\n");
            StringBuilder header = new StringBuilder("| structure |");
            StringBuilder rule = new StringBuilder("|---|");
            for (double level : c.levels()) {
                for (Labelled projector : c.projectors()) {
                    header.append(" σ = ").append(RunSpec.levelText(level)).append(", ").append(projector.label())
                            .append(" |");
                    rule.append("---|");
                }
            }
            md.append(header).append('\n').append(rule).append('\n');
            for (String structure : structures) {
                md.append("| ").append(structure).append(" |");
                for (double level : c.levels()) {
                    for (Labelled projector : c.projectors()) {
                        GroupKey cell = new GroupKey(c.noise(), level, c.refine(), "", projector.label());
                        MatchRate r = rates.getOrDefault(cell, Map.of()).get(structure);
                        md.append(r == null ? " no runs |" : String.format(Locale.ROOT, " %.2f (%d/%d) |", r.rate(),
                                r.matches(), r.runs()));
                    }
                }
                md.append('\n');
            }
            md.append('\n');
        }
    }

    /** The records grouped by a key, each group's rates by structure. */
    private static Map<GroupKey, Map<String, MatchRate>> ratesBy(List<RunRecord> records,
            Function<RunRecord, GroupKey> key) {
        Map<GroupKey, List<RunRecord>> groups = new LinkedHashMap<>();
        for (RunRecord r : records) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        Map<GroupKey, Map<String, MatchRate>> rates = new LinkedHashMap<>();
        groups.forEach((k, runs) -> rates.put(k, byStructure(runs)));
        return rates;
    }

    /** A condition with its loss left out: the cells of the report's table pool the losses. */
    private static GroupKey anyLoss(GroupKey k) {
        return new GroupKey(k.noise(), k.level(), k.refine(), "", k.projector());
    }
}
