package org.pxrd.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.pxrd.optimization.run.CancellationToken;

/**
 * Runs an iterative run so that a JVM shutdown (Ctrl-C) cancels it through its token and waits for it to stop at its
 * next step and report, instead of killing it mid-step: the command can still print what the run reached.
 */
final class CancelOnInterrupt {

    /** How long an interrupt waits for the run to stop at its next step and report. */
    static final long GRACE_SECONDS = 10;

    private CancelOnInterrupt() {
    }

    /** Runs {@code work}; a shutdown meanwhile cancels {@code token}. */
    static <T> T run(CancellationToken token, String name, Supplier<T> work) {
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            token.cancel();
            try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pxrd-" + name + "-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.get();
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the run is done
            }
        }
    }
}
