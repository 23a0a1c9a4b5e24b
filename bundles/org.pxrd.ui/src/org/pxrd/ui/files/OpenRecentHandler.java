package org.pxrd.ui.files;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/** Opens one file of File &gt; Open Recent (the file is the command's {@link #PATH} parameter). */
public class OpenRecentHandler extends AbstractHandler {

    /** Command id. */
    public static final String COMMAND = "org.pxrd.ui.file.openRecent";
    /** Parameter: the absolute path of the file. */
    public static final String PATH = "org.pxrd.ui.file.openRecent.path";

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        String path = event.getParameter(PATH);
        if (window != null && window.getActivePage() != null && path != null) {
            FileOpener.openOrReport(window.getActivePage(), Path.of(path));
        }
        return null;
    }
}
