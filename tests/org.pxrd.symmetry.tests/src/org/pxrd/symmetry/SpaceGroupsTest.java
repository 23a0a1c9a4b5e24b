package org.pxrd.symmetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pxrd.model.CrystalSymmetry;
import org.pxrd.model.SymmetryOperation;

class SpaceGroupsTest {

    private final SpaceGroups table = SpaceGroups.table();

    @Test
    void everyNumberHasOneStandardSettingAndConsistentWyckoffPositions() {
        assertThat(table.settings()).hasSize(530);
        for (int n = 1; n <= 230; n++) {
            SpaceGroup g = table.byNumber(n);
            assertThat(g.standard()).isTrue();
            assertThat(g.number()).isEqualTo(n);
            List<WyckoffPosition> w = g.wyckoffPositions();
            // letters a, b, c, ... in order; the last one is the general position, of multiplicity |G|
            for (int i = 0; i < w.size(); i++) {
                String letter = i < 26 ? String.valueOf((char) ('a' + i)) : "alpha";
                assertThat(w.get(i).letter()).as(g + " position " + i).isIn(letter, "α");
            }
            WyckoffPosition general = w.get(w.size() - 1);
            assertThat(general.multiplicity()).as(g.toString()).isEqualTo(g.order());
            assertThat(general.siteSymmetry()).isEqualTo("1");
            for (WyckoffPosition p : w) {
                assertThat(g.order() % p.multiplicity()).as(g + " " + p.symbol()).isZero();
            }
            assertThat(g.order() % g.centringMultiplicity()).isZero();
        }
    }

    @Test
    void everySettingHasAGroupOfOperations() {
        for (SpaceGroup g : table.settings()) {
            Set<String> ops = SpaceGroups.canonical(g.operations());
            assertThat(ops).as(g.toString()).hasSize(g.order());
            for (SymmetryOperation a : g.operations()) {
                for (SymmetryOperation b : g.operations()) {
                    assertThat(ops).as(g.toString()).contains(a.compose(b).toXyz());
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "P 63/m m c, 194", "P6_3/mmc, 194", "P63/mmc, 194", "P 6_3/m 2/m 2/c, 194", "Fm-3m, 225", "F m -3 m, 225",
        "P 1 21/c 1, 14", "P21/c, 14", "Pnma, 62", "Cmca, 64", "Cmce, 64", "R-3m, 166", "I41/amd, 141", "P1, 1"})
    void hermannMauguinSymbolsWithAndWithoutSpaces(String symbol, int number) {
        assertThat(table.byHermannMauguin(symbol)).map(SpaceGroup::number).contains(number);
    }

    @Test
    void settingsAreChosenBySuffixOrFullSymbol() {
        assertThat(table.byHermannMauguin("Fd-3m").orElseThrow().choice()).isEqualTo("1");
        assertThat(table.byHermannMauguin("Fd-3m:2").orElseThrow().hallSymbol()).isEqualTo("-F 4vw 2vw 3");
        assertThat(table.byHermannMauguin("R-3m").orElseThrow().choice()).isEqualTo("H");
        assertThat(table.byHermannMauguin("R -3 m :R").orElseThrow().rhombohedralAxes()).isTrue();
        assertThat(table.byHermannMauguin("P 1 1 21/a").orElseThrow().choice()).startsWith("c");
        assertThat(table.byHermannMauguin("P 1 1 21/a").orElseThrow().number()).isEqualTo(14);
        assertThat(table.byHermannMauguin("Pmnb").orElseThrow().number()).isEqualTo(62);
        assertThat(table.byHermannMauguin("X 9")).isEmpty();
    }

    @Test
    void hallSymbolsAreFoundByTextAndByOperations() {
        assertThat(table.byHall("-P 6c 2c").orElseThrow().number()).isEqualTo(194);
        assertThat(table.byHall("  -p   6c 2c ").orElseThrow().number()).isEqualTo(194);
        // the same group written with other generators: found through its operations
        assertThat(table.byHall("-P 2 2").orElseThrow().shortSymbol()).isEqualTo("Pmmm");
        assertThat(table.byHall("P 2 2 -1").orElseThrow().shortSymbol()).isEqualTo("Pmmm");
    }

    @Test
    void standardSettingsDescribeTheirGroups() {
        SpaceGroup g = table.byNumber(194);
        assertThat(g.shortSymbol()).isEqualTo("P6_3/mmc");
        assertThat(g.crystalSystem()).isEqualTo(CrystalSystem.HEXAGONAL);
        assertThat(g.crystalFamily()).isEqualTo(CrystalFamily.HEXAGONAL);
        assertThat(g.order()).isEqualTo(24);
        assertThat(g.wyckoff("c").representative().apply(new double[3])).containsExactly(1 / 3.0, -1 / 3.0, 0.25);
        assertThat(table.byNumber(166).crystalFamily()).isEqualTo(CrystalFamily.HEXAGONAL);
        assertThat(table.byNumber(166).centring()).isEqualTo('R');
        assertThat(table.byNumber(225).centringMultiplicity()).isEqualTo(4);
        assertThat(table.byNumber(225).order()).isEqualTo(192);
        assertThat(table.byNumber(15).shortSymbol()).isEqualTo("C2/c");
        Set<Integer> numbers = new HashSet<>();
        table.settings().forEach(s -> numbers.add(s.number()));
        assertThat(numbers).hasSize(230);
    }

    @Test
    void cifNamesResolveToOperations() {
        CrystalSymmetry byName = table.resolve("F m -3 m", null, 0).orElseThrow();
        CrystalSymmetry byHall = table.resolve(null, "-F 4 2 3", 0).orElseThrow();
        CrystalSymmetry byNumber = table.resolve(null, null, 225).orElseThrow();
        assertThat(byName.operations()).hasSize(192);
        assertThat(SpaceGroups.canonical(byHall.operations())).isEqualTo(SpaceGroups.canonical(byName.operations()));
        assertThat(byNumber.number()).isEqualTo(225);
        assertThat(table.resolve("nonsense", null, 0)).isEmpty();
        // a name that contradicts the number: the number wins
        assertThat(table.resolve("P 1", null, 2).orElseThrow().number()).isEqualTo(2);
    }
}
