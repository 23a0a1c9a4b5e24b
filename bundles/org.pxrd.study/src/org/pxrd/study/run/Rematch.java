package org.pxrd.study.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.pxrd.matching.Comparison;
import org.pxrd.matching.CrystalMatcher;
import org.pxrd.model.Structure;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.study.protocol.StructureSets.StructureFile;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyDescription.Contribution;

/**
 * Judges the recorded runs of a study folder again with another matcher, without refining anything: how much of a
 * match rate is the matcher's settings? (E.g. pymatgen's StructureMatcher reduces both structures to primitive
 * cells first; when a refined structure of a centred cell is off by a few tenths of an Å, the reduction no longer
 * finds the centring, the two primitive cells have different numbers of sites and the verdict is "no match",
 * however close the sites are; with {@code attempt_supercell} it compares them.)
 *
 * <p>Steps: the input folder's description, manifest and records are read and every ground truth once; each run
 * that did not fail gets its refined structure back ({@link RunRecord#finalStructure}) and the new matcher's verdict
 * on it against its truth (match, and rms for a match); everything else of the record stays (failed runs as they
 * are). The output folder holds the description with the new matcher (so its fingerprint differs from the input's,
 * and running that description with {@code --resume} there would refine only missing runs), the input's shard and
 * the new records in plan order. The input folder is only read.
 */
public final class Rematch {

    /**
     * What a rematch did.
     *
     * @param records the runs recorded in the input
     * @param judged the runs judged again (all but the failed ones)
     * @param matchesBefore matches by the study's matcher
     * @param matchesAfter matches by the new matcher
     * @param gained runs the new matcher matches and the old one did not
     * @param lost runs the old matcher matched and the new one does not
     */
    public record Result(int records, int judged, int matchesBefore, int matchesAfter, int gained, int lost) {
    }

    private Rematch() {
    }

    /**
     * Writes {@code out}: the study folder {@code in} with every verdict given by {@code matcher}.
     *
     * @param matcherSpec the matcher's contribution (id and settings), recorded in the output's description
     * @param matcher the matcher itself
     * @param loader reads a ground-truth structure file (its first structure); throws a runtime exception with a
     *        one-line message for a bad file
     * @param threads worker threads (at least 1)
     * @throws StudyRunException when {@code in} is not a study folder, a truth cannot be read or does not fit its
     *         records, the matcher fails, or {@code out} is {@code in} or already holds a study
     */
    public static Result rematch(Path in, Path out, Contribution matcherSpec, CrystalMatcher matcher,
            Function<Path, Structure> loader, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a rematch needs at least 1 thread, got " + threads);
        }
        StudyDescription study = StudyFolder.readStudy(in);
        StudyFolder.Manifest manifest = StudyFolder.readManifest(in);
        List<RunRecord> records = new ArrayList<>(ResultsFile.read(in.resolve(ResultsFile.NAME)));
        records.sort(Comparator.comparingInt(RunRecord::index));
        if (Files.exists(out) && sameFolder(in, out)) {
            throw new StudyRunException(out + " is the study being judged again: rematch into a new folder");
        }
        if (Files.exists(out.resolve(ResultsFile.NAME)) || Files.exists(out.resolve(StudyFolder.MANIFEST))) {
            throw new StudyRunException(out + " already holds a study: rematch into a new folder");
        }
        String provenance = "Verdicts judged again by " + matcherSpec.id() + " "
                + new TreeMap<>(matcherSpec.settings()) + " (pxrd study rematch of " + in.getFileName() + ").";
        StudyDescription rematched = study.withMatcher(matcherSpec, study.note().isBlank() ? provenance
                : study.note() + " " + provenance);
        StudyPlan plan = StudyPlan.expand(rematched);
        Map<String, Structure> truths = truths(plan, records, loader);
        List<RunRecord> judged = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<RunRecord>> verdicts = new ArrayList<>();
            for (RunRecord r : records) {
                verdicts.add(pool.submit(() -> judge(r, truths.get(r.structure()), matcher)));
            }
            for (Future<RunRecord> verdict : verdicts) {
                judged.add(verdict.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StudyRunException("the rematch was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof StudyRunException s ? s : new StudyRunException(String.valueOf(cause), cause);
        } finally {
            pool.shutdownNow();
        }
        StudyFolder.prepare(out, plan, manifest.shard(), false);
        try (ResultsFile results = ResultsFile.open(out.resolve(ResultsFile.NAME))) {
            results.appendAll(judged);
        }
        int before = 0;
        int after = 0;
        int gained = 0;
        int lost = 0;
        int rejudged = 0;
        for (int i = 0; i < records.size(); i++) {
            boolean was = records.get(i).match();
            boolean is = judged.get(i).match();
            before += was ? 1 : 0;
            after += is ? 1 : 0;
            gained += is && !was ? 1 : 0;
            lost += was && !is ? 1 : 0;
            rejudged += records.get(i).status() == RunStatus.FAILED ? 0 : 1;
        }
        return new Result(records.size(), rejudged, before, after, gained, lost);
    }

    private static RunRecord judge(RunRecord r, Structure truth, CrystalMatcher matcher) {
        if (r.status() == RunStatus.FAILED) {
            return r;
        }
        Structure refined;
        try {
            refined = r.finalStructure(truth);
        } catch (IllegalArgumentException e) {
            throw new StudyRunException(e.getMessage(), e);
        }
        Comparison verdict;
        try {
            verdict = matcher.compare(refined, truth);
        } catch (RuntimeException e) {
            throw new StudyRunException("run " + r.id() + ": the matcher failed: " + e, e);
        }
        return r.withVerdict(verdict.match(), verdict.match() ? verdict.distance() : Double.NaN);
    }

    /** The ground truths of the recorded runs, each read once. */
    private static Map<String, Structure> truths(StudyPlan plan, List<RunRecord> records,
            Function<Path, Structure> loader) {
        Map<String, Path> files = new HashMap<>();
        for (StructureFile f : plan.structures()) {
            files.put(f.key(), f.path());
        }
        Map<String, Structure> truths = new HashMap<>();
        for (RunRecord r : records) {
            if (truths.containsKey(r.structure())) {
                continue;
            }
            Path file = files.get(r.structure());
            if (file == null) {
                throw new StudyRunException("the study's structures have no " + r.structure() + " any more: its "
                        + "runs cannot be judged again");
            }
            truths.put(r.structure(), StudyRunner.readTruth(loader, file));
        }
        return truths;
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
