package org.pxrd.ui.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.pxrd.ui.services.PxrdServices;

/** File dialogs whose filters list the contributed structure formats (so a format plugin appears in them). */
public final class StructureFileDialogs {

    private StructureFileDialogs() {
    }

    /** Asks for a structure file to open; null when cancelled. */
    public static Path askOpenPath(Shell shell, PxrdServices services) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText("Open Structure");
        setFilters(dialog, services, true);
        String chosen = dialog.open();
        return chosen == null ? null : Path.of(chosen);
    }

    /** Asks where to save a structure, starting from {@code suggestion}; null when cancelled. */
    public static Path askSavePath(Shell shell, PxrdServices services, Path suggestion) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText("Save Structure As");
        dialog.setOverwrite(true);
        setFilters(dialog, services, false);
        if (suggestion != null) {
            if (suggestion.getParent() != null) {
                dialog.setFilterPath(suggestion.getParent().toString());
            }
            dialog.setFileName(suggestion.getFileName().toString());
        }
        String chosen = dialog.open();
        return chosen == null ? null : Path.of(chosen);
    }

    private static void setFilters(FileDialog dialog, PxrdServices services, boolean withAll) {
        List<String> names = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        List<String> every = new ArrayList<>();
        for (StructureFormats.Filter filter : StructureFormats.filters(services)) {
            String joined = String.join(";", filter.globs());
            names.add(filter.name() + " (" + joined + ")");
            patterns.add(joined);
            every.addAll(filter.globs());
        }
        if (withAll && !every.isEmpty()) {
            names.add(0, "All structure files");
            patterns.add(0, String.join(";", every));
        }
        names.add("All files (*)");
        patterns.add("*");
        dialog.setFilterNames(names.toArray(String[]::new));
        dialog.setFilterExtensions(patterns.toArray(String[]::new));
    }
}
