package org.pxrd.study.report;

import java.nio.file.Path;

/**
 * Writes a synthetic study folder and its report in a child JVM (see {@link StudyReportTest}): the report on a
 * plain class path, with no display and no headless setting.
 */
public final class ReportProbe {

    private ReportProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        SyntheticResults.write(dir);
        StudyReport.Written written = StudyReport.write(dir);
        System.out.println("headless=" + System.getProperty("java.awt.headless") + " records=" + written.records());
    }
}
