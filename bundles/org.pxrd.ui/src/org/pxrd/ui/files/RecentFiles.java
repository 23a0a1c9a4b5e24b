package org.pxrd.ui.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.osgi.service.prefs.BackingStoreException;
import org.pxrd.ui.PxrdUiPlugin;

/**
 * The most recently opened or saved structure and pattern files, newest first, kept in the UI bundle's instance-scope
 * preferences (so they survive restarts) under {@link #KEY}, one absolute path per line.
 */
public final class RecentFiles {

    /** Preference key. */
    public static final String KEY = "recentFiles";
    /** How many files File &gt; Open Recent lists. */
    public static final int MAX = 10;

    private RecentFiles() {
    }

    /** The recent files, newest first. */
    public static List<Path> list() {
        String stored = PxrdUiPlugin.preferences().get(KEY, "");
        List<Path> files = new ArrayList<>();
        for (String line : stored.split("\n")) {
            if (!line.isBlank()) {
                files.add(Path.of(line));
            }
        }
        return files;
    }

    /** Puts a file first (moving it up when already listed) and stores the list. */
    public static void add(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>(list());
        files.remove(absolute);
        files.add(0, absolute);
        store(files.subList(0, Math.min(MAX, files.size())));
    }

    /** Forgets every recent file. */
    public static void clear() {
        store(List.of());
    }

    private static void store(List<Path> files) {
        IEclipsePreferences node = PxrdUiPlugin.preferences();
        StringBuilder text = new StringBuilder();
        for (Path p : files) {
            text.append(p).append('\n');
        }
        node.put(KEY, text.toString());
        try {
            node.flush();
        } catch (BackingStoreException e) {
            PxrdUiPlugin.logError("cannot store the recent files list: " + e.getMessage(), e);
        }
    }
}
