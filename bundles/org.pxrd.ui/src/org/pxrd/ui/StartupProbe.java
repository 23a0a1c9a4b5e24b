package org.pxrd.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.ui.IWorkbenchWindow;

/**
 * Measures the start-up time of the workbench to a usable window: from the start of the Java process to the first
 * turn of the event loop after the window opened (its menus, views and editors are then drawn and take input).
 * Off unless the system property {@value #REPORT} names a file; then one line {@code startup_ms=N} is appended to
 * it, and with {@value #EXIT}{@code =true} the workbench closes right after (for repeated measurements, see
 * {@code releng/scripts/bench-workbench-startup}).
 */
final class StartupProbe {

    /** System property: file to append {@code startup_ms=N} to. */
    static final String REPORT = "pxrd.startup.report";
    /** System property: close the workbench once measured. */
    static final String EXIT = "pxrd.startup.exit";

    private StartupProbe() {
    }

    static void windowOpened(IWorkbenchWindow window) {
        String report = System.getProperty(REPORT);
        if (report == null || report.isBlank()) {
            return;
        }
        window.getShell().getDisplay().asyncExec(() -> {
            Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
            long ms = Duration.between(start, Instant.now()).toMillis();
            try {
                Files.writeString(Path.of(report), "startup_ms=" + ms + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                PxrdUiPlugin.logError("cannot write the start-up time to " + report + ": " + e.getMessage(), e);
            }
            if (Boolean.getBoolean(EXIT)) {
                window.getWorkbench().close();
            }
        });
    }
}
