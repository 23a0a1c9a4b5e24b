package org.pxrd.study.report;

/**
 * Drawing figures needs AWT, which on Linux tries to reach an X display unless it runs headless. Before AWT's
 * first use, {@link #ensure} switches it to headless mode when no display is configured (neither
 * {@code DISPLAY} nor {@code WAYLAND_DISPLAY}), even when it was set to false (without a display AWT could not
 * start anyway), so that reports render on servers and in cluster jobs; with a display (the workbench) it
 * changes nothing. Once AWT has started, the property no longer matters.
 */
final class Headless {

    private Headless() {
    }

    /**
     * Switches AWT to headless mode whatever the environment says: for headless tools, which must draw even when
     * {@code DISPLAY} names a server they cannot reach.
     */
    static void force() {
        System.setProperty("java.awt.headless", "true");
    }

    static void ensure() {
        boolean display = notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
        if (!display) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
