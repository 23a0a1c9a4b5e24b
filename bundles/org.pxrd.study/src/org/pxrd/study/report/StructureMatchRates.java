package org.pxrd.study.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
final class StructureMatchRates {

    /** Matches and runs of one structure in one cell. */
    private static final class Count {
        int matches;
        int runs;
    }

    /** A cell of the report's table: a condition without its loss. */
    private record Pooled(String structure, GroupKey lossless) {
    }

    private StructureMatchRates() {
    }

    /** The structures of the records in plan order (the order of the description's structures). */
    static List<String> structures(List<RunRecord> records) {
        Set<String> structures = new LinkedHashSet<>();
        records.stream().sorted(Comparator.comparingInt(RunRecord::index)).forEach(r -> structures.add(r.structure()));
        return new ArrayList<>(structures);
    }

    /** One line per structure and condition with runs: structure, condition, runs, matches, rate and interval. */
    static String csv(StudyDescription study, List<RunRecord> records) {
        Map<String, Map<GroupKey, Count>> counts = new HashMap<>();
        for (RunRecord r : records) {
            add(counts.computeIfAbsent(r.structure(), s -> new HashMap<>()).computeIfAbsent(r.group(), k -> new Count()),
                    r);
        }
        StringBuilder b = new StringBuilder("structure,noise,level,refine,loss,projector,runs,matches,match_rate,"
                + "ci_low,ci_high\n");
        for (String structure : structures(records)) {
            for (GroupKey k : StudyStatistics.groupsOf(study)) {
                Count c = counts.get(structure).get(k);
                if (c != null) {
                    MatchRate rate = MatchRate.jeffreys(c.matches, c.runs);
                    b.append(String.join(",", structure, k.noise().json(), RunSpec.levelText(k.level()),
                            k.refine().json(), k.loss(), k.projector(), String.valueOf(c.runs),
                            String.valueOf(c.matches), Double.toString(rate.rate()), Double.toString(rate.lower()),
                            Double.toString(rate.upper()))).append('\n');
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
        Map<Pooled, Count> counts = new HashMap<>();
        for (RunRecord r : records) {
            add(counts.computeIfAbsent(new Pooled(r.structure(), lossless(r.group())), p -> new Count()), r);
        }
        List<String> structures = structures(records);
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
                        Count n = counts.get(new Pooled(structure,
                                new GroupKey(c.noise(), level, c.refine(), "", projector.label())));
                        md.append(n == null ? " no runs |" : String.format(Locale.ROOT, " %.2f (%d/%d) |",
                                n.matches / (double) n.runs, n.matches, n.runs));
                    }
                }
                md.append('\n');
            }
            md.append('\n');
        }
    }

    private static GroupKey lossless(GroupKey k) {
        return new GroupKey(k.noise(), k.level(), k.refine(), "", k.projector());
    }

    private static void add(Count c, RunRecord r) {
        c.runs++;
        if (r.match()) {
            c.matches++;
        }
    }
}
