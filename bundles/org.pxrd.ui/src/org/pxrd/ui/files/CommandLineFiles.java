package org.pxrd.ui.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.pxrd.io.StructureFormatException;
import org.pxrd.ui.PxrdUiPlugin;

/**
 * Structure files named on the command line ({@code pxrd workbench a.cif POSCAR}) open in editors at start-up.
 * Only existing files whose name a structure format claims are taken (the platform passes options and their
 * values too); a file that cannot be read is reported in the error log, never in a dialog that would hold up the
 * start.
 */
public final class CommandLineFiles {

    private CommandLineFiles() {
    }

    /** Opens the structure files among {@code args} in the page; returns the files opened. */
    public static List<Path> open(IWorkbenchPage page, String[] args) {
        List<Path> opened = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-")) {
                continue;
            }
            Path file = Path.of(arg);
            if (!Files.isRegularFile(file) || !FileFormats.claims(PxrdUiPlugin.services().structureFiles().formats(), file)) {
                continue;
            }
            try {
                StructureOpener.open(page, file);
                opened.add(file);
            } catch (StructureFormatException | PartInitException e) {
                PxrdUiPlugin.logError("command line: " + e.getMessage(), e);
            }
        }
        return opened;
    }
}
