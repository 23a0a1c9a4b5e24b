package org.pxrd.study.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A results file: one {@link RunRecord} per line (JSON lines), appended as runs finish, so that nothing
 * finished is lost when the study is killed, even with kill -9.
 *
 * <p>Durability: each record is written with one {@code write} of the whole line and its line break, then
 * forced to the storage device ({@link FileChannel#force}); a killed process loses at most the run it was
 * writing, and then leaves a last line without its line break. {@link #open} removes such a half-written last
 * line (it was not a result), keeps every complete line, and reports a damaged line elsewhere as an error
 * naming the file and line (that is not what a kill leaves behind).
 *
 * <p>Thread-safe: {@link #append} may be called from several threads.
 */
public final class ResultsFile implements AutoCloseable {

    /** The name of the results file in a study folder. */
    public static final String NAME = "results.jsonl";

    private final Path file;
    private final List<RunRecord> records;
    private final String recovered;
    private final FileChannel channel;

    private ResultsFile(Path file, List<RunRecord> records, String recovered, FileChannel channel) {
        this.file = file;
        this.records = records;
        this.recovered = recovered;
        this.channel = channel;
    }

    /**
     * Opens a results file for appending, creating it when missing, after reading its records.
     *
     * @throws StudyRunException naming the file and line of a damaged record, or when the file cannot be opened
     */
    public static ResultsFile open(Path file) {
        Loaded loaded = load(file, true);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return new ResultsFile(file, loaded.records, loaded.dropped, channel);
        } catch (IOException e) {
            throw new StudyRunException("cannot open " + file + " for writing: " + e.getMessage());
        }
    }

    /**
     * The records of a results file without opening it for writing (a half-written last line is skipped, not
     * removed); an empty list when the file does not exist.
     *
     * @throws StudyRunException naming the file and line of a damaged record
     */
    public static List<RunRecord> read(Path file) {
        return load(file, false).records;
    }

    /** The records found when the file was opened, in file order. */
    public List<RunRecord> records() {
        return List.copyOf(records);
    }

    /** A note on a half-written last line that was removed when the file was opened, or null. */
    public String recovered() {
        return recovered;
    }

    public Path path() {
        return file;
    }

    /**
     * Appends a record as one line and forces it to storage.
     *
     * @throws StudyRunException when the file cannot be written
     */
    public void append(RunRecord record) {
        appendAll(List.of(record));
    }

    /**
     * Appends records, one line each, and forces them to storage once (for merges: one forced write per record
     * would cost a disk flush each).
     *
     * @throws StudyRunException when the file cannot be written
     */
    public synchronized void appendAll(Collection<RunRecord> records) {
        try {
            for (RunRecord record : records) {
                ByteBuffer buffer = ByteBuffer.wrap((record.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            channel.force(false);
        } catch (IOException e) {
            throw new StudyRunException("cannot write to " + file + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new StudyRunException("cannot close " + file + ": " + e.getMessage());
        }
    }

    private record Loaded(List<RunRecord> records, String dropped) {
    }

    private static Loaded load(Path file, boolean repair) {
        if (!Files.exists(file)) {
            return new Loaded(new ArrayList<>(), null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StudyRunException("cannot read " + file + ": " + e.getMessage());
        }
        List<RunRecord> records = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        int start = 0;
        int lineNumber = 0;
        while (start < bytes.length) {
            lineNumber++;
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            boolean complete = end < bytes.length;
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            if (!complete) {
                // a line without its line break is what a kill during a write leaves: not a result
                String dropped = file + ": dropped a half-written last line (line " + lineNumber + ", "
                        + (end - start) + " bytes) left by an interrupted study";
                if (repair) {
                    truncate(file, start);
                }
                return new Loaded(records, dropped);
            }
            if (!line.isBlank()) {
                RunRecord record;
                try {
                    record = RunRecord.parse(line);
                } catch (IllegalArgumentException e) {
                    throw new StudyRunException(file + ":" + lineNumber + ": not a run record: " + e.getMessage());
                }
                Integer first = lineOfId.putIfAbsent(record.id(), lineNumber);
                if (first != null) {
                    throw new StudyRunException(file + ":" + lineNumber + ": run " + record.id()
                            + " is already recorded on line " + first);
                }
                records.add(record);
            }
            start = end + 1;
        }
        return new Loaded(records, null);
    }

    private static void truncate(Path file, long size) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
            channel.force(false);
        } catch (IOException e) {
            throw new StudyRunException("cannot remove the half-written last line of " + file + ": " + e.getMessage());
        }
    }
}
