package org.pxrd.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reference numbers that a test module keeps in its own {@code data/*.json} (written by the scripts in the module's
 * {@code scripts/} folder with Debian's scikit-learn, scipy, ASE or pymatgen; each file names its script).
 */
public final class ReferenceJson {

    private ReferenceJson() {
    }

    /** The JSON file {@code name} of the data folder of the test module holding {@code testClass}. */
    public static JsonNode read(Class<?> testClass, String name) {
        Path file = TestData.moduleData(testClass, name);
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

    /** A JSON array of arrays of numbers as a matrix. */
    public static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(node.get(i));
        }
        return m;
    }
}
