package org.pxrd.ui.editor;

import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.pxrd.model.Structure;

/**
 * One undoable edit of a structure editor, kept in the workbench operation history under the editor's undo
 * context: it swaps the whole (immutable) structure, so undo restores exactly the structure before the edit.
 */
final class StructureChange extends AbstractOperation {

    private final StructureEditor editor;
    private final Structure before;
    private final Structure after;

    StructureChange(String label, StructureEditor editor, IUndoContext context, Structure before, Structure after) {
        super(label);
        this.editor = editor;
        this.before = before;
        this.after = after;
        addContext(context);
    }

    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) {
        editor.show(after);
        return Status.OK_STATUS;
    }

    @Override
    public IStatus redo(IProgressMonitor monitor, IAdaptable info) {
        return execute(monitor, info);
    }

    @Override
    public IStatus undo(IProgressMonitor monitor, IAdaptable info) {
        editor.show(before);
        return Status.OK_STATUS;
    }

    @Override
    public boolean canUndo() {
        return !editor.isDisposed();
    }

    @Override
    public boolean canRedo() {
        return !editor.isDisposed();
    }
}
