package org.pxrd.ui.files;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.pxrd.ui.PxrdUiPlugin;

/** File &gt; Open... (Ctrl+O): asks for a structure or pattern file and opens it ({@link FileOpener}). */
public class OpenHandler extends AbstractHandler {

    /** Command id. */
    public static final String COMMAND = "org.pxrd.ui.file.open";

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        if (window == null || window.getActivePage() == null) {
            return null;
        }
        Path file = FileDialogs.askOpenPath(window.getShell(), PxrdUiPlugin.services());
        if (file != null) {
            FileOpener.openOrReport(window.getActivePage(), file);
        }
        return null;
    }
}
