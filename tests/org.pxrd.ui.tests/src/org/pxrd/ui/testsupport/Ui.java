package org.pxrd.ui.testsupport;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.pxrd.examples.Examples;

/** Helpers for tests that run on the UI thread of the real workbench. */
public final class Ui {

    /** Longest wait for the workbench to catch up (a guard against hangs, not a performance limit). */
    private static final long PATIENCE_MS = 20_000;

    private Ui() {
    }

    public static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** Runs the event loop until no event is pending. */
    public static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // keep dispatching
        }
    }

    /** Runs the event loop until the condition holds; fails after {@link #PATIENCE_MS}. */
    public static void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, condition, PATIENCE_MS);
    }

    /**
     * Runs the event loop until the condition holds; fails after {@code patienceMs} (for work that takes long on a
     * loaded machine, such as a refinement: a guard against hangs, not a performance limit).
     */
    public static void waitUntil(String what, BooleanSupplier condition, long patienceMs) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + patienceMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + what);
                }
            }
        }
    }

    /** Closes every editor without saving. */
    public static void closeEditors() {
        page().closeAllEditors(false);
        processEvents();
    }

    /** The example CIF whose file name contains {@code key}, e.g. {@code BPO4}. */
    public static Path example(String key) {
        return Examples.studyStructures().stream().filter(p -> p.getFileName().toString().contains("_" + key + "_"))
                .findFirst().orElseThrow(() -> new AssertionError("no example " + key));
    }
}
