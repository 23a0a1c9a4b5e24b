package org.pxrd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ExtensionSource;
import org.pxrd.core.extensions.ExtensionSources;

import picocli.CommandLine;

/** The command-line contract: results on stdout, one-line errors on stderr, exit status. */
class PxrdCommandTest {

    /** Width of the summary column of 'pxrd --help' (80 columns less the command names). */
    private static final int SUMMARY_WIDTH = 64;

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
    void everyCommandHasAHelpWithAOneSentenceSummary() {
        StringWriter sink = new StringWriter();
        PrintWriter discard = new PrintWriter(sink);
        List<CommandLine> commands = new ArrayList<>();
        collect(Pxrd.commandLine(new CliContext(ExtensionSources.detect(), discard, discard)), commands);
        assertThat(commands).hasSizeGreaterThan(20);
        for (CommandLine command : commands) {
            String name = command.getCommandSpec().qualifiedName();
            List<String> args = new ArrayList<>(List.of(name.split(" ")).subList(1, name.split(" ").length));
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.status()).as(name + " --help: " + run.err()).isZero();
            assertThat(run.out()).as(name).startsWith("Usage: " + name);
            if (command.getParent() != null) {
                // the first description line is what the parent's help lists: one whole sentence that fits its column
                String[] description = command.getCommandSpec().usageMessage().description();
                assertThat(description).as(name).isNotEmpty();
                assertThat(description[0]).as(name).endsWith(".").hasSizeLessThanOrEqualTo(SUMMARY_WIDTH);
            }
        }
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().distinct()
                .filter(sub -> !(sub.getCommand() instanceof CommandLine.HelpCommand))
                .forEach(sub -> collect(sub, into));
    }

    @Test
    void theHelpAUsageErrorPointsToWorks() {
        CliRun run = CliRun.of("study", "merge", "--frobnicate");
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_USAGE);
        Matcher hint = Pattern.compile("\\(see 'pxrd ([^']*)'\\)").matcher(run.err());
        assertThat(hint.find()).as(run.err()).isTrue();
        assertThat(hint.group(1)).isEqualTo("study merge --help");
        CliRun help = CliRun.of(hint.group(1).split(" "));
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("--out");
    }

    @Test
    void anErrorThrownByAPluginIsAFailureWithAOneLineMessage() {
        // e.g. a plugin built against a class the installation lacks: an Error, which picocli's handlers let through
        ExtensionSource broken = new ExtensionSource() {
            @Override
            public List<String> extensionPoints() {
                throw new NoClassDefFoundError("org/example/Missing");
            }

            @Override
            public List<Contribution> contributions(String extensionPointId) {
                return List.of();
            }

            @Override
            public Class<?> loadClass(Contribution contribution) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> problems() {
                return List.of();
            }

            @Override
            public String describe() {
                return "a source that breaks";
            }
        };
        CliRun run = CliRun.with(broken, "plugins");
        assertThat(run.status()).isEqualTo(Pxrd.EXIT_FAILURE);
        assertThat(run.err().strip()).doesNotContain("\n").contains("NoClassDefFoundError").contains("org/example/Missing");
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
