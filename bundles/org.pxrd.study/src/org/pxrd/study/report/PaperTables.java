package org.pxrd.study.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pxrd.study.protocol.StudyDescription.NoiseType;
import org.pxrd.study.run.RunSpec;
import org.pxrd.study.run.RunSpec.GroupKey;

/**
 * Numbers printed in the paper, to show beside the study's: a CSV of
 * {@code table,noise,level,loss,projector,value} rows after {@code #} comment lines that cite the source (the
 * bundled file is {@code paper-tables.csv} beside this class; its comment says what it holds).
 */
public final class PaperTables {

    /** Table 1: mutual information (nats). */
    public static final String MUTUAL_INFORMATION = "table1_mi";
    /** Table S1: Pearson's r. */
    public static final String PEARSON = "tableS1_pearson";
    /** Table S2: Spearman's ρ. */
    public static final String SPEARMAN = "tableS2_spearman";

    private static final List<String> TABLES = List.of(MUTUAL_INFORMATION, PEARSON, SPEARMAN);
    private static final String HEADER = "table,noise,level,loss,projector,value";

    private final String source;
    private final List<String> comments;
    private final Map<String, Double> values;

    private PaperTables(String source, List<String> comments, Map<String, Double> values) {
        this.source = source;
        this.comments = List.copyOf(comments);
        this.values = values;
    }

    /** The numbers shipped with pxrd. */
    public static PaperTables bundled() {
        try (InputStream in = PaperTables.class.getResourceAsStream("paper-tables.csv")) {
            if (in == null) {
                throw new IllegalStateException("paper-tables.csv is missing from the study bundle");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "paper-tables.csv");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read paper-tables.csv", e);
        }
    }

    /**
     * Parses a paper-tables CSV.
     *
     * @throws IllegalArgumentException naming the source and line of a bad row
     */
    public static PaperTables parse(String text, String source) {
        List<String> comments = new ArrayList<>();
        Map<String, Double> values = new LinkedHashMap<>();
        boolean header = false;
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("#")) {
                comments.add(l.substring(1).strip());
                continue;
            }
            if (!header) {
                if (!l.equals(HEADER)) {
                    throw new IllegalArgumentException(source + ":" + n + ": expected the header " + HEADER);
                }
                header = true;
                continue;
            }
            String[] f = l.split(",", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException(source + ":" + n + ": expected 6 fields, got " + f.length);
            }
            if (!TABLES.contains(f[0].strip())) {
                throw new IllegalArgumentException(source + ":" + n + ": unknown table '" + f[0] + "' (known: "
                        + String.join(", ", TABLES) + ")");
            }
            NoiseType noise = switch (f[1].strip()) {
                case "lattice" -> NoiseType.LATTICE;
                case "coordinates" -> NoiseType.COORDINATES;
                default -> throw new IllegalArgumentException(source + ":" + n + ": unknown noise '" + f[1] + "'");
            };
            try {
                double level = Double.parseDouble(f[2].strip());
                double value = Double.parseDouble(f[5].strip());
                values.put(key(f[0].strip(), noise, level, f[3].strip(), f[4].strip()), value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ":" + n + ": level and value must be numbers");
            }
        }
        if (!header) {
            throw new IllegalArgumentException(source + ": no header line " + HEADER);
        }
        return new PaperTables(source, comments, values);
    }

    /** The paper's value of a table for a condition, or NaN when the file does not have it. */
    public double value(String table, GroupKey key) {
        Double v = values.get(key(table, key.noise(), key.level(), key.loss(), key.projector()));
        return v == null ? Double.NaN : v;
    }

    /** Whether the file holds no numbers. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The number of values. */
    public int size() {
        return values.size();
    }

    /** The comment lines (the citation and notes), without their '#'. */
    public List<String> comments() {
        return comments;
    }

    public String source() {
        return source;
    }

    private static String key(String table, NoiseType noise, double level, String loss, String projector) {
        return table + "|" + noise.json() + "|" + RunSpec.levelText(level) + "|" + loss + "|" + projector;
    }
}
