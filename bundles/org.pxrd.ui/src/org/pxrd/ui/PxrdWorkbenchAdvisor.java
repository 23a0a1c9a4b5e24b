package org.pxrd.ui;

import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.pxrd.ui.files.CommandLineFiles;

/**
 * Workbench lifecycle: the PXRD perspective first, window state saved between sessions, structure files named on
 * the command line opened at start-up.
 */
public class PxrdWorkbenchAdvisor extends WorkbenchAdvisor {

    /** Title of the workbench window. */
    public static final String WINDOW_TITLE = "PXRD Workbench";

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        configurer.setSaveAndRestore(true);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return PxrdPerspective.ID;
    }

    /** Opens the structure files named on the command line. */
    @Override
    public void postStartup() {
        IWorkbenchWindow window = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow();
        if (window != null && window.getActivePage() != null) {
            CommandLineFiles.open(window.getActivePage(), Platform.getApplicationArgs());
        }
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new PxrdWindowAdvisor(configurer);
    }
}
