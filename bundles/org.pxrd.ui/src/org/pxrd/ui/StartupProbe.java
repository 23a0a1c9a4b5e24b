package org.pxrd.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.eclipse.ui.IWorkbenchWindow;

/**
 * Measures the start-up time of the workbench to a usable window: from the start of the Java virtual machine to
 * the first turn of the event loop after the window opened (its menus, views and editors are then drawn and take
 * input). Off unless the system property {@value #REPORT} names a file; then one line
 * {@code startup_ms=N usable_epoch_ms=M} is appended to it (M: the wall-clock time of the usable window, so a
 * script can also count from its own launch), and with {@value #EXIT}{@code =true} the workbench closes right
 * after (for repeated measurements, see {@code releng/scripts/bench-workbench-startup}).
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
            long now = System.currentTimeMillis();
            // the JVM's own start time, in milliseconds (the process start time of the OS has 1 s resolution)
            long ms = now - ManagementFactory.getRuntimeMXBean().getStartTime();
            try {
                Files.writeString(Path.of(report), "startup_ms=" + ms + " usable_epoch_ms=" + now + "\n",
                        StandardCharsets.UTF_8,
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
