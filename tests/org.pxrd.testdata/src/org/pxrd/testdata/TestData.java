package org.pxrd.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.pxrd.core.resources.BundleFolders;

/**
 * The reference data of the tests (MP-20 structures and pymatgen/spglib/AMD results, see data/ATTRIBUTION.md)
 * as files: {@code TestData.path("paper10/cif")}.
 *
 * <p>The data folder is the system property {@code pxrd.testdata} when set, else this bundle's {@code data}
 * folder (see {@link BundleFolders}).
 */
public final class TestData {

    private static volatile Path root;

    private TestData() {
    }

    /** The file or folder at a path relative to the data folder; fails if it does not exist. */
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("no test data at " + p);
        }
        return p;
    }

    /** The files of a data folder whose names end with {@code suffix}, sorted by name. */
    public static List<Path> files(String folder, String suffix) {
        try (Stream<Path> s = Files.list(path(folder))) {
            return new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file of a test module's own oracle data ({@code tests/org.pxrd.<x>.tests/data/<relative>}, made by the
     * module's {@code scripts/}), found beside the compiled classes of {@code testClass}; fails if it does not
     * exist.
     */
    public static Path moduleData(Class<?> testClass, String relative) {
        Path p = BundleFolders.folder(testClass, "data").resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("no module test data at " + p + " (for " + testClass.getName() + ")");
        }
        return p;
    }

    /** The data folder. */
    public static synchronized Path root() {
        if (root == null) {
            root = locate();
        }
        return root;
    }

    private static Path locate() {
        String property = System.getProperty("pxrd.testdata");
        return property != null ? Path.of(property) : BundleFolders.folder(TestData.class, "data");
    }
}
