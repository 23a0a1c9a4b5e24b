package org.pxrd.ui;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** The workbench window: title, size, menus (see {@link PxrdActionBarAdvisor}), tool bar and status line. */
public class PxrdWindowAdvisor extends WorkbenchWindowAdvisor {

    public PxrdWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new PxrdActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer c = getWindowConfigurer();
        c.setTitle(PxrdWorkbenchAdvisor.WINDOW_TITLE);
        c.setInitialSize(new Point(1280, 860));
        c.setShowCoolBar(true);
        c.setShowStatusLine(true);
        c.setShowProgressIndicator(true);
        c.setShowPerspectiveBar(false);
    }

    @Override
    public void postWindowOpen() {
        StartupProbe.windowOpened(getWindowConfigurer().getWindow());
    }
}
