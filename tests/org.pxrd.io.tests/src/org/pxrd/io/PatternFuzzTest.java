package org.pxrd.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.model.Pattern;
import org.pxrd.testdata.TestData;

/**
 * Seeded mutations ({@link Mutations}) of the measured pattern files (column text, RRUFF, XRDML, GSAS) read through
 * {@link PatternFiles}: each must give a valid pattern or a {@link PatternFormatException} whose one-line message
 * starts with the file name, within {@link #TIMEOUT_SECONDS}.
 */
class PatternFuzzTest {

    private static final long SEED = 0x9a77_e2_2026L;
    private static final int CASES = 1500;
    private static final int TIMEOUT_SECONDS = 5;
    /** Lines kept of each seed file: enough for headers and data, small enough for a quick test. */
    private static final int SEED_LINES = 200;

    @Test
    void mutatedPatternFilesGiveAPatternOrAOneLineErrorNamingTheFile(@TempDir Path dir) throws Exception {
        String[][] seeds = {
            {"measured/Calcite_R040070/pattern.xy", "xy"},
            {"measured/Corundum_R040096/Corundum__R040096-1__Powder__Xray_Data_XY_Processed__"
                    + "87bb72c2abdc3c49f2b4ceb247f2.txt", "txt"},
            {"measured/RbNb2O5F_pyrochlore/RbNb2O5F.dat", "dat"},
            {"measured/RbNb2O5F_pyrochlore/RbNb2O5F.xrdml", "xrdml"},
            {"measured/PbSO4_anglesite/PBSO4.XRA", "xra"}};
        List<String> texts = new ArrayList<>();
        for (String[] seed : seeds) {
            List<String> lines = Files.readAllLines(TestData.path(seed[0]), StandardCharsets.ISO_8859_1);
            // XRDML keeps its whole (one-line) data; the others are shortened
            texts.add(String.join("\n", seed[1].equals("xrdml") ? lines : lines.subList(0, Math.min(lines.size(),
                    SEED_LINES))) + "\n");
        }
        PatternFiles files = new PatternFiles(ExtensionSources.detect());
        int valid = 0;
        int errors = 0;
        try (FuzzHarness harness = new FuzzHarness(TIMEOUT_SECONDS)) {
            for (int i = 0; i < CASES; i++) {
                SplittableRandom random = new SplittableRandom(SEED + i);
                int k = random.nextInt(seeds.length);
                List<String> applied = new ArrayList<>();
                Path file = dir.resolve("case" + i + "." + (random.nextInt(6) == 0 ? "unknown" : seeds[k][1]));
                Files.write(file, Mutations.mutate(texts.get(k), random, applied).getBytes(StandardCharsets.ISO_8859_1));
                String what = "case " + i + " " + seeds[k][1] + " " + applied;
                FuzzHarness.Outcome<Pattern> outcome = harness.run(() -> files.read(file), what);
                if (outcome.error() != null) {
                    FuzzHarness.assertOneLine(outcome.error(), file.toString(), what);
                    assertThat(outcome.error()).as(what).isInstanceOf(PatternFormatException.class);
                    errors++;
                } else {
                    Pattern p = outcome.value();
                    double[] x = p.twoThetaArray();
                    for (int j = 1; j < x.length; j++) {
                        assertThat(x[j]).as(what).isGreaterThan(x[j - 1]);
                    }
                    valid++;
                }
                Files.delete(file);
            }
        }
        assertThat(valid).isGreaterThan(CASES / 20);
        assertThat(errors).isGreaterThan(CASES / 10);
    }
}
