package org.pxrd.study.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.study.ChildJvm;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyDescription.NoiseType;
import org.pxrd.study.protocol.StudyDescription.Refined;
import org.pxrd.study.run.ResultsFile;
import org.pxrd.study.run.RunRecord;
import org.pxrd.study.run.RunSpec.GroupKey;
import org.pxrd.study.stats.MatchRate;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The report of a synthetic results folder whose statistics are known. */
class StudyReportTest {

    /**
     * Sampling spread at n = 400: Pearson's r has a standard error (1 − ρ²)/√n ≤ 0.05, Spearman's a similar
     * one, the KSG estimate about 0.03 nats; 0.12 is well beyond 2 standard errors for all three.
     */
    private static final double SAMPLING_TOLERANCE = 0.12;

    private static final GroupKey LOW_COSINE_FAMILY = new GroupKey(NoiseType.LATTICE, 0.05, Refined.LATTICE, "cosine",
            "family");

    @Test
    void theReportShowsTheKnownStatistics(@TempDir Path dir) throws Exception {
        StudyDescription study = SyntheticResults.write(dir);
        StudyReport.Written written = StudyReport.write(dir, PaperTables.bundled());
        StudyStatistics statistics = written.statistics();
        // paper-quick: 2 lattice levels x 4 losses x 2 projectors + 2 coordinate levels x 4 losses
        assertThat(statistics.groups()).hasSize(24);
        assertThat(written.records()).isEqualTo(24 * SyntheticResults.RUNS);
        for (GroupStatistics g : statistics.groups()) {
            String what = StudyStatistics.text(g.key());
            int k = SyntheticResults.matches(study, g.key());
            assertThat(g.runs()).as(what).isEqualTo(SyntheticResults.RUNS);
            // the failing run was designed as a non-match, so k stays; it also drops out of the pairs
            assertThat(g.rate()).as(what).isEqualTo(MatchRate.jeffreys(k, SyntheticResults.RUNS));
            boolean failing = g.key().equals(SyntheticResults.FAILING);
            assertThat(g.failed()).as(what).isEqualTo(failing ? 1 : 0);
            assertThat(g.pairs()).as(what).isEqualTo(SyntheticResults.RUNS - (failing ? 1 : 0));
            double rho = SyntheticResults.rho(study, g.key());
            assertThat(g.pearson()).as(what).isCloseTo(rho, within(SAMPLING_TOLERANCE));
            // Spearman of a bivariate normal: (6/pi) asin(rho/2) (Kendall and Gibbons, Rank correlation methods)
            assertThat(g.spearman()).as(what).isCloseTo(6 / Math.PI * Math.asin(rho / 2), within(SAMPLING_TOLERANCE));
            // mutual information of a bivariate normal: -1/2 ln(1 - rho^2) nats
            assertThat(g.mutualInformation()).as(what).isCloseTo(-0.5 * Math.log(1 - rho * rho),
                    within(SAMPLING_TOLERANCE));
        }
        // the tables carry the same numbers
        List<String> csv = Files.readAllLines(dir.resolve("tables/statistics.csv"));
        assertThat(csv).hasSize(25);
        assertThat(csv.get(0)).startsWith("noise,level,refine,loss,projector,runs,matches,failed,match_rate,ci_low");
        GroupStatistics g = statistics.get(LOW_COSINE_FAMILY);
        MatchRate r = g.rate();
        assertThat(csv).contains(String.join(",", "lattice", "0.05", "lattice", "cosine", "family", "400",
                String.valueOf(r.matches()), "0", Double.toString(r.rate()), Double.toString(r.lower()),
                Double.toString(r.upper()), "400", Double.toString(g.mutualInformation()),
                Double.toString(g.pearson()), Double.toString(g.spearman()), Double.toString(g.meanSteps())));
        // with no paper numbers the paper column is empty
        assertThat(Files.readAllLines(dir.resolve("tables/table1_mi.csv")).get(1)).endsWith(",");

        String report = Files.readString(dir.resolve(StudyReport.REPORT));
        assertThat(report).startsWith("# Study report: paper-quick\n");
        assertThat(report).contains("- Runs recorded: 9600 of 9600; failed: 1.").doesNotContain("missing");
        assertThat(report).contains(String.format(java.util.Locale.ROOT, "%.3f [%.3f, %.3f] (400)", r.rate(),
                r.lower(), r.upper()));
        // the designed findings: the projector wins everywhere (by 8 points: clearly at 0.05, within the
        // intervals at 0.15, where the rates are near 1/2), information falls with the level
        assertThat(report).contains("**family against unconstrained** (lattice noise, lattice refined): higher match"
                + " rate at 8 of 8 (level, loss) pairs; the 95% intervals do not overlap at 4 of them. It beats"
                + " unconstrained everywhere.");
        assertThat(report).contains("mutual information falls from σ = 0.05 to σ = 0.15 for 8 of 8");
        assertThat(report).contains("![Fig. 1: match rates](figures/fig1_match_rates.png)");
        // cost: every synthetic run takes 100 + distortion steps (distortion 0..39) and 0.01 s, so 24 conditions x
        // 10 structures x (40 x 100 + 780) = 1,147,200 steps, median 120, mean 119.5; 96 s, 0.0837 ms per step
        assertThat(report).contains("- Optimizer steps: 1147200 in all; per run median 120, mean 120; 0 run(s) stopped"
                + " at the step limit.");
        assertThat(report).contains("96 s, the sum of the runs' wall times").contains("; 0.084 ms per step.");
        assertThat(report).contains("| entropy | 2400 | 120 | 0.084 |");
        assertThat(report).contains("holds none of the paper's numbers yet");
        assertThat(report).contains("doi:10.1039/D6DD00017G");

        // figures: one panel per condition for Fig. 1, 4 losses x 3 rows for Fig. 4, with the loss colours drawn
        BufferedImage fig1 = ImageIO.read(dir.resolve("figures/fig1_match_rates.png").toFile());
        assertThat(fig1.getWidth()).isEqualTo(2 * StudyFigures.PANEL_WIDTH);
        assertThat(fig1.getHeight()).isEqualTo(StudyFigures.PANEL_HEIGHT);
        assertThat(countColour(fig1, new Color(0x0072B2))).as("blue cosine line").isGreaterThan(300);
        assertThat(countColour(fig1, new Color(0xD55E00))).as("vermilion mse line").isGreaterThan(300);
        BufferedImage fig4 = ImageIO.read(dir.resolve("figures/fig4_distance_similarity.png").toFile());
        assertThat(fig4.getWidth()).isEqualTo(4 * StudyFigures.PANEL_WIDTH);
        assertThat(fig4.getHeight()).isEqualTo(3 * StudyFigures.PANEL_HEIGHT);
        // Fig. 1 as SVG too: the same drawing, with its text as text and the loss colours
        Path svg = dir.resolve("figures/fig1_match_rates.svg");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element root = factory.newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("width")).isEqualTo(Integer.toString(2 * StudyFigures.PANEL_WIDTH));
        assertThat(root.getAttribute("height")).isEqualTo(Integer.toString(StudyFigures.PANEL_HEIGHT));
        NodeList texts = root.getElementsByTagName("text");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            words.add(texts.item(i).getTextContent());
        }
        assertThat(words).contains("lattice noise level σ", "cosine, family", "mse, none");
        assertThat(Files.readString(svg)).contains("rgb(0,114,178)").contains("rgb(213,94,0)");
    }

    @Test
    void theMatchRatesAreBrokenDownByStructure(@TempDir Path dir) throws Exception {
        StudyDescription study = SyntheticResults.write(dir);
        StudyReport.write(dir, PaperTables.bundled());
        // the oracle: the records counted here, per structure and condition
        Map<String, int[]> expected = new HashMap<>();
        List<String> structures = new ArrayList<>();
        for (RunRecord r : ResultsFile.read(dir.resolve(ResultsFile.NAME))) {
            int[] c = expected.computeIfAbsent(r.structure() + "/" + StudyStatistics.text(r.group()), k -> new int[2]);
            c[0] += r.match() ? 1 : 0;
            c[1]++;
            if (!structures.contains(r.structure())) {
                structures.add(r.structure());
            }
        }
        assertThat(structures).hasSize(10);
        List<String> csv = Files.readAllLines(dir.resolve("tables/match_by_structure.csv"));
        assertThat(csv.get(0)).isEqualTo("structure,noise,level,refine,loss,projector,runs,matches,match_rate,ci_low,"
                + "ci_high");
        assertThat(csv).hasSize(1 + 10 * 24);
        Map<String, int[]> totals = new HashMap<>();
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            String condition = f[1] + "@" + f[2] + "/" + f[3] + "/" + f[4] + "/" + f[5];
            int runs = Integer.parseInt(f[6]);
            int matches = Integer.parseInt(f[7]);
            assertThat(new int[] {matches, runs}).as(line).isEqualTo(expected.get(f[0] + "/" + condition));
            MatchRate rate = MatchRate.jeffreys(matches, runs);
            assertThat(f[9]).as(line).isEqualTo(Double.toString(rate.lower()));
            int[] t = totals.computeIfAbsent(condition, k -> new int[2]);
            t[0] += matches;
            t[1] += runs;
        }
        // the structures of a condition add up to its designed totals
        for (GroupKey key : StudyStatistics.groupsOf(study)) {
            assertThat(totals.get(StudyStatistics.text(key))).as(StudyStatistics.text(key))
                    .containsExactly(SyntheticResults.matches(study, key), SyntheticResults.RUNS);
        }
        // the report's table pools the four losses: 4 x 40 runs a cell
        String report = Files.readString(dir.resolve(StudyReport.REPORT));
        assertThat(report).contains("## Match rate per structure").contains("| structure | σ = 0.05, none | σ = 0.05, "
                + "family | σ = 0.15, none | σ = 0.15, family |");
        String last = structures.get(9);
        int matched = 0;
        for (String loss : List.of("cosine", "mse", "entropy", "crosscorrelation")) {
            matched += expected.get(last + "/lattice@0.15/lattice/" + loss + "/family")[0];
        }
        assertThat(report).containsPattern("\\| " + last + " \\|( [^|]+\\|){3} "
                + String.format(Locale.ROOT, "%.2f \\(%d/160\\)", matched / 160.0, matched) + " \\|\n");
    }

    @Test
    void theUnconstrainedRunsThatEndedUphillAreCounted(@TempDir Path dir) throws Exception {
        StudyDescription study = SyntheticResults.write(dir);
        StudyReport.write(dir, PaperTables.bundled());
        String report = Files.readString(dir.resolve(StudyReport.REPORT));
        // the oracle: the records counted here (uphill: final loss above start loss + 1e-4), unconstrained only
        Map<GroupKey, int[]> groups = new HashMap<>();
        Map<String, int[]> cells = new HashMap<>();
        for (RunRecord r : ResultsFile.read(dir.resolve(ResultsFile.NAME))) {
            boolean up = r.lossFinal() > r.lossStart() + 1e-4;
            int[] g = groups.computeIfAbsent(r.group(), k -> new int[3]);
            g[0] += up ? 1 : 0;
            g[1] += up && !r.match() ? 1 : 0;
            g[2]++;
            if (r.projector().equals("none")) {
                int[] c = cells.computeIfAbsent(r.structure() + ", " + r.loss() + ", " + r.noise().title(),
                        k -> new int[2]);
                c[0] += up ? 1 : 0;
                c[1]++;
            }
        }
        String section = report.substring(report.indexOf("## Unconstrained runs that ended uphill"),
                report.indexOf("## Cost of the refinements"));
        assertThat(section).contains("### lattice noise, lattice refined\n\n| σ | cosine | mse | entropy | "
                + "crosscorrelation |\n").contains("### coordinate noise, coordinates refined\n\n");
        int unmatched = 0;
        for (GroupKey key : StudyStatistics.groupsOf(study)) {
            int[] g = groups.get(key);
            // the design: the near-uphill run (half the tolerance above) is not counted, projected runs are left out
            assertThat(g[0]).as(StudyStatistics.text(key)).isEqualTo(SyntheticResults.uphill(study, key));
            unmatched += key.projector().equals("none") ? g[1] : 0;
        }
        // the uphill runs include matched ones (i = 1) and unmatched ones (i = 195 at the higher levels)
        assertThat(unmatched).isPositive().isLessThan(groups.entrySet().stream()
                .filter(e -> e.getKey().projector().equals("none")).mapToInt(e -> e.getValue()[0]).sum());
        for (GroupKey key : StudyStatistics.groupsOf(study)) {
            if (key.projector().equals("none")) {
                int[] g = groups.get(key);
                String cell = String.format(Locale.ROOT, " %d/%d (%d) |", g[0], g[2], g[1]);
                int column = List.of("cosine", "mse", "entropy", "crosscorrelation").indexOf(key.loss());
                assertThat(section).as(StudyStatistics.text(key)).containsPattern("\\| "
                        + String.valueOf(key.level()).replace(".", "\\.") + " \\|( [^|\n]+\\|){" + column + "}"
                        + cell.replace("(", "\\(").replace(")", "\\)").replace("|", "\\|"));
            }
        }
        // the five cells with the most uphill runs, with their counts
        int most = cells.values().stream().mapToInt(c -> c[0]).max().orElseThrow();
        String named = section.substring(section.indexOf("Most uphill runs"));
        String[] entries = named.substring(named.indexOf(": ") + 2, named.indexOf(".\n")).split("; ");
        assertThat(entries).hasSize(UphillRuns.NAMED_CELLS);
        for (int i = 0; i < entries.length; i++) {
            String name = entries[i].substring(0, entries[i].lastIndexOf(": "));
            int[] c = cells.get(name);
            assertThat(entries[i]).endsWith(": " + c[0] + " of " + c[1]);
            if (i == 0) {
                assertThat(c[0]).isEqualTo(most);
            }
        }
    }

    @Test
    void thePapersNumbersStandBesideOurs(@TempDir Path dir) throws Exception {
        SyntheticResults.write(dir);
        // made-up numbers for this test only (the bundled file holds the paper's)
        PaperTables paper = PaperTables.parse("""
                # test numbers
                table,noise,level,loss,projector,value
                table1_mi,lattice,0.05,cosine,family,0.812
                tableS1_pearson,lattice,0.05,cosine,family,-0.7
                """, "test-paper.csv");
        StudyReport.write(dir, paper);
        List<String> mi = Files.readAllLines(dir.resolve("tables/table1_mi.csv"));
        assertThat(mi).anySatisfy(l -> assertThat(l).startsWith("lattice,0.05,lattice,cosine,family,400,")
                .endsWith(",0.812"));
        assertThat(mi.stream().filter(l -> l.endsWith(",0.812")).count()).isEqualTo(1);
        String report = Files.readString(dir.resolve(StudyReport.REPORT));
        assertThat(report).contains("Cells: ours (paper).").contains("(0.812)").contains("(-0.700)")
                .contains("2 numbers from `test-paper.csv`").contains("> test numbers");
    }

    @Test
    void theSameResultsGiveTheSameReportAndTables(@TempDir Path dir) throws Exception {
        SyntheticResults.write(dir.resolve("a"));
        SyntheticResults.write(dir.resolve("b"));
        StudyReport.write(dir.resolve("a"));
        StudyReport.write(dir.resolve("b"));
        for (String file : List.of("report.md", "tables/statistics.csv", "tables/table1_mi.csv",
                "tables/tableS1_pearson.csv", "tables/tableS2_spearman.csv", "tables/match_by_structure.csv")) {
            assertThat(Files.readString(dir.resolve("b").resolve(file))).as(file)
                    .isEqualTo(Files.readString(dir.resolve("a").resolve(file)));
        }
    }

    @Test
    void theReportDrawsOnAPlainJvmWithoutADisplay(@TempDir Path dir) throws Exception {
        // no display, and AWT told it is not headless (as the test runtime's options say): without the switch
        // to headless mode, drawing would fail to reach an X server
        Process child = ChildJvm.start(ReportProbe.class, Map.of("DISPLAY", "", "WAYLAND_DISPLAY", ""),
                List.of("-Djava.awt.headless=false"), dir.toString());
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("headless=true records=9600");
        assertThat(ImageIO.read(dir.resolve("figures/fig1_match_rates.png").toFile()).getWidth())
                .isEqualTo(2 * StudyFigures.PANEL_WIDTH);
    }

    @Test
    void badPaperTablesAndFoldersAreNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> PaperTables.parse("table,noise,level,loss,projector,value\ntable9,lattice,0.1,a,b,1\n",
                "p.csv")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p.csv:2: unknown table 'table9' (known: table1_mi, tableS1_pearson, tableS2_spearman)");
        assertThatThrownBy(() -> PaperTables.parse("a,b\n", "p.csv")).hasMessage("p.csv:1: expected the header "
                + "table,noise,level,loss,projector,value");
        assertThatThrownBy(() -> StudyReport.write(dir)).hasMessageContaining("is not a study folder");
        assertThat(PaperTables.bundled().comments()).anySatisfy(c -> assertThat(c).contains("Segal"));
    }

    private static int countColour(BufferedImage image, Color colour) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }
}
