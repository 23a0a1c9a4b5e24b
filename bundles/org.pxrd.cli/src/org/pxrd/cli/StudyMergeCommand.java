package org.pxrd.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pxrd.study.run.ShardMerge;
import org.pxrd.study.run.StudyRunException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd study merge SHARD_DIR... --out DIR}: merges the folders of shards of one study into a study
 * folder, writes its report and prints a JSON summary. Runs that no shard finished stay missing (the summary
 * counts them; {@code pxrd study ... --out DIR --resume} runs them).
 */
@Command(name = "merge", sortOptions = false, description = {
    "Merge the shard folders of one study into one study folder.",
    "The shards come from pxrd study ... --shard i/n; the merged folder gets its report. Prints a JSON summary; "
        + "runs that no shard finished are counted as missing."})
final class StudyMergeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "Shard folders of one study.")
    List<Path> shards;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The merged study folder (new).")
    Path out;

    private final CliContext context;

    StudyMergeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ShardMerge.Result result;
        try {
            result = ShardMerge.merge(shards, out);
        } catch (StudyRunException e) {
            throw new CliException(e.getMessage(), e);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("out", out.toString());
        json.put("shards", result.shards());
        json.put("runs", result.runs());
        json.put("merged", result.merged());
        json.put("missing", result.missing());
        json.put("report", StudyCommand.report(out).toString());
        context.printJson(json);
        return 0;
    }
}
