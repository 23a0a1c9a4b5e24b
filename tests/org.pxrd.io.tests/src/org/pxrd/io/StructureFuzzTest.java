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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * Seeded mutations of the reference CIFs (and of POSCARs written from them) at byte, line and token level:
 * deletions, duplications, swaps, truncation, random bytes and binary noise, swapped numbers, NaN, infinities,
 * huge and tiny numbers, unbalanced quotes, stray keywords and text fields. Every outcome must be a valid
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

    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.?\\d*(\\(\\d+\\))?");
    private static final String[] ODD_NUMBERS = {"NaN", "nan", "inf", "-Infinity", "1e999", "-1e999", "1e308",
        "1e-320", "0", "-0", "0.0", "?", ".", "1.5.2", "0x10", "1e", "99999999999999999999", "-1", "1/2", "4.5937(",
        "1(3"};
    private static final String[] KEYWORDS = {"loop_", "data_", "data_fuzz", "save_frame", "save_", "global_", "stop_",
        "_atom_site_fract_x", "_cell_length_a", "_symmetry_equiv_pos_as_xyz", ";", "'", "\"", "#", "?", ".",
        "Selective dynamics", "Cartesian", "Direct", "Xx", "Q1", "'x, y, z, w'", "'x+y,y,z'", "'-x,-y,-z+1/0'"};

    private static List<String> cifs;
    private static List<String> poscars;
    private static ExecutorService executor;

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
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-read");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
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
            String text = mutate(sources.get(random.nextInt(sources.size())), random, applied);
            String source = "fuzz-" + i + (cif ? ".cif" : "_POSCAR");
            StructureFormat format = cif ? new CifFormat() : new PoscarFormat();
            String name = cif && random.nextInt(8) == 0 ? pickBlockName(text, random) : null;
            Outcome outcome = run(() -> name == null ? format.read(text, source) : List.of(format.read(text, source,
                    name)), "case " + i + " " + applied);
            if (outcome.error() != null) {
                assertOneLine(outcome.error(), source, "case " + i + " " + applied);
                errors++;
            } else {
                for (Structure s : outcome.structures()) {
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
            Files.write(file, mutate(seedText, random, applied).getBytes(StandardCharsets.ISO_8859_1));
            Outcome outcome = run(() -> files.read(file), "file case " + i + " " + applied);
            if (outcome.error() != null) {
                assertOneLine(outcome.error(), file.toString(), "file case " + i + " " + applied);
                errors++;
            } else {
                for (Structure s : outcome.structures()) {
                    assertValid(s, "file case " + i + " " + applied);
                }
            }
        }
        assertThat(errors).isGreaterThan(FILE_CASES / 4);
    }

    private record Outcome(List<Structure> structures, StructureFormatException error) {
    }

    /** Runs a read with the timeout; anything but a result or a StructureFormatException fails the test. */
    private static Outcome run(Callable<List<Structure>> read, String what) throws InterruptedException {
        Future<List<Structure>> future = executor.submit(read);
        try {
            List<Structure> structures = future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(structures).as(what).isNotEmpty().doesNotContainNull();
            return new Outcome(structures, null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StructureFormatException sfe) {
                return new Outcome(null, sfe);
            }
            throw new AssertionError(what + " threw " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            return fail(what + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
    }

    private static void assertOneLine(StructureFormatException e, String source, String what) {
        assertThat(e.getMessage()).as(what).startsWith(source + ":").doesNotContain("\n").doesNotContain("\r");
        assertThat(e.problem()).as(what).isNotBlank();
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

    /** One to three random mutations; their names are added to {@code applied} for failure messages. */
    static String mutate(String text, SplittableRandom random, List<String> applied) {
        String t = text;
        int count = 1 + random.nextInt(3);
        for (int k = 0; k < count; k++) {
            int kind = random.nextInt(14);
            applied.add("m" + kind);
            t = switch (kind) {
                case 0 -> deleteBytes(t, random);
                case 1 -> duplicateLine(t, random);
                case 2 -> deleteLine(t, random);
                case 3 -> t.substring(0, random.nextInt(t.length() + 1));
                case 4 -> insert(t, random, randomBytes(random, 1 + random.nextInt(8)));
                case 5 -> swapNumbers(t, random);
                case 6 -> replaceNumber(t, random, ODD_NUMBERS[random.nextInt(ODD_NUMBERS.length)]);
                case 7 -> insert(t, random, random.nextBoolean() ? "'" : "\"");
                case 8 -> noise(t, random);
                case 9 -> swapLines(t, random);
                case 10 -> insert(t, random, " " + KEYWORDS[random.nextInt(KEYWORDS.length)] + " ");
                case 11 -> insertLine(t, random, random.nextBoolean() ? ";" : "; text field " + random.nextInt(9));
                case 12 -> t + "\n" + t;
                default -> replaceNumber(t, random, random.nextBoolean() ? "1e" + (100 + random.nextInt(300))
                        : "-" + random.nextInt(1000) + "." + random.nextInt(1000));
            };
        }
        return t;
    }

    private static String deleteBytes(String t, SplittableRandom random) {
        if (t.isEmpty()) {
            return t;
        }
        int from = random.nextInt(t.length());
        return t.substring(0, from) + t.substring(Math.min(t.length(), from + 1 + random.nextInt(20)));
    }

    private static String insert(String t, SplittableRandom random, String what) {
        int at = random.nextInt(t.length() + 1);
        return t.substring(0, at) + what + t.substring(at);
    }

    private static String randomBytes(SplittableRandom random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) random.nextInt(256));
        }
        return sb.toString();
    }

    private static String noise(String t, SplittableRandom random) {
        if (t.isEmpty()) {
            return randomBytes(random, 32);
        }
        int from = random.nextInt(t.length());
        int length = 16 + random.nextInt(48);
        return t.substring(0, from) + randomBytes(random, length) + t.substring(Math.min(t.length(), from + length));
    }

    private static List<String> lines(String t) {
        return new ArrayList<>(List.of(t.split("\n", -1)));
    }

    private static String duplicateLine(String t, SplittableRandom random) {
        List<String> lines = lines(t);
        int i = random.nextInt(lines.size());
        lines.add(i, lines.get(i));
        return String.join("\n", lines);
    }

    private static String deleteLine(String t, SplittableRandom random) {
        List<String> lines = lines(t);
        lines.remove(random.nextInt(lines.size()));
        return String.join("\n", lines);
    }

    private static String swapLines(String t, SplittableRandom random) {
        List<String> lines = lines(t);
        java.util.Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
        return String.join("\n", lines);
    }

    private static String insertLine(String t, SplittableRandom random, String line) {
        List<String> lines = lines(t);
        lines.add(random.nextInt(lines.size() + 1), line);
        return String.join("\n", lines);
    }

    /** Number tokens (with their positions) of a text. */
    private static List<int[]> numbers(String t) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = NUMBER.matcher(t);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }

    private static String replaceNumber(String t, SplittableRandom random, String replacement) {
        List<int[]> spans = numbers(t);
        if (spans.isEmpty()) {
            return t;
        }
        int[] s = spans.get(random.nextInt(spans.size()));
        return t.substring(0, s[0]) + replacement + t.substring(s[1]);
    }

    private static String swapNumbers(String t, SplittableRandom random) {
        List<int[]> spans = numbers(t);
        if (spans.size() < 2) {
            return t;
        }
        int[] a = spans.get(random.nextInt(spans.size()));
        int[] b = spans.get(random.nextInt(spans.size()));
        if (a[0] == b[0]) {
            return t;
        }
        if (a[0] > b[0]) {
            int[] c = a;
            a = b;
            b = c;
        }
        return t.substring(0, a[0]) + t.substring(b[0], b[1]) + t.substring(a[1], b[0]) + t.substring(a[0], a[1])
                + t.substring(b[1]);
    }
}
