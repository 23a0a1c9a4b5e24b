package org.pxrd.ui.files;

import java.nio.file.Path;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.pxrd.io.StructureFormatException;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.editor.StructureEditor;
import org.pxrd.ui.editor.StructureEditorInput;

/**
 * Opens structure files in the structure editor: the file is read first, so a file that cannot be read gives its
 * one-line message (file, line, problem) in a dialog instead of an empty editor. Every file opened is added to
 * {@link RecentFiles}.
 */
public final class StructureOpener {

    private StructureOpener() {
    }

    /**
     * Opens a file, reporting a failure in a dialog.
     *
     * @return the editor, or null when the file could not be opened
     */
    public static StructureEditor openOrReport(IWorkbenchPage page, Path file) {
        try {
            return open(page, file);
        } catch (StructureFormatException | PartInitException e) {
            MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Cannot open structure", e.getMessage());
            return null;
        }
    }

    /**
     * Opens a file in a structure editor (activating the editor when the file is open already).
     *
     * @throws StructureFormatException when the file cannot be read as a structure
     * @throws PartInitException when the workbench cannot open the editor
     */
    public static StructureEditor open(IWorkbenchPage page, Path file) throws StructureFormatException,
            PartInitException {
        StructureEditorInput input = StructureEditorInput.read(PxrdUiPlugin.services().structureFiles(), file);
        StructureEditor editor = StructureEditor.open(page, input);
        RecentFiles.add(file);
        return editor;
    }
}
