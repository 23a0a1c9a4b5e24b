package org.pxrd.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.jar.Manifest;

import org.pxrd.core.extensions.ExtensionSource;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code pxrd} command: dispatches to one subcommand per task. Results go to stdout, diagnostics to
 * stderr; the exit status is 0 on success, 1 when a command fails on its input, 2 for bad usage (unknown
 * command or option). Errors are one line; {@code --debug} adds the stack trace.
 */
@Command(name = "pxrd", versionProvider = Pxrd.Version.class, sortOptions = false,
        description = "PXRD Workbench: refine crystal structures against powder X-ray diffraction patterns.",
        subcommands = {
            PluginsCommand.class,
            DemoCommand.class,
            InfoCommand.class,
            ConvertCommand.class,
            PerturbCommand.class,
            RelaxCommand.class,
            RefineCommand.class,
            MatchCommand.class,
            AmdCommand.class,
            LossCommand.class,
            SymmetryCommand.class,
            StandardizeCommand.class,
            StudyCommand.class,
            LandscapeCommand.class,
            SimulateCommand.class,
            PreprocessCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class Pxrd {

    /** Exit status when a command fails on its input. */
    public static final int EXIT_FAILURE = 1;
    /** Exit status for bad usage. */
    public static final int EXIT_USAGE = 2;

    private static final String HELP_DESCRIPTION = "Show this help, then exit.";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = HELP_DESCRIPTION)
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version, then exit.")
    boolean version;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors (for bug reports).")
    boolean debug;

    private Pxrd() {
    }

    /**
     * Runs one command line.
     *
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err, ExtensionSource extensions) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            return commandLine(new CliContext(extensions, o, e)).execute(args);
        } catch (RuntimeException | Error ex) {
            // what picocli's handlers do not catch (an Error in a command, a broken command tree) must still give a
            // message and a failure status: escaping into Equinox, it would only be logged and the JVM exit with 0
            e.println("pxrd: internal error: " + firstLine(ex.toString()));
            if (Arrays.asList(args).contains("--debug")) {
                ex.printStackTrace(e);
            }
            return EXIT_FAILURE;
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** The configured command tree (also used by tests and the help of the workbench). */
    public static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new Pxrd(), new ContextFactory(context));
        addHelpOptions(cli);
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(Pxrd::usageError);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            return failure(ex, commandLine, debug);
        });
        return cli;
    }

    /** Gives every command below {@code cli} a {@code -h, --help} option, as the usage errors suggest. */
    private static void addHelpOptions(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null) {
                spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description(HELP_DESCRIPTION).build());
            }
            addHelpOptions(sub);
        }
    }

    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        String message = ex.getMessage();
        if (ex instanceof UnmatchedArgumentException u && cli.getCommandSpec().name().equals("pxrd")
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + u.getUnmatched().get(0) + "'";
        }
        err.println(cli.getCommandSpec().qualifiedName() + ": " + firstLine(message) + " (see '" + cli.getCommandSpec().qualifiedName()
                + " --help')");
        return EXIT_USAGE;
    }

    private static int failure(Exception ex, CommandLine cli, boolean debug) {
        PrintWriter err = cli.getErr();
        String what = ex instanceof CliException ? "" : ex.getClass().getSimpleName() + ": ";
        err.println(cli.getCommandSpec().qualifiedName() + ": " + what + firstLine(String.valueOf(ex.getMessage())));
        if (debug) {
            ex.printStackTrace(err);
        }
        return EXIT_FAILURE;
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Version of the {@code org.pxrd.cli} bundle and the Java runtime. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pxrd " + bundleVersion() + " (PXRD Workbench), Java " + Runtime.version()};
        }
    }

    /** The Bundle-Version of this bundle, from its manifest. */
    public static String bundleVersion() {
        try (InputStream in = Pxrd.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
            if (in != null) {
                String v = new Manifest(in).getMainAttributes().getValue("Bundle-Version");
                if (v != null) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    /** Creates commands, handing the {@link CliContext} to constructors that take one. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> withContext = cls.getDeclaredConstructor(CliContext.class);
                withContext.setAccessible(true);
                return withContext.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
