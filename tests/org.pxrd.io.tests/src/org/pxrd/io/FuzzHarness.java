package org.pxrd.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one read of a fuzz case on a daemon thread with a time limit: the outcome is a value or a
 * {@link FileFormatException}; any other exception, or a read that does not finish in time, fails the test with the
 * case's description.
 */
final class FuzzHarness implements AutoCloseable {

    /** A value, or the format exception the read ended with. */
    record Outcome<T>(T value, FileFormatException error) {
    }

    private final int timeoutSeconds;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-read");
        t.setDaemon(true);
        return t;
    });

    FuzzHarness(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    <T> Outcome<T> run(Callable<T> read, String what) throws InterruptedException {
        Future<T> future = executor.submit(read);
        try {
            T value = future.get(timeoutSeconds, TimeUnit.SECONDS);
            assertThat(value).as(what).isNotNull();
            return new Outcome<>(value, null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FileFormatException ffe) {
                return new Outcome<>(null, ffe);
            }
            throw new AssertionError(what + " threw " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            return fail(what + " did not finish within " + timeoutSeconds + " s");
        }
    }

    /** The message is one line that starts with the source and names a problem. */
    static void assertOneLine(FileFormatException e, String source, String what) {
        assertThat(e.getMessage()).as(what).startsWith(source + ":").doesNotContain("\n").doesNotContain("\r");
        assertThat(e.problem()).as(what).isNotBlank();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
