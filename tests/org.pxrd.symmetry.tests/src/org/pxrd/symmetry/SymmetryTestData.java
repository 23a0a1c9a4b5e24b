package org.pxrd.symmetry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.io.StructureFiles;
import org.pxrd.io.StructureFormatException;
import org.pxrd.io.cif.CifFormat;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

/** Reads the test data: this module's files (on the class path) and the shared reference data. */
final class SymmetryTestData {

    private SymmetryTestData() {
    }

    /** A data file of this test module as text. */
    static String resource(String name) {
        try (InputStream in = SymmetryTestData.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV table (RFC 4180: quoted fields may hold commas and newlines) as rows of column → value. */
    static List<Map<String, String>> csv(Reader reader) {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(reader)) {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int c;
            while ((c = r.read()) >= 0) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        r.mark(1);
                        int next = r.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next >= 0) {
                                r.reset();
                            }
                        }
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else if (ch != '\r') {
                    field.append(ch);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = rows.get(0);
        List<Map<String, String>> result = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), i < row.size() ? row.get(i) : "");
            }
            result.add(m);
        }
        return result;
    }

    static List<Map<String, String>> csv(Path file) throws IOException {
        return csv(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    static List<Map<String, String>> csvResource(String name) {
        return csv(new java.io.StringReader(resource(name)));
    }

    /** The CIF texts of the MP-20 binary/ternary set, by "split/material_id". */
    static Map<String, String> mp20Cifs() throws IOException {
        Map<String, String> cifs = new LinkedHashMap<>();
        for (String split : new String[] {"val", "test"}) {
            Path file = TestData.path("mp20-biternary/" + split + ".csv.gz");
            try (Reader r = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                    StandardCharsets.UTF_8)) {
                for (Map<String, String> row : csv(r)) {
                    cifs.put(split + "/" + row.get("material_id"), row.get("cif"));
                }
            }
        }
        return cifs;
    }

    static Structure readCif(Path file) throws StructureFormatException {
        return new StructureFiles(ExtensionSources.detect()).readFirst(file);
    }

    static Structure parseCif(String text, String name) throws StructureFormatException {
        return new CifFormat().read(text, name).get(0);
    }
}
