package org.pxrd.symmetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pxrd.model.SymmetryOperation;

/** The Hall-symbol generator against the operations of spglib 2.0.2's database for all 530 settings. */
class HallSymbolTest {

    @Test
    void everySettingGeneratesExactlySpglibsOperations() throws Exception {
        SpaceGroups table = SpaceGroups.table();
        int checked = 0;
        for (String line : SymmetryTestData.resource("hall_operations_spglib.tsv").split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            SpaceGroup g = table.byHallNumber(Integer.parseInt(f[0]));
            assertThat(g.number()).as(g.toString()).isEqualTo(Integer.parseInt(f[1]));
            List<SymmetryOperation> ops = HallSymbol.operations(g.hallSymbol());
            assertThat(ops).as(g.toString()).hasSize(Integer.parseInt(f[2]));
            assertThat(digest(ops)).as(g.toString()).isEqualTo(f[3]);
            checked++;
        }
        assertThat(checked).isEqualTo(530);
    }

    /** The canonical text the digest script hashes: "r00 .. r22 t0 t1 t2", translations in twelfths. */
    private static String digest(List<SymmetryOperation> ops) throws Exception {
        List<String> lines = new ArrayList<>();
        for (SymmetryOperation op : ops) {
            StringBuilder sb = new StringBuilder();
            for (int[] row : op.rotation()) {
                for (int v : row) {
                    sb.append(v).append(' ');
                }
            }
            double[] t = op.translation();
            for (int i = 0; i < 3; i++) {
                sb.append(Math.floorMod(Math.round(t[i] * 12), 12)).append(i < 2 ? " " : "");
            }
            lines.add(sb.toString());
        }
        java.util.Collections.sort(lines);
        byte[] sha = MessageDigest.getInstance("SHA-1").digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha);
    }

    @Test
    void screwAxesAndOriginShiftsAreApplied() {
        // P 61 2 (0 0 -1): the 6_1 screw translates by c/6; the shift (0 0 -1)/12 moves the 2-fold axes
        List<SymmetryOperation> ops = HallSymbol.operations("P 61 2 (0 0 -1)");
        assertThat(ops).hasSize(12);
        assertThat(ops.stream().map(SymmetryOperation::toXyz)).contains("x-y,x,z+1/6");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "'';empty Hall symbol",
        "Q 2;unknown lattice symbol 'Q'",
        "P 5;must start with the order",
        "P 2q;unknown symbol 'q'",
        "P 2 (0 0;unclosed origin shift",
        "P 2 (0 0 x);is not an integer"})
    void badSymbolsAreNamed(String symbol, String problem) {
        assertThatThrownBy(() -> HallSymbol.operations(symbol)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }
}
