package org.pxrd.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.optimization.run.CancellationToken;
import org.pxrd.study.protocol.Presets;
import org.pxrd.study.protocol.StructureSets.StructureFile;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyFormat;
import org.pxrd.study.protocol.StudyFormatException;
import org.pxrd.study.report.StudyReport;
import org.pxrd.study.run.DistortionRun;
import org.pxrd.study.run.RefinementDistortionRun;
import org.pxrd.study.run.ProgressBar;
import org.pxrd.study.run.ResultsFile;
import org.pxrd.study.run.Shard;
import org.pxrd.study.run.StudyFolder;
import org.pxrd.study.run.StudyPlan;
import org.pxrd.study.run.StudyRunException;
import org.pxrd.study.run.StudyRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pxrd study PRESET|FILE --out DIR [--resume] [--shard i/n] [--threads N]}: runs a study (Segal et al.
 * 2026 and variations) into a folder: every finished run is appended to {@code DIR/results.jsonl} at once, a
 * progress line goes to stderr, and at the end (also after Ctrl-C) {@code DIR/report.md} is written and a JSON
 * summary printed. Subcommands: {@code merge}, {@code report}, {@code describe}.
 *
 * <p>Before anything runs, the description, the structure files, the shard, the thread count and the output
 * folder and every contribution the study names are all checked, so a bad study fails at once with one line. The
 * refinement of one run is the refinement engine's ({@link RefinementDistortionRun}).
 */
@Command(name = "study", sortOptions = false, subcommands = {StudyMergeCommand.class, StudyReportCommand.class,
    StudyRematchCommand.class, StudyDescribeCommand.class}, description = {
        "Run a study of refinements into a folder.",
        "PRESET is paper or paper-quick; a study FILE is JSON (see 'pxrd study describe paper' for an example). "
            + "Finished runs go to DIR/results.jsonl at once; --resume continues a study that was interrupted "
            + "(even by kill -9); --shard i/n runs a deterministic share (merge shards with 'pxrd study merge'). "
            + "Prints a JSON summary and writes DIR/report.md."})
final class StudyCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for the running runs to stop at their next step, the report and the summary. */
    private static final long INTERRUPT_GRACE_SECONDS = 30;

    // not required for picocli, which would then demand them before the subcommands too: call() checks them
    @Parameters(index = "0", arity = "0..1", paramLabel = "PRESET|FILE",
            description = "A preset (paper, paper-quick) or a study file.")
    String study;

    @Option(names = "--out", paramLabel = "DIR", description = "The study folder (created if needed).")
    Path out;

    @Option(names = "--resume", description = "Continue the study already in DIR, skipping its finished runs.")
    boolean resume;

    @Option(names = "--shard", paramLabel = "i/n", description = "Run only shard i of n (a deterministic share).")
    String shard;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Spec
    CommandSpec spec;

    private final CliContext context;
    private final Function<StudyPlan, DistortionRun> engine;

    StudyCommand(CliContext context) {
        this(context, plan -> refinementEngine(context, plan));
    }

    /** A command whose runs use the given run function (tests). */
    StudyCommand(CliContext context, Function<StudyPlan, DistortionRun> engine) {
        this.context = context;
        this.engine = engine;
    }

    /**
     * The run function of the refinement engine ({@link RefinementDistortionRun}), every contribution the study
     * names resolved before the first run: an unknown id or a bad setting is one line.
     */
    private static DistortionRun refinementEngine(CliContext context, StudyPlan plan) {
        try {
            return RefinementDistortionRun.prepare(context.extensions(), plan.study());
        } catch (ContributionException e) {
            throw new CliException(plan.study().name() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CliException(plan.study().name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Integer call() {
        if (study == null || out == null) {
            throw new ParameterException(spec.commandLine(), study == null
                    ? "Missing required parameter: 'PRESET|FILE'" : "Missing required option: '--out=DIR'");
        }
        StudyDescription description = load(study);
        StudyPlan plan = plan(description);
        Shard share = shard == null ? Shard.ALL : parseShard(shard);
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new CliException("--threads must be at least 1, got " + workers);
        }
        for (StructureFile f : plan.structures()) {
            context.readStructure(f.path());
        }
        try {
            StudyFolder.check(out, plan, share, resume);
        } catch (StudyRunException e) {
            throw new CliException(e.getMessage(), e);
        }
        DistortionRun function = engine.apply(plan);
        return run(plan, share, workers, function);
    }

    private int run(StudyPlan plan, Shard share, int workers, DistortionRun function) {
        CancellationToken token = new CancellationToken();
        InterruptGuard guard = new InterruptGuard(token);
        try {
            StudyRunner.Summary summary;
            try {
                StudyFolder.prepare(out, plan, share, resume);
                try (ResultsFile results = ResultsFile.open(out.resolve(ResultsFile.NAME))) {
                    if (results.recovered() != null) {
                        context.err().println("pxrd study: " + results.recovered());
                    }
                    ProgressBar progress = new ProgressBar(context.err(), plan.study().name(), stderrIsTerminal(),
                            System::nanoTime);
                    summary = new StudyRunner(function, context::readStructure, workers).run(plan, share, results,
                            progress, token);
                }
            } catch (StudyRunException e) {
                throw new CliException(e.getMessage(), e);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("study", plan.study().name());
            json.put("out", out.toString());
            json.put("shard", share.toString());
            json.put("runs", summary.shardRuns());
            json.put("already_done", summary.alreadyDone());
            json.put("finished", summary.finished());
            json.put("failed", summary.failed());
            json.put("missing", summary.missing());
            json.put("report", report(out).toString());
            context.printJson(json);
            if (summary.missing() > 0) {
                throw new CliException("the study was interrupted with " + summary.missing() + " runs to go: run the"
                        + " same command with --resume to finish it");
            }
            return 0;
        } finally {
            guard.close();
        }
    }

    /**
     * While open, a JVM shutdown (Ctrl-C) cancels the study and waits, up to {@link #INTERRUPT_GRACE_SECONDS},
     * until the command has recorded its running runs, written the report and printed its summary
     * ({@link #close()}).
     */
    private static final class InterruptGuard {

        private final CountDownLatch done = new CountDownLatch(1);
        private final Thread hook;

        InterruptGuard(CancellationToken token) {
            hook = new Thread(() -> {
                token.cancel();
                try {
                    done.await(INTERRUPT_GRACE_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "pxrd-study-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        void close() {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the command is done
            }
        }
    }

    /** Writes the report of a study folder; a failure to write it is an error naming the folder. */
    static Path report(Path dir) {
        try {
            return StudyReport.writeHeadless(dir).report();
        } catch (IOException e) {
            throw new CliException("cannot write the report in " + dir + ": " + e.getMessage(), e);
        } catch (StudyRunException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** A preset by name, or a study file. */
    static StudyDescription load(String presetOrFile) {
        try {
            return Presets.isPreset(presetOrFile) ? Presets.load(presetOrFile)
                    : StudyFormat.read(Path.of(presetOrFile));
        } catch (StudyFormatException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** The plan of a description (its structure files listed). */
    static StudyPlan plan(StudyDescription description) {
        try {
            return StudyPlan.expand(description);
        } catch (StudyFormatException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private static Shard parseShard(String text) {
        try {
            return Shard.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException("--shard: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the progress line goes to a terminal (redrawn in place) rather than a log. A console exists only
     * on a terminal up to Java 21; from Java 22 on, {@code Console.isTerminal()} says (called reflectively, as
     * the bundle compiles for Java 21).
     */
    private static boolean stderrIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
