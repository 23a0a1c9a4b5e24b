package org.pxrd.optimization.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A step listener that writes a run's events as CSV: a header {@code step,<fields...>} from the first event,
 * then one row per step with every number at full precision ({@link Double#toString}, which reads back to the
 * same double). Rows are flushed on {@link #close()}, and every {@link #FLUSH_EVERY} rows so that a long run's
 * trace can be followed while it runs.
 */
public final class CsvTrace implements StepListener<StepEvent>, AutoCloseable {

    /** Rows between flushes: a long run's trace shows progress without a system call per step. */
    public static final int FLUSH_EVERY = 100;

    private final Writer out;
    private final String source;
    private List<String> fields;
    private int rows;

    /** A trace written to {@code out}; {@code source} names it in error messages. */
    public CsvTrace(Writer out, String source) {
        this.out = out;
        this.source = source;
    }

    /**
     * A trace written to a new file (replaced if it exists).
     *
     * @throws IOException when the file cannot be created
     */
    public static CsvTrace create(Path file) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CsvTrace(writer, file.toString());
    }

    /**
     * @throws UncheckedIOException naming the trace when it cannot be written
     * @throws IllegalArgumentException when an event's fields differ from the first event's
     */
    @Override
    public synchronized void onStep(StepEvent event) {
        try {
            if (fields == null) {
                fields = event.fields();
                out.write("step");
                for (String f : fields) {
                    out.write(',');
                    out.write(f);
                }
                out.write('\n');
            } else if (!fields.equals(event.fields())) {
                throw new IllegalArgumentException("trace " + source + ": step " + event.step()
                        + " has other fields than the first step");
            }
            StringBuilder row = new StringBuilder().append(event.step());
            for (double v : event.values()) {
                row.append(',').append(v);
            }
            out.write(row.append('\n').toString());
            if (++rows % FLUSH_EVERY == 0) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace " + source + ": " + e.getMessage(), e);
        }
    }

    /** Rows written so far. */
    public synchronized int rows() {
        return rows;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
