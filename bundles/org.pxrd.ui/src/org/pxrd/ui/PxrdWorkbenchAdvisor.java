package org.pxrd.ui;

import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Workbench lifecycle: the PXRD perspective first, window state saved between sessions. */
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

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new WorkbenchWindowAdvisor(configurer) {
            @Override
            public void preWindowOpen() {
                IWorkbenchWindowConfigurer c = getWindowConfigurer();
                c.setTitle(WINDOW_TITLE);
                c.setInitialSize(new org.eclipse.swt.graphics.Point(1280, 860));
                c.setShowCoolBar(true);
                c.setShowStatusLine(true);
                c.setShowProgressIndicator(true);
            }
        };
    }
}
