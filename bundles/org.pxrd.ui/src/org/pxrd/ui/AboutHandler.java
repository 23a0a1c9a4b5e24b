package org.pxrd.ui;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Help &gt; About PXRD Workbench: the version of the workbench, of Java and of the platform. */
public class AboutHandler extends AbstractHandler {

    /** Command id. */
    public static final String COMMAND = "org.pxrd.ui.help.about";

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        MessageDialog.openInformation(window == null ? null : window.getShell(), "About PXRD Workbench", text());
        return null;
    }

    /** The bundle version of {@code org.pxrd.ui}, e.g. {@code 0.1.0.202608201200}. */
    public static String version() {
        Bundle bundle = FrameworkUtil.getBundle(AboutHandler.class);
        return bundle == null ? "unknown" : bundle.getVersion().toString();
    }

    /** The text of the About dialog. */
    public static String text() {
        return PxrdWorkbenchAdvisor.WINDOW_TITLE + " " + version() + "\n\n"
                + "Refines crystal structures against powder X-ray diffraction patterns and reproduces\n"
                + "Segal et al., \"The Loss Landscape of Powder X-Ray Diffraction-Based Structure Optimization\n"
                + "Is Too Rough for Gradient Descent\", Digital Discovery (2026).\n\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n"
                + "SWT " + org.eclipse.swt.SWT.getVersion() + " on " + org.eclipse.swt.SWT.getPlatform();
    }
}
