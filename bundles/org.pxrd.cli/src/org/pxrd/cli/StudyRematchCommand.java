package org.pxrd.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.matching.CrystalMatcher;
import org.pxrd.matching.Matchers;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyDescription.Contribution;
import org.pxrd.study.run.Rematch;
import org.pxrd.study.run.StudyFolder;
import org.pxrd.study.run.StudyRunException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd study rematch DIR --out NEW_DIR [--matcher ID] [--set KEY=VALUE]... [--threads N]}: judges the
 * recorded runs of a study folder again with another matcher or other matcher settings ({@link Rematch}), writes
 * the new folder's report and prints a JSON summary (matches before and after, runs gained and lost).
 */
@Command(name = "rematch", sortOptions = false, description = {
    "Judge a study's refined structures again with another matcher.",
    "Nothing is refined again: each recorded final structure gets the new verdict against its ground truth, and "
        + "NEW_DIR becomes a study folder with the new matcher in its description and its own report. The matcher "
        + "is the study's with the --set settings changed, or --matcher ID with only the --set settings; e.g. "
        + "--set attempt_supercell=true lets the StructureMatcher compare a refined centred cell whose primitive "
        + "reduction no longer finds the centring."})
final class StudyRematchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A study folder (from pxrd study or pxrd study merge).")
    Path dir;

    @Option(names = "--out", required = true, paramLabel = "NEW_DIR", description = "The new study folder.")
    Path out;

    @Option(names = "--matcher", paramLabel = "ID",
            description = "Matcher contribution (default: the study's, with its settings).")
    String matcher;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting of the matcher (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    private final CliContext context;

    StudyRematchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new CliException("--threads must be at least 1, got " + workers);
        }
        Rematch.Result result;
        Contribution spec;
        try {
            StudyDescription study = StudyFolder.readStudy(dir);
            Matchers matchers = new Matchers(context.extensions());
            Map<String, String> all = new LinkedHashMap<>();
            String id = study.matcher().id();
            if (matcher == null) {
                all.putAll(study.matcher().settings());
            } else {
                id = matchers.get(matcher).id();
            }
            all.putAll(settings);
            spec = new Contribution(id, all);
            CrystalMatcher created = matchers.create(id, all);
            result = Rematch.rematch(dir, out, spec, created, context::readStructure, workers);
        } catch (StudyRunException | ContributionException e) {
            throw new CliException(e.getMessage(), e);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("out", out.toString());
        json.put("matcher", spec.id());
        json.put("settings", new TreeMap<>(spec.settings()));
        json.put("records", result.records());
        json.put("judged", result.judged());
        json.put("matches_before", result.matchesBefore());
        json.put("matches_after", result.matchesAfter());
        json.put("gained", result.gained());
        json.put("lost", result.lost());
        json.put("report", StudyCommand.report(out).toString());
        context.printJson(json);
        return 0;
    }
}
