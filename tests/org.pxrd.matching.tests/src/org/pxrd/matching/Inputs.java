package org.pxrd.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.io.StructureFiles;
import org.pxrd.io.StructureFormatException;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;

/** Reads the reference tables and structures of the tests. */
final class Inputs {

    /**
     * pymatgen's CifParser sets a fractional coordinate within a relative 1e-4 of 1/3 or 2/3 to that fraction (it
     * warns "Some fractional coordinates rounded to ideal values"); the reference numbers were computed on
     * structures read that way.
     */
    static final double PYMATGEN_THIRDS_TOLERANCE = 1e-4;

    private static final StructureFiles FILES = new StructureFiles(ExtensionSources.detect());

    private Inputs() {
    }

    static Structure read(Path file) {
        try {
            return FILES.readFirst(file);
        } catch (StructureFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The structure as pymatgen's CIF reader gives it: coordinates near 1/3 and 2/3 set to those fractions. */
    static Structure asPymatgenReadsIt(Structure s) {
        List<Site> sites = new ArrayList<>();
        for (Site site : s.sites()) {
            double[] f = site.frac();
            for (int c = 0; c < 3; c++) {
                for (double third : new double[] {1.0 / 3, 2.0 / 3}) {
                    if (Math.abs(1 - f[c] / third) < PYMATGEN_THIRDS_TOLERANCE) {
                        f[c] = third;
                    }
                }
            }
            sites.add(site.withFrac(f));
        }
        return s.withSites(sites);
    }

    /** The rows of a CSV file with a header line, by column name (quoted fields may hold commas). */
    static List<Map<String, String>> csv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = fields(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = fields(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < f.size() ? f.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }

    /** A file of this module's own reference data ({@code tests/org.pxrd.matching.tests/data}). */
    static Path ownData(String relative) {
        try {
            Path classes = Path.of(Inputs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path candidate : List.of(classes.resolve("data"), classes.resolve("../../data"),
                    Path.of(System.getProperty("user.dir"), "data"))) {
                Path p = candidate.normalize().resolve(relative);
                if (Files.exists(p)) {
                    return p;
                }
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no test data " + relative + " beside the classes of " + Inputs.class);
    }
}
