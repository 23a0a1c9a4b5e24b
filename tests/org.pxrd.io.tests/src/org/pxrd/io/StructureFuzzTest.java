package org.pxrd.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.io.cif.CifFormat;
import org.pxrd.io.vasp.PoscarFormat;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

/**
 * Seeded mutations ({@link Mutations}) of the reference CIFs (and of POSCARs written from them) at byte, line and
 * token level: deletions, duplications, swaps, truncation, random bytes and binary noise, swapped numbers, NaN,
 * infinities, huge and tiny numbers, unbalanced quotes, stray keywords and text fields. Every outcome must be a valid
 * structure or a {@link StructureFormatException} whose one-line message starts with the file name; any other
 * exception, or a read that takes longer than {@link #TIMEOUT_SECONDS}, fails the test with the case's seed.
 * Valid outcomes must also survive a CIF write-then-read.
 */
class StructureFuzzTest {

    /** Master seed: the same cases on every machine and every run. */
    private static final long SEED = 0x5eed_c1f_2026L;
    /** Mutated texts given to the formats directly (no exception can hide behind the file layer). */
    private static final int TEXT_CASES = 6000;
    /** Mutated files read through {@link StructureFiles} (format choice, binary detection, messages). */
    private static final int FILE_CASES = 600;
    /** A read of a file of a few kB that takes this long is a hang. */
    private static final int TIMEOUT_SECONDS = 5;

    private static List<String> cifs;
    private static List<String> poscars;
    private static FuzzHarness harness;

