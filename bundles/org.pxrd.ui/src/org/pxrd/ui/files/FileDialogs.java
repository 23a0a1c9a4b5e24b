package org.pxrd.ui.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.ui.services.PxrdServices;

/**
 * File dialogs whose filters list the contributed structure and pattern formats (so a format plugin appears in
 * them).
 */
public final class FileDialogs {

    private FileDialogs() {
    }

    /** Asks for a structure or pattern file to open; null when cancelled. */
    public static Path askOpenPath(Shell shell, PxrdServices services) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText("Open Structure or Pattern");
        List<FileFormats.Filter> structures = FileFormats.filters(services.structureFiles().formats());
        List<FileFormats.Filter> patterns = FileFormats.filters(services.patternFiles().formats());
        List<String> names = new ArrayList<>();
        List<String> globs = new ArrayList<>();
        List<String> all = new ArrayList<>();
        structures.forEach(f -> all.addAll(f.globs()));
        patterns.forEach(f -> all.addAll(f.globs()));
        add(names, globs, "All structure and pattern files", all);
        add(names, globs, "Structure files", structures.stream().flatMap(f -> f.globs().stream()).toList());
        add(names, globs, "Pattern files", patterns.stream().flatMap(f -> f.globs().stream()).toList());
        for (FileFormats.Filter f : structures) {
            add(names, globs, f.name(), f.globs());
        }
        for (FileFormats.Filter f : patterns) {
            add(names, globs, f.name(), f.globs());
        }
        return open(dialog, names, globs, null);
    }

    /** Asks where to save a structure, starting from {@code suggestion}; null when cancelled. */
    public static Path askSavePath(Shell shell, PxrdServices services, Path suggestion) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText("Save Structure As");
        return save(dialog, services.structureFiles().formats(), suggestion);
    }

    /**
     * Asks where to save a pattern (the formats that write: two/three-column text, CSV, ...), starting from
     * {@code suggestion}; null when cancelled.
     */
    public static Path askPatternSavePath(Shell shell, List<Contribution> writableFormats, Path suggestion) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText("Save Pattern As");
        return save(dialog, writableFormats, suggestion);
    }

    private static Path save(FileDialog dialog, List<Contribution> formats, Path suggestion) {
        dialog.setOverwrite(true);
        List<String> names = new ArrayList<>();
        List<String> globs = new ArrayList<>();
        for (FileFormats.Filter f : FileFormats.filters(formats)) {
            add(names, globs, f.name(), f.globs());
        }
        return open(dialog, names, globs, suggestion);
    }

    private static void add(List<String> names, List<String> globs, String name, List<String> patterns) {
        if (!patterns.isEmpty()) {
            String joined = String.join(";", patterns);
            names.add(name + " (" + joined + ")");
            globs.add(joined);
        }
    }

    private static Path open(FileDialog dialog, List<String> names, List<String> globs, Path suggestion) {
        names.add("All files (*)");
        globs.add("*");
        dialog.setFilterNames(names.toArray(String[]::new));
        dialog.setFilterExtensions(globs.toArray(String[]::new));
        if (suggestion != null) {
            if (suggestion.getParent() != null) {
                dialog.setFilterPath(suggestion.getParent().toString());
            }
            dialog.setFileName(suggestion.getFileName().toString());
        }
        String chosen = dialog.open();
        return chosen == null ? null : Path.of(chosen);
    }
}
