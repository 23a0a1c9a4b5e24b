package org.pxrd.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.pxrd.core.resources.BundleFolders;

/**
 * The example data shipped with the product (see {@code data/README.md} of this bundle): the ten structures of
 * Segal et al. 2026, as files for the headless demo, the welcome page, benchmarks and studies.
 */
public final class Examples {

    private Examples() {
    }

    /** The example data folder. */
    public static Path folder() {
        return BundleFolders.folder(Examples.class, "data");
    }

    /** The study's ten structures as conventional standard cells (symmetric CIFs), sorted by file name. */
    public static List<Path> studyStructures() {
        return cifs(folder().resolve("study10/conventional"));
    }

    /** The study's ten structures as P1 CIFs of their MP-20 cells, sorted by file name. */
    public static List<Path> studyStructuresP1() {
        return cifs(folder().resolve("study10/p1"));
    }

    private static List<Path> cifs(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".cif")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
