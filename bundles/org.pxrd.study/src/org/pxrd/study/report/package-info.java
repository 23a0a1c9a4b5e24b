/**
 * The report of a study from its results: per-condition statistics
 * ({@link org.pxrd.study.report.StudyStatistics}), the paper's numbers to compare with
 * ({@link org.pxrd.study.report.PaperTables}), the figures ({@link org.pxrd.study.report.StudyFigures}, PNG
 * through JFreeChart, headless) and {@code report.md} with CSV tables ({@link org.pxrd.study.report.StudyReport}).
 */
package org.pxrd.study.report;
