package org.pxrd.ui.files;

import java.nio.file.Path;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.pxrd.io.FileFormatException;
import org.pxrd.io.StructureFormatException;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.pattern.PatternOpener;
import org.pxrd.ui.pattern.WavelengthAsker;

/**
 * File &gt; Open, Open Recent: a structure file opens in the structure editor ({@link StructureOpener}), a pattern
 * file in a pattern view of its own ({@link PatternOpener}). The kind is judged by the file name
 * ({@link FileFormats#kindOf}); a name no format claims is tried as a structure, then as a pattern.
 */
public final class FileOpener {

    private FileOpener() {
    }

    /**
     * Opens a file, reporting a failure in a dialog.
     *
     * @return the editor or view, or null when nothing was opened
     */
    public static IWorkbenchPart openOrReport(IWorkbenchPage page, Path file) {
        try {
            return open(page, file, WavelengthAsker.DIALOG);
        } catch (FileFormatException | PartInitException e) {
            MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Cannot open " + file.getFileName(),
                    e.getMessage());
            return null;
        }
    }

    /**
     * Opens a structure or pattern file.
     *
     * @param asker asked for the wavelength of a pattern whose file states none
     * @return the editor or view, or null when the user gave no wavelength
     * @throws FileFormatException with the reader's one-line message
     * @throws PartInitException when the editor or view cannot open
     */
    public static IWorkbenchPart open(IWorkbenchPage page, Path file, WavelengthAsker asker)
            throws FileFormatException, PartInitException {
        switch (FileFormats.kindOf(PxrdUiPlugin.services(), file)) {
            case STRUCTURE:
                return StructureOpener.open(page, file);
            case PATTERN:
                return PatternOpener.open(page, file, asker);
            default:
                try {
                    return StructureOpener.open(page, file);
                } catch (StructureFormatException notStructure) {
                    return PatternOpener.open(page, file, asker);
                }
        }
    }
}
