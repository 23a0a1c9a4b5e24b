package org.pxrd.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.pxrd.model.Element;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

/** Every reference CIF of the test data, and comparisons of structures for round-trip tests. */
public final class ReferenceStructures {

    /** Folders of reference CIFs (P1 and symmetric), relative to the test data. */
    public static final List<String> FOLDERS = List.of("paper10/cif", "paper10/conventional-cif", "mp20-dev50/cif",
            "mp20-dev50/conventional-cif");
    /** The 2332 P1 CIFs of the matcher pairs (distorted and transformed versions of mp20-dev50). */
    public static final String MATCHER_PAIRS = "matcher-dev/pairs";

    private ReferenceStructures() {
    }

    /** The reference CIFs of {@link #FOLDERS} and the structures of the measured patterns (not the matcher pairs). */
    public static List<Path> cifs() {
        List<Path> all = new ArrayList<>();
        for (String folder : FOLDERS) {
            all.addAll(TestData.files(folder, ".cif"));
        }
        try (Stream<Path> measured = Files.walk(TestData.path("measured"))) {
            measured.filter(p -> p.toString().endsWith(".cif")).sorted().forEach(all::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** The reference CIFs whose name says they are symmetric (the conventional cells and the measured phases). */
    public static List<Path> symmetricCifs() {
        return cifs().stream().filter(p -> p.toString().contains("conventional-cif") || p.toString().contains(
                "measured")).toList();
    }

    /** The path relative to the test data folder, for test names and messages. */
    public static String relative(Path file) {
        return TestData.root().relativize(file).toString();
    }

    /**
     * Asserts that two structures have the same sites in the same order (species, occupancy, B), lattice
     * parameters within {@code tolerance} (Å, degrees) and fractional coordinates within {@code tolerance}
     * (modulo 1).
     */
    public static void assertSame(Structure expected, Structure actual, double tolerance) {
        double[] p = expected.lattice().parameters();
        double[] q = actual.lattice().parameters();
        for (int i = 0; i < 6; i++) {
            assertThat(q[i]).as("lattice parameter %d of %s", i, expected.name()).isCloseTo(p[i], within(tolerance));
        }
        assertThat(actual.size()).as("sites of " + expected.name()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Site e = expected.site(i);
            Site a = actual.site(i);
            assertThat(a.species()).as("species of site %d", i).isEqualTo(e.species());
            assertThat(a.occupancy()).as("occupancy of site %d", i).isCloseTo(e.occupancy(), within(tolerance));
            assertThat(a.hasDisplacement()).isEqualTo(e.hasDisplacement());
            if (e.hasDisplacement()) {
                assertThat(a.bIso()).isCloseTo(e.bIso(), within(tolerance));
            }
            for (int k = 0; k < 3; k++) {
                double d = a.frac(k) - e.frac(k);
                assertThat(d - Math.rint(d)).as("coordinate %d of site %d (%s)", k, i, e).isCloseTo(0, within(
                        tolerance));
            }
        }
    }

    /** The structure with its sites grouped by element in order of first appearance (the POSCAR order). */
    public static Structure groupedByElement(Structure s) {
        Map<Element, List<Site>> groups = new LinkedHashMap<>();
        for (Site site : s.sites()) {
            groups.computeIfAbsent(site.element(), e -> new ArrayList<>()).add(site);
        }
        List<Site> sites = new ArrayList<>();
        groups.values().forEach(sites::addAll);
        return s.withSites(sites);
    }
}
