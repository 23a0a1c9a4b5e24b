package org.pxrd.ui.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.pxrd.io.FileFormatException;
import org.pxrd.io.StructureFiles;
import org.pxrd.model.Structure;
import org.pxrd.study.protocol.StructureSets;
import org.pxrd.study.protocol.StructureSets.StructureFile;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyFormatException;
import org.pxrd.study.report.StudyStatistics;
import org.pxrd.study.run.ResultsFile;
import org.pxrd.study.run.RunRecord;
import org.pxrd.study.run.StudyFolder;
import org.pxrd.study.run.StudyRunException;

/**
 * A study folder as the study view shows it (what {@code pxrd study --out DIR} writes): the description
 * ({@code study.json}), the runs recorded so far ({@code results.jsonl}; a half-written last line of a running
 * study is skipped) and their statistics per condition ({@link StudyStatistics}: match rate k/n with its 95%
 * Jeffreys interval, failures, mean steps, mutual information and correlations of distance and similarity).
 *
 * @param folder the study folder
 * @param study its description
 * @param records the recorded runs, in file order
 * @param statistics the statistics of every condition with runs, in the description's order
 * @param plannedRuns the runs the folder's manifest plans (its shard's), or -1 when it has no readable manifest
 * @param resultsBytes the size of the results file when it was read (bytes; 0 when there is none)
 */
public record StudyResults(Path folder, StudyDescription study, List<RunRecord> records,
        StudyStatistics statistics, int plannedRuns, long resultsBytes) {

    public StudyResults {
        Objects.requireNonNull(folder, "folder");
        records = List.copyOf(records);
    }

    /**
     * Reads a study folder.
     *
     * @throws StudyRunException with one line naming the folder or file and the problem (not a study folder, a
     *         damaged description or record)
     */
    public static StudyResults read(Path folder) {
        StudyDescription study = StudyFolder.readStudy(folder);
        long bytes = resultsBytes(folder);
        List<RunRecord> records = ResultsFile.read(folder.resolve(ResultsFile.NAME));
        int planned;
        try {
            planned = StudyFolder.readManifest(folder).shardRuns();
        } catch (StudyRunException e) {
            planned = -1;
        }
        return new StudyResults(folder, study, records, StudyStatistics.compute(study, records), planned, bytes);
    }

    /** The size of a folder's results file in bytes (0 when it does not exist or cannot be read). */
    public static long resultsBytes(Path folder) {
        try {
            Path file = folder.resolve(ResultsFile.NAME);
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The recorded runs of one condition, in file order. */
    public List<RunRecord> runs(org.pxrd.study.run.RunSpec.GroupKey condition) {
        return records.stream().filter(r -> r.group().equals(condition)).toList();
    }

    /**
     * The refined structure of a run ({@link RunRecord#finalStructure}) on its ground truth, the first structure
     * of the truth's file as the study read it.
     *
     * @throws IllegalArgumentException with one line when the truth's file is gone, unreadable, or does not
     *         have the recorded number of sites
     */
    public Structure refinedStructure(RunRecord run, StructureFiles files) {
        Path truthFile = null;
        try {
            for (StructureFile f : StructureSets.files(study.structures())) {
                if (f.key().equals(run.structure())) {
                    truthFile = f.path();
                }
            }
        } catch (StudyFormatException e) {
            throw new IllegalArgumentException("the study's structures cannot be found: " + e.getMessage(), e);
        }
        if (truthFile == null) {
            throw new IllegalArgumentException("the study's structures have no " + run.structure()
                    + " any more: the refined structure of run " + run.id() + " cannot be rebuilt");
        }
        Structure truth;
        try {
            truth = files.readFirst(truthFile);
        } catch (FileFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return run.finalStructure(truth).withName(run.structure() + " refined (run " + run.id() + ")");
    }
}