    @BeforeAll
    static void seeds() throws Exception {
        cifs = new ArrayList<>();
        List<Path> files = new ArrayList<>(TestData.files("paper10/cif", ".cif"));
        files.addAll(TestData.files("paper10/conventional-cif", ".cif"));
        files.addAll(TestData.files("mp20-dev50/conventional-cif", ".cif"));
        files.add(TestData.path("measured/RbNb2O5F_pyrochlore/RbNb2O5F.cif"));
        files.add(TestData.path("measured/Calcite_R040070/cod_9000095.cif"));
        files.add(TestData.path("measured/PbSO4_anglesite/PbSO4-Wyckoff.cif"));
        for (Path f : files) {
            cifs.add(Files.readString(f, StandardCharsets.ISO_8859_1));
        }
        poscars = new ArrayList<>();
        for (Path f : TestData.files("paper10/cif", ".cif")) {
            Structure s = new CifFormat().read(Files.readString(f), f.toString()).get(0);
            poscars.add(new PoscarFormat().write(s));
        }
        harness = new FuzzHarness(TIMEOUT_SECONDS);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void mutatedTextsGiveAStructureOrAOneLineErrorNamingTheFile() throws Exception {
        int valid = 0;
        int errors = 0;
        for (int i = 0; i < TEXT_CASES; i++) {
            SplittableRandom random = new SplittableRandom(SEED + i);
            boolean cif = i % 5 != 4;
            List<String> sources = cif ? cifs : poscars;
            List<String> applied = new ArrayList<>();
            String text = Mutations.mutate(sources.get(random.nextInt(sources.size())), random, applied);
            String source = "fuzz-" + i + (cif ? ".cif" : "_POSCAR");
            StructureFormat format = cif ? new CifFormat() : new PoscarFormat();
            String name = cif && random.nextInt(8) == 0 ? pickBlockName(text, random) : null;
            FuzzHarness.Outcome<List<Structure>> outcome = harness.run(() -> name == null ? format.read(text, source)
                    : List.of(format.read(text, source, name)), "case " + i + " " + applied);
            if (outcome.error() != null) {
                FuzzHarness.assertOneLine(outcome.error(), source, "case " + i + " " + applied);
                errors++;
            } else {
                assertThat(outcome.value()).as("case " + i).isNotEmpty().doesNotContainNull();
                for (Structure s : outcome.value()) {
                    assertValid(s, "case " + i + " " + applied);
                    assertSurvivesCif(s, "case " + i + " " + applied);
                }
                valid++;
            }
        }
        // the mutations must reach both outcomes, else the test proves little
        assertThat(valid).isGreaterThan(TEXT_CASES / 20);
        assertThat(errors).isGreaterThan(TEXT_CASES / 4);
    }

    @Test
    void mutatedFilesReadThroughStructureFilesNameTheFile(@TempDir Path dir) throws Exception {
        StructureFiles files = new StructureFiles(ExtensionSources.detect());
        String[] names = {"x.cif", "POSCAR", "x.vasp", "x.txt", "CONTCAR"};
        int errors = 0;
        for (int i = 0; i < FILE_CASES; i++) {
            SplittableRandom random = new SplittableRandom(~SEED + i);
            List<String> applied = new ArrayList<>();
            String seedText = random.nextBoolean() ? cifs.get(random.nextInt(cifs.size()))
                    : poscars.get(random.nextInt(poscars.size()));
            Path file = dir.resolve(i + "-" + names[random.nextInt(names.length)]);
            Files.write(file, Mutations.mutate(seedText, random, applied).getBytes(StandardCharsets.ISO_8859_1));
            FuzzHarness.Outcome<List<Structure>> outcome = harness.run(() -> files.read(file), "file case " + i + " "
                    + applied);
            if (outcome.error() != null) {
                FuzzHarness.assertOneLine(outcome.error(), file.toString(), "file case " + i + " " + applied);
                errors++;
            } else {
                for (Structure s : outcome.value()) {
                    assertValid(s, "file case " + i + " " + applied);
                }
            }
        }
        assertThat(errors).isGreaterThan(FILE_CASES / 4);
    }

    private static void assertValid(Structure s, String what) {
        assertThat(s.lattice().volume()).as(what).isPositive().isFinite();
        assertThat(s.size()).as(what).isPositive();
        for (Site site : s.sites()) {
            for (int k = 0; k < 3; k++) {
                assertThat(site.frac(k)).as(what).isGreaterThanOrEqualTo(0).isLessThan(1);
            }
            assertThat(site.occupancy()).as(what).isPositive().isLessThanOrEqualTo(1 + 1e-6);
        }
    }

    /**
     * What was read is written as a CIF that reads back to the same sites: the same lattice (relative 1e-11) and,
     * for every site, one of the same species within 1e-8 (fractional). The order may change where
     * {@link org.pxrd.io.cif.CifWriter} documents it (operations whose first is not the identity).
     */
    private static void assertSurvivesCif(Structure s, String what) {
        try {
            CifFormat cif = new CifFormat();
            Structure back = cif.read(cif.write(s), "back.cif").get(0);
            assertThat(back.size()).as(what).isEqualTo(s.size());
            double[] p = s.lattice().parameters();
            double[] q = back.lattice().parameters();
            for (int k = 0; k < 6; k++) {
                assertThat(q[k]).as(what).isCloseTo(p[k], withinPercentage(1e-9));
            }
            boolean[] used = new boolean[s.size()];
            for (Site site : back.sites()) {
                int match = -1;
                for (int j = 0; j < s.size() && match < 0; j++) {
                    if (!used[j] && s.site(j).species().equals(site.species()) && close(s.site(j), site)) {
                        match = j;
                    }
                }
                assertThat(match).as(what + ": no original site for " + site).isNotNegative();
                used[match] = true;
            }
        } catch (StructureFormatException e) {
            fail(what + ": the CIF written from a valid structure does not read: " + e.getMessage());
        }
    }

    private static boolean close(Site a, Site b) {
        for (int k = 0; k < 3; k++) {
            double d = a.frac(k) - b.frac(k);
            if (Math.abs(d - Math.rint(d)) > 1e-8) {
                return false;
            }
        }
        return true;
    }

    private static String pickBlockName(String text, SplittableRandom random) {
        Matcher m = Pattern.compile("(?m)^data_(\\S+)").matcher(text);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names.isEmpty() || random.nextInt(4) == 0 ? "no_such_block" : names.get(random.nextInt(names.size()));
    }
}
