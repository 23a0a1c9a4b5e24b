package org.pxrd.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.pxrd.matching.Comparison;
import org.pxrd.matching.CrystalMatcher;
import org.pxrd.model.Structure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd match A B}: whether two structures are the same crystal (pymatgen's StructureMatcher algorithm with
 * the study's tolerances by default), printed as one JSON line with the verdict, rms and max distance and every
 * tolerance used. {@code pxrd match --pairs PAIRS.csv --out VERDICTS.csv}: every pair of a list, on all cores in
 * one JVM, written as {@code pair_id,match,rms,max_dist} in the list's order (rms and max_dist empty without a
 * match); a summary with the tolerances goes to stdout as JSON.
 */
@Command(name = "match", sortOptions = false,
        description = {"Decide whether two crystal structures are the same.",
            "StructureMatcher (ltol 0.1, stol 0.2, angle_tol 5 by default), printed as JSON; or match every pair of "
                + "a CSV list (pair_id,file_A,file_B) into a verdicts CSV."})
final class MatchCommand implements Callable<Integer> {

    @Parameters(arity = "0..2", paramLabel = "FILE", description = "The two structure files (CIF, ...).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--pairs", paramLabel = "PAIRS.csv",
            description = "CSV with columns pair_id,file_A,file_B (paths relative to the CSV).")
    Path pairs;

    @Option(names = "--out", paramLabel = "VERDICTS.csv", description = "Where --pairs writes pair_id,match,rms,max_dist.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for --pairs (default: all cores).")
    Integer threads;

    @Mixin
    MatcherChoice choice = new MatcherChoice();

    private final CliContext context;

    MatchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (pairs != null) {
            if (!files.isEmpty()) {
                throw new CliException("give either two structure files or --pairs, not both");
            }
            if (out == null) {
                throw new CliException("--pairs needs --out VERDICTS.csv");
            }
            return batch();
        }
        if (out != null) {
            throw new CliException("--out is only used with --pairs");
        }
        if (files.size() != 2) {
            throw new CliException("expected two structure files (or --pairs PAIRS.csv --out VERDICTS.csv), got "
                    + files.size());
        }
        CrystalMatcher matcher = choice.create(context);
        Structure a = context.readStructure(files.get(0));
        Structure b = context.readStructure(files.get(1));
        Comparison c = compare(matcher, a, b, files.get(0) + " and " + files.get(1));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("match", c.match());
        if (c.metric().equals("rms")) {
            json.putAll(c.details());
        } else {
            json.put("distance", c.distance());
            json.put("metric", c.metric());
            json.putAll(c.details());
        }
        json.putAll(c.settings());
        json.put("matcher", choice.id(context));
        json.put("a", files.get(0).toString());
        json.put("b", files.get(1).toString());
        context.printJson(json);
        return 0;
    }

    private int batch() {
        PairList list = PairList.read(pairs);
        CrystalMatcher matcher = choice.create(context);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new CliException("--threads must be at least 1, got " + n);
        }
        long start = System.nanoTime();
        Map<Path, Structure> structures = new ConcurrentHashMap<>();
        List<Comparison> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Comparison>> futures = new ArrayList<>();
            for (PairList.Pair p : list.pairs()) {
                futures.add(pool.submit(() -> {
                    String where = list.file() + " line " + p.line() + " (" + p.id() + "): ";
                    Structure a = read(structures, p.fileA(), where);
                    Structure b = read(structures, p.fileB(), where);
                    return compare(matcher, a, b, where + p.fileA() + " and " + p.fileB());
                }));
            }
            for (Future<Comparison> f : futures) {
                results.add(f.get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof CliException c ? c : new CliException(String.valueOf(e.getCause()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        } finally {
            pool.shutdownNow();
        }
        writeVerdicts(list, results);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("pairs", results.size());
        summary.put("matched", results.stream().filter(Comparison::match).count());
        summary.put("out", out.toString());
        summary.put("threads", n);
        summary.put("seconds", (System.nanoTime() - start) / 1e9);
        summary.put("matcher", choice.id(context));
        summary.putAll(results.get(0).settings());
        context.printJson(summary);
        return 0;
    }

    private Structure read(Map<Path, Structure> cache, Path file, String where) {
        Structure s = cache.get(file);
        if (s == null) {
            try {
                s = context.readStructure(file);
            } catch (CliException e) {
                throw new CliException(where + e.getMessage(), e);
            }
            cache.put(file, s);
        }
        return s;
    }

    private static Comparison compare(CrystalMatcher matcher, Structure a, Structure b, String what) {
        try {
            return matcher.compare(a, b);
        } catch (RuntimeException e) {
            throw new CliException("cannot compare " + what + ": " + e.getMessage(), e);
        }
    }

    /** Writes the verdicts through a temporary file, so a failed run never leaves a partial file. */
    private void writeVerdicts(PairList list, List<Comparison> results) {
        boolean rms = results.get(0).metric().equals("rms");
        StringBuilder sb = new StringBuilder(rms ? "pair_id,match,rms,max_dist\n" : "pair_id,match,distance\n");
        for (int i = 0; i < results.size(); i++) {
            Comparison c = results.get(i);
            sb.append(list.pairs().get(i).id()).append(',').append(c.match() ? "True" : "False");
            if (rms) {
                sb.append(',').append(c.match() ? number(c.distance()) : "").append(',')
                        .append(c.match() ? number(((Number) c.details().get("max_dist")).doubleValue()) : "");
            } else {
                sb.append(',').append(number(c.distance()));
            }
            sb.append('\n');
        }
        try {
            Path target = out.toAbsolutePath();
            Path tmp = Files.createTempFile(target.getParent(), ".pxrd-", ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException(out + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static String number(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%s", x);
    }
}
