package org.pxrd.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.testdata.TestData;

/**
 * Every built-in loss against values computed independently with numpy/scipy
 * ({@code scripts/make_loss_references.py}) on the study's profile vectors of the ten paper10 structures: all 45
 * pairs, shifted, rescaled and broadened variants, and (Wasserstein) patterns on different grids. The variants are
 * named as in the script: {@code NAME|shift=K}, {@code NAME|scale=F}, {@code NAME|gauss=W} (stored by the script),
 * {@code NAME|every=K}.
 */
class ReferenceValuesTest {

    /**
     * Both sides are float64 sums over 9000 points in different orders (numpy's pairwise summation, scipy's
     * sorting and cumulative sums, Java's left-to-right loops): they agree to ~1e-13 relative; 1e-10 leaves room
     * and still catches any error in a formula, a weight or a normalisation.
     */
    static final double RELATIVE_TOLERANCE = 1e-10;
    /** For values that are zero up to rounding (e.g. the Wasserstein distance of a pattern to its rescaled copy). */
    static final double ABSOLUTE_TOLERANCE = 1e-12;

    /** Relative differences are reported for reference values above this (below, only the absolute one means much). */
    private static final double REPORTED_RELATIVE_FROM = 1e-9;

    private static final String RESOURCES = "/org/pxrd/losses/reference/";

    private static double[] grid;
    private static final Map<String, double[]> PROFILES = new HashMap<>();

    private record Row(String sim, String target, String loss, Map<String, String> settings, double value) {
    }

    @BeforeAll
    static void readProfiles() throws IOException {
        List<String> lines = Files.readAllLines(TestData.path("paper10/profiles_area_norm.csv"));
        readColumns(lines, name -> name.substring(name.lastIndexOf('/') + 1));
        try (InputStream in = new GZIPInputStream(resource("variants.csv.gz"))) {
            readColumns(new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList(), name -> name);
        }
    }

    private static void readColumns(List<String> lines, java.util.function.UnaryOperator<String> naming) {
        String[] header = lines.get(0).split(",");
        double[][] columns = new double[header.length][lines.size() - 1];
        for (int r = 1; r < lines.size(); r++) {
            String[] fields = lines.get(r).split(",");
            for (int c = 0; c < header.length; c++) {
                columns[c][r - 1] = Double.parseDouble(fields[c]);
            }
        }
        for (int c = 0; c < header.length; c++) {
            if (header[c].equals("two_theta")) {
                if (grid == null) {
                    grid = columns[c];
                } else {
                    assertThat(columns[c]).as("2theta of the stored variants").containsExactly(grid);
                }
            } else {
                PROFILES.put(naming.apply(header[c]), columns[c]);
            }
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ReferenceValuesTest.class.getResourceAsStream(RESOURCES + name);
        assertThat(in).as("test resource " + RESOURCES + name).isNotNull();
        return in;
    }

    private static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource("loss_references.tsv"),
                StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t", -1);
                Map<String, String> settings = new LinkedHashMap<>();
                for (String kv : f[3].isEmpty() ? new String[0] : f[3].split(";")) {
                    settings.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                }
                rows.add(new Row(f[0], f[1], f[2], settings, Double.parseDouble(f[4])));
            }
        }
        return rows;
    }

    /** The 2θ grid and intensities of a variant name, built as the script builds them. */
    private static double[][] pattern(String spec) {
        String[] parts = spec.split("\\|");
        double[] x = grid;
        double[] y = PROFILES.get(parts[0]);
        assertThat(y).as("profile " + parts[0]).isNotNull();
        if (parts.length > 1) {
            String[] mod = parts[1].split("=");
            switch (mod[0]) {
                case "shift" -> y = shift(y, Integer.parseInt(mod[1].replace("+", "")));
                case "scale" -> {
                    double factor = Double.parseDouble(mod[1]);
                    y = y.clone();
                    for (int i = 0; i < y.length; i++) {
                        y[i] *= factor;
                    }
                }
                case "gauss" -> y = PROFILES.get(spec);
                case "every" -> {
                    int k = Integer.parseInt(mod[1]);
                    x = every(x, k);
                    y = every(y, k);
                }
                default -> throw new IllegalArgumentException("unknown variant " + spec);
            }
            assertThat(y).as("variant " + spec).isNotNull();
        }
        return new double[][] {x, y};
    }

    private static double[] shift(double[] y, int k) {
        double[] shifted = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            int from = i - k;
            shifted[i] = from >= 0 && from < y.length ? y[from] : 0;
        }
        return shifted;
    }

    private static double[] every(double[] y, int k) {
        double[] result = new double[(y.length + k - 1) / k];
        for (int i = 0; i < result.length; i++) {
            result[i] = y[i * k];
        }
        return result;
    }

    @Test
    void everyBuiltInLossMatchesTheNumpyScipyReference() throws Exception {
        LossRegistry registry = new LossRegistry(ExtensionSources.detect());
        Map<String, LossFunction> losses = new HashMap<>();
        Map<String, double[]> worst = new TreeMap<>();
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThan(800);
        List<String> failures = new ArrayList<>();
        for (Row row : rows) {
            String key = row.loss() + " " + row.settings();
            LossFunction loss = losses.get(key);
            if (loss == null) {
                loss = registry.create(row.loss(), row.settings());
                losses.put(key, loss);
            }
            double[][] sim = pattern(row.sim());
            double[][] target = pattern(row.target());
            double value = loss.prepare(TwoThetaGrid.of(sim[0]), TwoThetaGrid.of(target[0])).value(sim[1],
                    target[1]);
            double difference = Math.abs(value - row.value());
            double[] w = worst.computeIfAbsent(key, k -> new double[2]);
            w[0] = Math.max(w[0], difference);
            if (Math.abs(row.value()) > REPORTED_RELATIVE_FROM) {
                w[1] = Math.max(w[1], difference / Math.abs(row.value()));
            }
            if (difference > ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(row.value())) {
                failures.add(String.format(Locale.ROOT, "%s vs %s, %s: %.17g, reference %.17g", row.sim(),
                        row.target(), key, value, row.value()));
            }
        }
        worst.forEach((key, w) -> System.out.printf(Locale.ROOT,
                "reference agreement %-70s max abs %.2e, max rel %.2e%n", key, w[0], w[1]));
        assertThat(failures).as("values off the numpy/scipy reference").isEmpty();
    }
}
