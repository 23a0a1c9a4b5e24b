package org.pxrd.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A CSV list of structure pairs with the columns {@code pair_id,file_A,file_B} (in any order, more columns
 * ignored; paths relative to the CSV file's folder). Fields are plain or in double quotes.
 */
record PairList(Path file, List<PairList.Pair> pairs) {

    /** One pair and the line of the CSV file it came from. */
    record Pair(String id, Path fileA, Path fileB, int line) {
    }

    /** Reads and checks the whole list; any problem is a one-line error naming the file and the line. */
    static PairList read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliException(file + ": no such file");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CliException(file + ": cannot read: " + e.getMessage());
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new CliException(file + ": empty, expected a header pair_id,file_A,file_B");
        }
        List<String> header = Arrays.asList(fields(lines.get(0)));
        int id = header.indexOf("pair_id");
        int a = header.indexOf("file_A");
        int b = header.indexOf("file_B");
        if (id < 0 || a < 0 || b < 0) {
            throw new CliException(file + " line 1: the header must name the columns pair_id, file_A and file_B, got "
                    + lines.get(0).strip());
        }
        Path folder = file.toAbsolutePath().getParent();
        List<Pair> pairs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            String[] f = fields(lines.get(n));
            int need = Math.max(id, Math.max(a, b)) + 1;
            if (f.length < need) {
                throw new CliException(file + " line " + (n + 1) + ": expected at least " + need + " fields, got "
                        + f.length);
            }
            if (f[id].isBlank() || f[a].isBlank() || f[b].isBlank()) {
                throw new CliException(file + " line " + (n + 1) + ": empty pair_id, file_A or file_B");
            }
            if (!ids.add(f[id])) {
                throw new CliException(file + " line " + (n + 1) + ": pair_id " + f[id] + " appears twice");
            }
            pairs.add(new Pair(f[id], folder.resolve(f[a]), folder.resolve(f[b]), n + 1));
        }
        if (pairs.isEmpty()) {
            throw new CliException(file + ": no pairs after the header");
        }
        return new PairList(file, List.copyOf(pairs));
    }

    private static String[] fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(sb.toString().strip());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString().strip());
        return out.toArray(new String[0]);
    }
}
