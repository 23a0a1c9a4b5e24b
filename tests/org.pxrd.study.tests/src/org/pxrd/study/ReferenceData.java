package org.pxrd.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.pxrd.core.resources.BundleFolders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reference numbers of this test module ({@code data/*.json}, written by the scripts in {@code scripts/}
 * with Debian's scikit-learn and scipy; each file names its script).
 */
public final class ReferenceData {

    private ReferenceData() {
    }

    /** A JSON file of the data folder. */
    public static JsonNode json(String name) {
        Path file = BundleFolders.folder(ReferenceData.class, "data").resolve(name);
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference data " + file, e);
        }
    }

    /** A JSON array of numbers. */
    public static double[] vector(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get(i).asDouble();
        }
        return v;
    }
}
