package org.pxrd.study.run;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.pxrd.optimization.run.RunStatus;

/**
 * A progress line on stderr: {@code study paper: 120/1200 runs (10.0%), 2.41 runs/s, ETA 7m28s, 3 failed}.
 * The rate counts the runs finished in this session per second since it started; the ETA is the remaining runs
 * at that rate.
 *
 * <p>On a terminal the line is redrawn in place ({@code \r}) at most every {@link #TERMINAL_INTERVAL_NANOS};
 * otherwise (a log file, a cluster job) a new line is printed at most every {@link #LOG_INTERVAL_NANOS}, so logs
 * stay short. The last state is always printed when the study ends.
 */
public final class ProgressBar implements Progress {

    /** Redraw interval on a terminal: smooth without flooding it. */
    public static final long TERMINAL_INTERVAL_NANOS = 200_000_000L;

    /** Interval between lines in a log: a 1-hour study writes a few hundred lines. */
    public static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final String name;
    private final boolean terminal;
    private final LongSupplier clock;
    private int total;
    private int alreadyDone;
    private int finishedNow;
    private int failed;
    private long startNanos;
    private long lastPrint;
    private int lastWidth;

    /**
     * @param err where the line goes
     * @param name the study's name, at the start of the line
     * @param terminal whether {@code err} is a terminal (redraw in place) or a log (new lines)
     * @param clock a monotonic clock in nanoseconds ({@code System::nanoTime}; tests pass their own)
     */
    public ProgressBar(PrintWriter err, String name, boolean terminal, LongSupplier clock) {
        this.err = err;
        this.name = name;
        this.terminal = terminal;
        this.clock = clock;
    }

    @Override
    public synchronized void started(int total, int alreadyDone) {
        this.total = total;
        this.alreadyDone = alreadyDone;
        this.startNanos = clock.getAsLong();
        this.lastPrint = startNanos;
        print(true);
    }

    @Override
    public synchronized void finished(RunRecord record) {
        finishedNow++;
        if (record.status() == RunStatus.FAILED) {
            failed++;
        }
        long now = clock.getAsLong();
        if (now - lastPrint >= (terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS)) {
            lastPrint = now;
            print(false);
        }
    }

    @Override
    public synchronized void ended() {
        print(false);
        if (terminal) {
            err.println();
        }
        err.flush();
    }

    /** The current line, without line break or carriage return. */
    public synchronized String line() {
        int done = alreadyDone + finishedNow;
        double seconds = (clock.getAsLong() - startNanos) / 1e9;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "study %s: %d/%d runs (%.1f%%)", name, done, total,
                total == 0 ? 100.0 : 100.0 * done / total));
        if (finishedNow > 0 && seconds > 0) {
            double rate = finishedNow / seconds;
            b.append(String.format(Locale.ROOT, ", %s runs/s, ETA %s", rate(rate),
                    duration((total - done) / rate)));
        } else if (done < total) {
            b.append(", ETA unknown");
        }
        if (failed > 0) {
            b.append(", ").append(failed).append(" failed");
        }
        return b.toString();
    }

    private void print(boolean first) {
        String line = line();
        if (terminal) {
            // pad with spaces so a shorter line erases the end of the previous one
            int pad = Math.max(0, lastWidth - line.length());
            err.print("\r" + line + " ".repeat(pad));
            lastWidth = line.length();
        } else if (first || finishedNow > 0) {
            err.println(line);
        }
        err.flush();
    }

    /** A rate with three significant digits, e.g. 0.0123, 2.41, 153. */
    static String rate(double rate) {
        if (rate >= 100) {
            return String.format(Locale.ROOT, "%.0f", rate);
        }
        if (rate >= 10) {
            return String.format(Locale.ROOT, "%.1f", rate);
        }
        if (rate >= 1) {
            return String.format(Locale.ROOT, "%.2f", rate);
        }
        return String.format(Locale.ROOT, "%.3g", rate);
    }

    /** A duration as 42s, 7m28s or 3h05m. */
    static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
