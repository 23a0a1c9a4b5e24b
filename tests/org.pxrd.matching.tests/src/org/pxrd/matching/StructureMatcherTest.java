package org.pxrd.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Species;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

/** Behaviour of StructureMatcher that the reference tables do not show directly: mapping, options, threads. */
class StructureMatcherTest {

    private static final Structure ROCKSALT = new Structure("NaCl", Lattice.cubic(5.64), rocksalt());

    private static List<Site> rocksalt() {
        List<Site> sites = new ArrayList<>();
        double[][] fcc = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        for (double[] f : fcc) {
            sites.add(Site.of(Element.of("Na"), f[0], f[1], f[2]));
            sites.add(Site.of(Element.of("Cl"), f[0] + 0.5, f[1], f[2]));
        }
        return sites;
    }

    @Test
    void theMappingPairsSitesOfTheSameSpeciesWithTheReportedDistances() {
        Structure a = Inputs.read(TestData.path("matcher-dev/pairs/p00071_A.cif"));
        Structure b = Inputs.read(TestData.path("matcher-dev/pairs/p00071_B.cif"));
        MatchResult r = new StructureMatcher().match(a, b);
        assertThat(r.match()).isTrue();
        assertThat(r.mapping()).hasSize(r.reducedB().size());
        assertThat(r.mapping()).extracting(MatchResult.SitePair::siteA).doesNotHaveDuplicates();
        double sum2 = 0;
        double max = 0;
        for (MatchResult.SitePair p : r.mapping()) {
            assertThat(r.reducedA().site(p.siteA()).species()).isEqualTo(r.reducedB().site(p.siteB()).species());
            sum2 += p.distance() * p.distance();
            max = Math.max(max, p.distance());
        }
        assertThat(Math.sqrt(sum2 / r.mapping().size())).isCloseTo(r.rms(), within(1e-12));
        assertThat(max).isCloseTo(r.maxDistance(), within(1e-12));
        assertThat(r.options()).isEqualTo(MatchOptions.STUDY);
    }

    @Test
    void aShuffledCopyMatchesExactlyAndTheMappingUndoesTheShuffle() {
        List<Site> shuffled = new ArrayList<>(ROCKSALT.sites());
        java.util.Collections.reverse(shuffled);
        MatchResult r = new StructureMatcher(MatchOptions.STUDY.withPrimitiveCell(false))
                .match(ROCKSALT, ROCKSALT.withSites(shuffled));
        assertThat(r.match()).isTrue();
        assertThat(r.rms()).isLessThan(1e-10);
        for (MatchResult.SitePair p : r.mapping()) {
            // rock salt has translations mapping every site onto any other of its species: only species are fixed
            assertThat(r.reducedA().site(p.siteA()).element()).isEqualTo(r.reducedB().site(p.siteB()).element());
        }
    }

    @Test
    void supercellsMatchOnlyThroughPrimitiveCellsOrAttemptSupercell() {
        Structure primitive = PrimitiveCellFinder.primitive(ROCKSALT);
        assertThat(primitive.size()).isEqualTo(2);
        MatchOptions noPrimitive = MatchOptions.STUDY.withPrimitiveCell(false);
        assertThat(new StructureMatcher().fit(ROCKSALT, primitive)).isTrue();
        assertThat(new StructureMatcher(noPrimitive).fit(ROCKSALT, primitive)).isFalse();
        MatchResult r = new StructureMatcher(noPrimitive.withAttemptSupercell(true)).match(ROCKSALT, primitive);
        assertThat(r.match()).isTrue();
        assertThat(r.supercellFactor()).isEqualTo(4);
        assertThat(r.rms()).isLessThan(1e-8);
        assertThat(new StructureMatcher(noPrimitive.withAttemptSupercell(true)).fit(primitive, ROCKSALT)).isTrue();
    }

    @Test
    void aVacancyMatchesOnlyAsASubset() {
        List<Site> fewer = new ArrayList<>(ROCKSALT.sites());
        fewer.remove(3);
        Structure vacancy = ROCKSALT.withSites(fewer);
        MatchOptions noPrimitive = MatchOptions.STUDY.withPrimitiveCell(false);
        assertThat(new StructureMatcher(noPrimitive).fit(ROCKSALT, vacancy)).isFalse();
        MatchResult r = new StructureMatcher(noPrimitive.withAllowSubset(true)).match(ROCKSALT, vacancy);
        assertThat(r.match()).isTrue();
        assertThat(r.mapping()).hasSize(7);
    }

    @Test
    void anotherSpeciesOrAnOxidationStateIsNotTheSameCrystal() {
        List<Site> kcl = new ArrayList<>();
        List<Site> charged = new ArrayList<>();
        for (Site s : ROCKSALT.sites()) {
            kcl.add(s.element() == Element.of("Na") ? s.withSpecies(Species.of(Element.of("K"))) : s);
            charged.add(s.element() == Element.of("Na") ? s.withSpecies(Species.parse("Na+")) : s);
        }
        StructureMatcher m = new StructureMatcher();
        assertThat(m.fit(ROCKSALT, ROCKSALT.withSites(kcl))).isFalse();
        assertThat(m.fit(ROCKSALT, ROCKSALT.withSites(charged))).isFalse();
        assertThat(m.fit(ROCKSALT.withSites(charged), ROCKSALT.withSites(charged))).isTrue();
    }

    @Test
    void resultsDoNotDependOnThreads() {
        List<Map<String, String>> rows = Inputs.csv(TestData.path("matcher-dev/verdicts.csv")).subList(0, 120);
        List<Structure[]> pairs = rows.stream().map(r -> new Structure[] {
            Inputs.read(TestData.path("matcher-dev/" + r.get("file_A"))),
            Inputs.read(TestData.path("matcher-dev/" + r.get("file_B")))}).toList();
        StructureMatcher m = new StructureMatcher();
        double[] sequential = pairs.stream().mapToDouble(p -> m.match(p[0], p[1]).rms()).toArray();
        double[] parallel = IntStream.range(0, pairs.size()).parallel()
                .mapToDouble(i -> m.match(pairs.get(i)[0], pairs.get(i)[1]).rms()).toArray();
        assertThat(parallel).containsExactly(sequential);
    }

    @Test
    void invalidTolerancesAreNamed() {
        assertThatThrownBy(() -> MatchOptions.STUDY.withStol(Double.NaN)).hasMessageContaining("stol");
        assertThatThrownBy(() -> MatchOptions.STUDY.withAngleTol(200)).hasMessageContaining("angle_tol");
        assertThatThrownBy(() -> MatchOptions.STUDY.withLtol(-0.1)).hasMessageContaining("ltol");
    }
}
