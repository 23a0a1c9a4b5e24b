package org.pxrd.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.pxrd.matching.CrystalMatcher;
import org.pxrd.model.Structure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pxrd bench match --pairs PAIRS.csv}: the speed of a matcher on a list of pairs, structures read once
 * beforehand. After {@code --warmup} passes over all pairs (JIT compilation), every pair is matched
 * {@code --repeats} times on one thread; the per-pair time is the median of its repeats, and the report gives the
 * median, 90th percentile and maximum over pairs, with the whole batch's wall time on one thread and on all cores
 * (medians over the repeats). Prints one JSON line.
 */
@Command(name = "match", sortOptions = false,
        description = {"Measure the matching speed on a pair list.",
            "Prints the per-pair median (ms) and the whole-batch time (s)."})
final class BenchMatchCommand implements Callable<Integer> {

    @Option(names = "--pairs", required = true, paramLabel = "PAIRS.csv",
            description = "CSV with columns pair_id,file_A,file_B (paths relative to the CSV).")
    java.nio.file.Path pairs;

    @Option(names = "--warmup", defaultValue = "2", paramLabel = "N", description = "Warm-up passes (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--repeats", defaultValue = "5", paramLabel = "N", description = "Timed repeats (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Mixin
    MatcherChoice choice = new MatcherChoice();

    private final CliContext context;

    BenchMatchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (warmup < 0 || repeats < 1) {
            throw new CliException("--warmup must be >= 0 and --repeats >= 1");
        }
        PairList list = PairList.read(pairs);
        CrystalMatcher matcher = choice.create(context);
        Map<java.nio.file.Path, Structure> cache = new LinkedHashMap<>();
        List<Structure[]> structures = new ArrayList<>();
        for (PairList.Pair p : list.pairs()) {
            structures.add(new Structure[] {cache.computeIfAbsent(p.fileA(), context::readStructure),
                cache.computeIfAbsent(p.fileB(), context::readStructure)});
        }
        int n = structures.size();
        for (int w = 0; w < warmup; w++) {
            for (Structure[] s : structures) {
                matcher.compare(s[0], s[1]);
            }
        }
        double[][] perPair = new double[n][repeats];
        double[] single = new double[repeats];
        double[] parallel = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long batchStart = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                matcher.compare(structures.get(i)[0], structures.get(i)[1]);
                perPair[i][r] = (System.nanoTime() - t0) / 1e6;
            }
            single[r] = (System.nanoTime() - batchStart) / 1e9;
            long parallelStart = System.nanoTime();
            IntStream.range(0, n).parallel().forEach(i -> matcher.compare(structures.get(i)[0], structures.get(i)[1]));
            parallel[r] = (System.nanoTime() - parallelStart) / 1e9;
        }
        double[] medians = new double[n];
        for (int i = 0; i < n; i++) {
            medians[i] = median(perPair[i]);
        }
        Arrays.sort(medians);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pairs", n);
        json.put("median_ms_per_pair", median(medians));
        json.put("p90_ms_per_pair", medians[(int) Math.min(n - 1, Math.floor(0.9 * n))]);
        json.put("max_ms_per_pair", medians[n - 1]);
        json.put("batch_seconds_one_thread", median(single));
        json.put("batch_seconds_all_cores", median(parallel));
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("warmup", warmup);
        json.put("repeats", repeats);
        json.put("matcher", choice.id(context));
        json.putAll(matcher.settings());
        context.printJson(json);
        return 0;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
