package org.pxrd.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pxrd.study.report.StudyReport;
import org.pxrd.study.run.StudyRunException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd study report DIR}: (re)writes {@code DIR/report.md}, {@code DIR/tables/*.csv} and
 * {@code DIR/figures/*.png} from the results in a study folder, and prints a JSON summary.
 */
@Command(name = "report", sortOptions = false, description = {
    "Write the report of a study folder.",
    "DIR/report.md with Fig. 1 (match rates), Table 1 (mutual information), Tables S1/S2 (Pearson, Spearman) "
        + "and Fig. 4 from the results in the folder; also CSV tables and PNG figures."})
final class StudyReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A study folder (from pxrd study or pxrd study merge).")
    Path dir;

    private final CliContext context;

    StudyReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StudyReport.Written written;
        try {
            written = StudyReport.writeHeadless(dir);
        } catch (StudyRunException e) {
            throw new CliException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException("cannot write the report in " + dir + ": " + e.getMessage(), e);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("report", written.report().toString());
        json.put("records", written.records());
        json.put("conditions", written.statistics().groups().size());
        json.put("files", written.files().stream().map(Path::toString).toList());
        context.printJson(json);
        return 0;
    }
}
