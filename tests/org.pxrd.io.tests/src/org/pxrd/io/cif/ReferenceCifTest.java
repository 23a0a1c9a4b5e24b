package org.pxrd.io.cif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pxrd.io.StructureFiles;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.model.Element;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

/** Every reference CIF reads with its manifest's site count; symmetric CIFs expand to pymatgen's conventional cells. */
class ReferenceCifTest {

    private final StructureFiles files = new StructureFiles(ExtensionSources.detect());

    static Stream<Arguments> manifests() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (String set : List.of("paper10", "mp20-dev50")) {
            List<String> lines = Files.readAllLines(TestData.path(set + "/manifest.csv"));
            List<String> header = List.of(lines.get(0).split(","));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
                rows.add(Arguments.of(set, f[header.indexOf("file")], Integer.parseInt(f[header.indexOf("nsites")])));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("manifests")
    void p1CifsHaveTheManifestsSiteCount(String set, String file, int nsites) throws Exception {
        Structure s = files.readFirst(TestData.path(set + "/cif/" + file));
        assertThat(s.size()).isEqualTo(nsites);
        assertThat(s.lattice().volume()).isPositive();
    }

    static Stream<Arguments> symmetryRows() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (String set : List.of("paper10", "mp20-dev50")) {
            List<String> lines = Files.readAllLines(TestData.path(set + "/symmetry.csv"));
            List<String> header = List.of(lines.get(0).split(","));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                rows.add(Arguments.of(set, f[header.indexOf("file")], Integer.parseInt(f[header.indexOf("nconv_p01")])));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("symmetryRows")
    void symmetricCifsExpandToTheConventionalCell(String set, String file, int nconv) throws Exception {
        Path conventional = TestData.path(set + "/conventional-cif/" + file);
        Structure expanded = files.readFirst(conventional);
        Structure p1 = files.readFirst(TestData.path(set + "/cif/" + file));
        assertThat(expanded.size()).isEqualTo(nconv);
        // (the CIF writer's cell may order the axes differently from symmetry.csv's conventional a b c)
        assertThat(expanded.lattice().volume() / nconv).isCloseTo(p1.lattice().volume() / p1.size(),
                within(1e-6 * p1.lattice().volume()));
        assertThat(fractions(expanded)).isEqualTo(fractions(p1));
        assertThat(expanded.density()).isCloseTo(p1.density(), within(1e-4 * p1.density()));
    }

    /** Composition as fractions of the total, rounded, so cells of different size compare. */
    private static Map<Element, Long> fractions(Structure s) {
        double total = s.composition().values().stream().mapToDouble(Double::doubleValue).sum();
        Map<Element, Long> f = new LinkedHashMap<>();
        s.composition().forEach((e, n) -> f.put(e, Math.round(1e6 * n / total)));
        return f;
    }
}
