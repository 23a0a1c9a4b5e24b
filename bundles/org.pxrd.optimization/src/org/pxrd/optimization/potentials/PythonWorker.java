package org.pxrd.optimization.potentials;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A long-lived external process that answers line-delimited JSON requests on its stdin/stdout (the protocol of
 * {@code python/pxrd_ase_worker.py}: a hello line {@code {"ready": true, "protocol": 1, ...}} or
 * {@code {"ready": false, "error": "..."}}, then one reply line per request line, matched by {@code "id"}; a
 * reply with {@code "error"} reports a request the worker could not serve).
 *
 * <p>The process is started on the first request and kept until {@link #close()}. Every way it can go wrong
 * becomes a one-line {@link PotentialException} naming the worker: the program cannot be started, the worker
 * reports a start-up error, exits (with the last line of its stderr, e.g. a Python exception), does not answer
 * within the timeout, sends a reply that is not JSON, is truncated, or answers another request. After any of
 * these the process is stopped and the next request starts a fresh one; a reply with {@code "error"} leaves
 * it running. Calls are serialised; the JVM's other work is never affected.
 */
final class PythonWorker implements AutoCloseable {

    /** Protocol version the worker must announce. */
    static final int PROTOCOL = 1;
    /** Lines of the worker's stderr kept for error messages. */
    private static final int STDERR_LINES = 20;
    /** Characters of a bad reply quoted in an error message. */
    private static final int QUOTE_CHARS = 80;
    /** How long a worker gets to exit after its stdin closes or its stdout ends. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A line of the worker's stdout; {@code complete} is false for text cut off by the end of the stream. */
    private record Line(String text, boolean complete, boolean endOfStream) {
        static final Line EOF = new Line("", true, true);
    }

    private final String name;
    private final List<String> command;
    private final Duration startupTimeout;
    private final Duration replyTimeout;
    private final String timeoutSetting;
    private final String startHint;

    private Process process;
    private BufferedWriter stdin;
    private BlockingQueue<Line> stdout;
    private Deque<String> stderr;
    private Thread stderrReader;
    private JsonNode hello;
    private long nextId;

    /**
     * @param name how error messages name the worker, e.g. {@code ASE worker (emt)}
     * @param command the program and its arguments
     * @param timeoutSetting the setting that controls {@code replyTimeout}, named in the timeout message
     * @param startHint appended to the message when the worker reports that it cannot start (how to fix it)
     */
    PythonWorker(String name, List<String> command, Duration startupTimeout, Duration replyTimeout,
            String timeoutSetting, String startHint) {
        this.name = name;
        this.command = List.copyOf(command);
        this.startupTimeout = startupTimeout;
        this.replyTimeout = replyTimeout;
        this.timeoutSetting = timeoutSetting;
        this.startHint = startHint;
    }

    /** The worker's hello line (after the first request), e.g. with the calculator's name and ASE's version. */
    synchronized JsonNode hello() {
        return hello;
    }

    /** Whether a worker process is running now. */
    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Sends one request and returns its reply.
     *
     * @param request a JSON object; its {@code "id"} is set here
     * @throws PotentialException for any failure (see the class comment); the message is one line
     */
    synchronized JsonNode request(ObjectNode request) throws PotentialException {
        ensureStarted();
        long id = ++nextId;
        request.put("id", id);
        try {
            stdin.write(JSON.writeValueAsString(request));
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw failure(ended("while receiving a request"), null);
        }
        Line line = next(replyTimeout, timeoutSetting, "computing");
        JsonNode reply = parse(line);
        if (reply.hasNonNull("error")) {
            throw new PotentialException(name + ": " + oneLine(reply.get("error").asText()));
        }
        if (!reply.path("id").canConvertToLong() || reply.path("id").asLong() != id) {
            throw failure("answered request " + reply.path("id") + " instead of request " + id, null);
        }
        return reply;
    }

    private void ensureStarted() throws PotentialException {
        if (process != null && process.isAlive()) {
            return;
        }
        stop();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PYTHONUNBUFFERED", "1");
        try {
            process = builder.start();
        } catch (IOException e) {
            process = null;
            throw new PotentialException(name + ": cannot start '" + command.get(0) + "' (setting 'python'): "
                    + oneLine(e.getMessage()), e);
        }
        stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        stdout = new LinkedBlockingQueue<>();
        stderr = new ArrayDeque<>();
        Process started = process;
        BlockingQueue<Line> queue = stdout;
        Deque<String> tail = stderr;
        Thread.ofPlatform().daemon().name("pxrd-worker-stdout").start(() -> readLines(started, queue));
        stderrReader = Thread.ofPlatform().daemon().name("pxrd-worker-stderr").start(() -> readTail(started, tail));
        Line first = next(startupTimeout, "startupTimeout", "starting");
        JsonNode h = parse(first);
        if (!h.path("ready").asBoolean(false)) {
            String error = h.hasNonNull("error") ? h.get("error").asText() : "its first line is not a ready message: "
                    + quote(first.text());
            throw failure("did not start: " + oneLine(error) + (startHint.isEmpty() ? "" : " (" + startHint + ")"),
                    null);
        }
        if (h.path("protocol").asInt(-1) != PROTOCOL) {
            throw failure("speaks protocol " + h.path("protocol") + ", expected " + PROTOCOL, null);
        }
        hello = h;
    }

    /** The next stdout line within the timeout. */
    private Line next(Duration timeout, String setting, String doing) throws PotentialException {
        Line line;
        try {
            line = stdout.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("was stopped because the run was interrupted while " + doing, e);
        }
        if (line == null) {
            throw failure(String.format(Locale.ROOT, "did not answer within %s s while %s (setting '%s'); stopped it",
                    seconds(timeout), doing, setting), null);
        }
        if (line.endOfStream()) {
            throw failure(ended("while " + doing), null);
        }
        return line;
    }

    private JsonNode parse(Line line) throws PotentialException {
        if (!line.complete()) {
            throw failure("sent a truncated reply (" + line.text().length() + " characters without an end of line: "
                    + quote(line.text()) + ") and closed its output", null);
        }
        try {
            JsonNode node = JSON.readTree(line.text());
            if (node == null || !node.isObject()) {
                throw failure("sent a reply that is not a JSON object: " + quote(line.text()), null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw failure("sent a reply that is not valid JSON: " + quote(line.text()), null);
        }
    }

    /** Why the worker's output ended: its exit status and the last line it wrote on stderr. */
    private String ended(String when) {
        Process p = process;
        Integer status = null;
        try {
            if (p != null && p.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                status = p.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String last = lastStderrLine();
        return (status == null ? "closed its output " : "exited with status " + status + " ") + when
                + (last.isEmpty() ? "" : ": " + last);
    }

    private String lastStderrLine() {
        Thread reader = stderrReader;
        if (reader != null) {
            try {
                reader.join(EXIT_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Deque<String> tail = stderr;
        if (tail == null) {
            return "";
        }
        synchronized (tail) {
            for (var it = tail.descendingIterator(); it.hasNext();) {
                String s = it.next().strip();
                if (!s.isEmpty()) {
                    return oneLine(s);
                }
            }
        }
        return "";
    }

    /** Stops the process and returns the exception to throw. */
    private PotentialException failure(String what, Throwable cause) {
        stop();
        return new PotentialException(name + ": " + what, cause);
    }

    /** Stops the process (and anything it started), if one is running. */
    private void stop() {
        Process p = process;
        process = null;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            try {
                p.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Closes the worker's stdin (it exits on end of input) and stops it if it has not exited shortly after. */
    @Override
    public synchronized void close() {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            stdin.close();
            if (p.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process = null;
                return;
            }
        } catch (IOException e) {
            // the worker is gone already: stop() below cleans up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
    }

    private static void readLines(Process p, BlockingQueue<Line> queue) {
        try (Reader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    queue.add(new Line(line.toString(), true, false));
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
            if (!line.isEmpty()) {
                queue.add(new Line(line.toString(), false, false));
            }
        } catch (IOException e) {
            // the stream was closed because the process was stopped
        }
        queue.add(Line.EOF);
    }

    private static void readTail(Process p, Deque<String> tail) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String s;
            while ((s = in.readLine()) != null) {
                synchronized (tail) {
                    tail.addLast(s);
                    if (tail.size() > STDERR_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the stream was closed because the process was stopped
        }
    }

    private static String quote(String text) {
        String t = oneLine(text);
        return "'" + (t.length() > QUOTE_CHARS ? t.substring(0, QUOTE_CHARS) + "..." : t) + "'";
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
