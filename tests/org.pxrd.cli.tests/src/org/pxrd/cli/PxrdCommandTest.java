package org.pxrd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The command-line contract: results on stdout, one-line errors on stderr, exit status. */
class PxrdCommandTest {

    @Test
    void versionNamesTheProductAndJava() {
        CliRun run = CliRun.of("--version");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("pxrd 0.1.0").contains("PXRD Workbench").contains("Java");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("plugins").contains("demo").contains("--debug");
    }

    @Test
    void unknownCommandIsOneLineOnStderrWithUsageStatus() {
        CliRun run = CliRun.of("no-such-command");
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n").contains("unknown command 'no-such-command'");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("plugins", "--frobnicate");
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_USAGE);
        assertThat(run.err().strip()).doesNotContain("\n").contains("--frobnicate");
    }

    @Test
    void pluginsListsPointsContributionsAndBundlesTabSeparated() {
        CliRun run = CliRun.of("plugins");
        assertThat(run.status()).isZero();
        assertThat(run.out()).isNotBlank();
        for (String line : run.out().strip().split("\n")) {
            String[] fields = line.split("\t", -1);
            assertThat(fields).as(line).hasSize(3);
            assertThat(fields[0]).startsWith("org.pxrd.");
        }
    }

    @Test
    void demoRunsHeadless() {
        CliRun run = CliRun.of("demo");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("BPO4").contains("I-4").contains("mp-1709_U2Ti").contains("P6/mmm").doesNotContain("NaN");
        // the refinement table: the multi-start L-BFGS recovers at least the issue-7 share of the sigma=0.05 starts
        Matcher recovered = Pattern.compile(
                "gradient descent (\\d+)/10, L-BFGS x5 (\\d+)/10").matcher(run.out());
        assertThat(recovered.find()).as(run.out()).isTrue();
        assertThat(Integer.parseInt(recovered.group(2))).as(run.out()).isGreaterThanOrEqualTo(9);
    }
}
