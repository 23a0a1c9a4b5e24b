package org.pxrd.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reference data of the tests (MP-20 structures and pymatgen/spglib/AMD results, see data/ATTRIBUTION.md)
 * as files: {@code TestData.path("paper10/cif")}.
 *
 * <p>The data folder is found, in order: from the system property {@code pxrd.testdata}; beside the classes of
 * this bundle (a source checkout: {@code tests/org.pxrd.testdata/data}); inside the OSGi bundle, extracted to
 * the framework's cache when the bundle is a jar.
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
        try {
            URL classes = testClass.getProtectionDomain().getCodeSource().getLocation();
            Path location = Path.of(new java.net.URI(classes.toString().replaceFirst("^reference:", "")));
            for (String folder : new String[] {"data", "../data", "../../data"}) {
                Path candidate = location.resolve(folder).resolve(relative).normalize();
                if (Files.exists(candidate)) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("no module test data " + relative + " near " + location);
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalArgumentException("no module test data " + relative + " for " + testClass.getName()
                    + ": " + e.getMessage(), e);
        }
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
        if (property != null) {
            return Path.of(property);
        }
        try {
            URL classes = TestData.class.getProtectionDomain().getCodeSource().getLocation();
            if (classes != null && "file".equals(classes.getProtocol())) {
                // the bundle directory, its target/classes folder or its jar in target/
                Path location = Path.of(classes.toURI());
                for (String relative : new String[] {"data", "../../data", "../data"}) {
                    Path candidate = location.resolve(relative).normalize();
                    if (Files.isRegularFile(candidate.resolve("ATTRIBUTION.md"))) {
                        return candidate;
                    }
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the OSGi lookup
        }
        return OsgiData.extract();
    }
}
