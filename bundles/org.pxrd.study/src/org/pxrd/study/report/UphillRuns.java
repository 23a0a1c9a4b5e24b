package org.pxrd.study.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyDescription.Condition;
import org.pxrd.study.protocol.StudyDescription.Labelled;
import org.pxrd.study.run.RunRecord;
import org.pxrd.study.run.RunSpec;
import org.pxrd.study.run.RunSpec.GroupKey;

/**
 * Unconstrained runs that ended uphill: gradient descent at a fixed learning rate lowers the loss as long as its
 * steps are short for the loss's curvature; steps too long overshoot, and the iterates can leave the start's basin
 * and wander (the loss then oscillates until the stop rule happens to see two equal values a window apart). A run
 * refined without a projector whose final loss exceeds its start loss by more than the stop tolerance has done
 * that, so its failure to match says more about the learning rate for that loss and structure than about the
 * landscape. Runs with a projector are not counted: projecting the distorted start onto the crystal family can
 * raise the loss by itself, and the records hold the loss of the start before that projection.
 */
final class UphillRuns {

    /** How many (structure, loss, noise) cells the report names. */
    static final int NAMED_CELLS = 5;

    private UphillRuns() {
    }

    /**
     * The report's section: per condition with unconstrained runs, a table of levels × losses whose cells are
     * "uphill/runs (not matched among the uphill)", then the cells of structure, loss and noise with the most uphill
     * runs.
     */
    static void markdown(StringBuilder md, StudyDescription study, List<RunRecord> records) {
        double tolerance = study.stop().tolerance();
        md.append("## Unconstrained runs that ended uphill\n\n");
        md.append(String.format(Locale.ROOT, "A run refined without a projector whose final loss exceeds its start "
                + "loss by more than the stop tolerance (%s) took steps too long for that loss and structure at the "
                + "study's learning rates (gradient descent overshooting, the loss oscillating): when it does not "
                + "match, that says more about the learning rate than about the landscape. Runs with a projector "
                + "are left out (projecting the start can raise the loss by itself). Cells: uphill runs/runs (of "
                + "the uphill, not matched).%n%n",
                RunSpec.levelText(tolerance)));
        Map<GroupKey, int[]> byGroup = new LinkedHashMap<>();
        Map<String, int[]> byCell = new LinkedHashMap<>();
        records.stream().sorted(Comparator.comparingInt(RunRecord::index)).forEach(r -> {
            if (!r.projectorId().equals(Condition.NO_PROJECTOR)) {
                return;
            }
            boolean up = r.lossFinal() > r.lossStart() + tolerance;
            int[] g = byGroup.computeIfAbsent(r.group(), k -> new int[3]);
            g[0] += up ? 1 : 0;
            g[1] += up && !r.match() ? 1 : 0;
            g[2]++;
            int[] c = byCell.computeIfAbsent(r.structure() + ", " + r.loss() + ", " + r.noise().title(),
                    k -> new int[2]);
            c[0] += up ? 1 : 0;
            c[1]++;
        });
        for (Condition c : study.conditions()) {
            Labelled none = c.projectors().stream().filter(p -> p.id().equals(Condition.NO_PROJECTOR)).findFirst()
                    .orElse(null);
            if (none == null) {
                continue;
            }
            md.append("### ").append(StudyReport.conditionTitle(c)).append("\n\n| σ |");
            StringBuilder rule = new StringBuilder("|---|");
            for (Labelled loss : study.losses()) {
                md.append(' ').append(loss.label()).append(" |");
                rule.append("---|");
            }
            md.append('\n').append(rule).append('\n');
            for (double level : c.levels()) {
                md.append("| ").append(RunSpec.levelText(level)).append(" |");
                for (Labelled loss : study.losses()) {
                    int[] g = byGroup.get(new GroupKey(c.noise(), level, c.refine(), loss.label(), none.label()));
                    md.append(g == null ? " no runs |" : String.format(Locale.ROOT, " %d/%d (%d) |", g[0], g[2],
                            g[1]));
                }
                md.append('\n');
            }
            md.append('\n');
        }
        List<Map.Entry<String, int[]>> worst = new ArrayList<>(byCell.entrySet().stream()
                .filter(e -> e.getValue()[0] > 0).toList());
        if (worst.isEmpty()) {
            md.append("No unconstrained run ended uphill.\n\n");
            return;
        }
        worst.sort(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[0]));
        md.append("Most uphill runs (structure, loss, noise; all levels): ");
        List<String> named = new ArrayList<>();
        for (Map.Entry<String, int[]> e : worst.subList(0, Math.min(NAMED_CELLS, worst.size()))) {
            named.add(String.format(Locale.ROOT, "%s: %d of %d", e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        md.append(String.join("; ", named)).append(".\n\n");
    }
}
