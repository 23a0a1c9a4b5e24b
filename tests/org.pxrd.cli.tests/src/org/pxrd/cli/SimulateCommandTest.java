package org.pxrd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.examples.Examples;

/** {@code pxrd simulate} and {@code pxrd bench simulate}: outputs, the stated wavelength, many files, bad input. */
class SimulateCommandTest {

    @TempDir
    Path dir;

    /** A study structure written as a CIF file. */
    private Path cif(String name) throws IOException {
        Path f = dir.resolve(name + ".cif");
        Files.copy(Examples.folder().resolve("study10/p1/" + name + ".cif"), f);
        return f;
    }

    private static List<String> data(String csv) {
        return csv.lines().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void peaksGoToStdoutWithTheWavelengthStated() throws Exception {
        CliRun run = CliRun.of("simulate", cif("mp-947_Au2S_sg224").toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("# wavelength=1.5406 (1.5406 Å)");
        List<String> lines = data(run.out());
        assertThat(lines.get(0)).isEqualTo("two_theta,intensity,d,h,k,l,multiplicity");
        double max = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertThat(f).hasSize(7);
            max = Math.max(max, Double.parseDouble(f[1]));
        }
        assertThat(max).isEqualTo(100.0);
        // Au2S (Pn-3m, a = 5.3471 Å): the (110) reflections, 12 of them, come first
        assertThat(lines.get(1)).startsWith("23.5").endsWith(",1,1,0,12");
    }

    @Test
    void peaksAndPatternFilesWithNamedLineRangeAndProfile() throws Exception {
        Path peaks = dir.resolve("p.csv");
        Path pattern = dir.resolve("y.csv");
        CliRun run = CliRun.of("simulate", cif("mp-1709_U2Ti_sg191").toString(), "--wavelength", "CuKa1",
                "--peaks", peaks.toString(), "--pattern", pattern.toString(), "--two-theta", "10:80:0.02", "--profile",
                "0.2,0.02,0.05,0.3");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        String y = Files.readString(pattern);
        assertThat(y).contains("# wavelength=1.54056 (1.54056 Å (CuKa1))").contains("# two_theta=10:80:0.02")
                .contains("U=0.2,V=0.02,W=0.05,eta=0.3");
        List<String> rows = data(y);
        assertThat(rows.get(0)).isEqualTo("two_theta,intensity");
        assertThat(rows).hasSize(3501);
        assertThat(rows.get(1)).startsWith("10.010000,");
        double max = rows.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).max().orElseThrow();
        assertThat(max).isEqualTo(1.0);
        assertThat(Files.readString(peaks)).contains("# wavelength=1.54056").contains("two_theta,intensity,d,h,k,l");
    }

    @Test
    void doubletIsStatedInTheHeader() throws Exception {
        CliRun run = CliRun.of("simulate", cif("mp-1009133_MnCo_sg221").toString(), "--wavelength", "CuKa",
                "--doublet", "--pattern");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("# wavelength=1.54056+1.54439:0.5");
    }

    @Test
    void manyFilesInOneCallWriteOneFileEachTheSameOnAnyThreadCount() throws Exception {
        List<String> names = Examples.studyStructuresP1().stream()
                .map(p -> p.getFileName().toString().replace(".cif", "")).toList();
        String[] args = new String[names.size() + 6];
        for (int i = 0; i < names.size(); i++) {
            args[i] = cif(names.get(i)).toString();
        }
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        System.arraycopy(new String[] {"--out-dir", one.toString(), "--peaks", "--pattern", "--threads", "1"}, 0, args,
                names.size(), 6);
        String[] first = Arrays.copyOf(args, args.length);
        CliRun run = CliRun.of(prepend("simulate", first));
        assertThat(run.status()).as(run.err()).isZero();
        args[names.size() + 1] = two.toString();
        args[names.size() + 5] = "3";
        assertThat(CliRun.of(prepend("simulate", args)).status()).isZero();
        for (String name : names) {
            for (String kind : List.of(".peaks.csv", ".pattern.csv")) {
                Path a = one.resolve(name + kind);
                assertThat(a).exists();
                assertThat(Files.readString(two.resolve(name + kind)).replace(two.toString(), "")
                        .replace(dir.toString(), "")).isEqualTo(Files.readString(a).replace(dir.toString(), ""));
            }
        }
        assertThat(run.err()).contains("10 of 10 files written");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void unknownWavelengthNameIsOneLine() throws Exception {
        CliRun run = CliRun.of("simulate", cif("mp-1709_U2Ti_sg191").toString(), "--wavelength", "CuKalpha");
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n").contains("unknown wavelength 'CuKalpha'").contains("CuKa1");
    }

    @Test
    void badRangesAreOneLine() throws Exception {
        Path f = cif("mp-1709_U2Ti_sg191");
        for (String[] bad : new String[][] {{"--two-theta", "90:0:0.01", "0 <= min < max"},
                {"--two-theta", "0:90", "min:max:step"}, {"--two-theta", "0:90:0.007", "whole number of steps"},
                {"--profile", "0.1,0.01", "U,V,W,eta"}, {"--profile", "0,0,-1,0.1", "no positive peak width"},
                {"--scale", "log", "--scale must be one of"}, {"--doublet", "", "no Kα2 line is known"}}) {
            CliRun run = bad[1].isEmpty() ? CliRun.of("simulate", f.toString(), bad[0])
                    : CliRun.of("simulate", f.toString(), bad[0], bad[1]);
            assertThat(run.status()).as(bad[0] + " " + bad[1]).isEqualTo(Pxrd.EXIT_FAILURE);
            assertThat(run.err().strip()).as(bad[0]).doesNotContain("\n").contains(bad[2]);
        }
    }

    @Test
    void unreadableFileIsNamedAndTheOthersAreStillWritten() throws Exception {
        Path good = cif("mp-1009077_FeH_sg225");
        Path missing = dir.resolve("missing.cif");
        Path broken = dir.resolve("broken.cif");
        Files.writeString(broken, "data_x\n_cell_length_a 3\n");
        CliRun single = CliRun.of("simulate", missing.toString());
        assertThat(single.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(single.err().strip()).doesNotContain("\n").contains(missing.toString()).contains("no such file");

        Path out = dir.resolve("out");
        CliRun run = CliRun.of("simulate", good.toString(), missing.toString(), broken.toString(), "--out-dir",
                out.toString());
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(out.resolve("mp-1009077_FeH_sg225.peaks.csv")).exists();
        assertThat(out.resolve("mp-1009077_FeH_sg225.pattern.csv")).exists();
        assertThat(out.resolve("missing.peaks.csv")).doesNotExist();
        assertThat(run.err()).contains(missing + ": no such file").contains("broken.cif").contains("1 of 3 files");
        try (var listing = Files.list(out)) {
            assertThat(listing.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void severalFilesNeedAnOutputDirectory() throws Exception {
        CliRun run = CliRun.of("simulate", cif("mp-1709_U2Ti_sg191").toString(), cif("mp-947_Au2S_sg224").toString());
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.err()).contains("--out-dir");
    }

    @Test
    void benchReportsPerStructureAndMachineReadableMedians() throws Exception {
        CliRun run = CliRun.of("bench", "simulate", "--warmup-ms", "20", "--repeats", "3", "--batch-ms", "2",
                cif("mp-1009077_FeH_sg225").toString(), cif("mp-1709_U2Ti_sg191").toString());
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = run.out().strip().lines().toList();
        assertThat(lines.get(0)).startsWith("# pxrd bench simulate: wavelength=1.5406");
        assertThat(lines.get(1)).isEqualTo("structure,sites,reflections,profile_peaks,pattern_ms,step_ms,step_cpu_ms");
        assertThat(lines.get(2)).startsWith("FeH,2,50,");
        assertThat(lines.get(3)).startsWith("U2Ti,3,178,");
        assertThat(lines.get(lines.size() - 1)).matches("median_pattern_ms=\\d+\\.\\d+ median_step_ms=\\d+\\.\\d+");
    }

    @Test
    void benchAtDistortedLatticesBreaksTheSymmetry() throws Exception {
        Path feh = cif("mp-1009077_FeH_sg225");
        CliRun plain = CliRun.of("bench", "simulate", "--warmup-ms", "0", "--repeats", "1", "--batch-ms", "1",
                feh.toString());
        CliRun distorted = CliRun.of("bench", "simulate", "--warmup-ms", "0", "--repeats", "1", "--batch-ms", "1",
                "--perturb", "0.05", "--seed", "7", feh.toString());
        assertThat(distorted.status()).as(distorted.err()).isZero();
        // FeH (Fm-3m): 50 reflections at 4 positions; a distorted lattice keeps only the Friedel pairs together
        assertThat(plain.out()).contains("\nFeH,2,50,4,");
        assertThat(distorted.out()).contains("perturb=0.05 seed=7");
        String[] row = distorted.out().lines().filter(l -> l.startsWith("FeH,")).findFirst().orElseThrow().split(",");
        assertThat(Integer.parseInt(row[3])).isEqualTo(Integer.parseInt(row[2]) / 2);
        CliRun bad = CliRun.of("bench", "simulate", "--perturb", "0.7", feh.toString());
        assertThat(bad.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(bad.err()).contains("--perturb must lie in [0, 0.5)");
    }

    @Test
    void benchDefaultsToTheBundledStudyStructures() {
        CliRun run = CliRun.of("bench", "simulate", "--warmup-ms", "0", "--repeats", "1", "--batch-ms", "1");
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = run.out().strip().lines().toList();
        assertThat(lines).hasSize(13);
        assertThat(lines.get(lines.size() - 1)).startsWith("median_pattern_ms=");
    }

    @Test
    void helpListsTheOptions() {
        CliRun run = CliRun.of("simulate", "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("--wavelength").contains("--out-dir").contains("--two-theta").contains("--profile");
        assertThat(CliRun.of("bench", "simulate", "--help").out()).contains("median_pattern_ms").contains("--perturb");
    }

    @Test
    void benchWithoutWhatIsAUsageError() {
        CliRun run = CliRun.of("bench");
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_USAGE);
        assertThat(run.err()).contains("simulate");
    }
}
