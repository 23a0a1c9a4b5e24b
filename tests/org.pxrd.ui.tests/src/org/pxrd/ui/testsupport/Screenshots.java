package org.pxrd.ui.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;

/**
 * Screenshots of the workbench window for the people who review the UI: written as {@code NAME.png} into the folder
 * named by the environment variable {@value #FOLDER} when it is set, and not taken otherwise (they are no test
 * result).
 */
public final class Screenshots {

    /** Environment variable naming the folder of the screenshots. */
    public static final String FOLDER = "PXRD_SCREENSHOTS";

    private Screenshots() {
    }

    /** Size of the workbench window in screenshots (pixels). */
    private static final Point WINDOW = new Point(1600, 1000);

    /** Takes a screenshot of the workbench window (made {@link #WINDOW} large) after pending events are processed. */
    public static void take(String name) {
        if (folder() == null) {
            return;
        }
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        if (!shell.getSize().equals(WINDOW)) {
            shell.setBounds(0, 0, WINDOW.x, WINDOW.y);
            Ui.processEvents();
        }
        take(name, shell);
    }

    /**
     * Takes a screenshot of the workbench window with one part maximized (its whole size, as a user looking at it
     * closely would have it), then restores the part's size.
     */
    public static void takeMaximized(String name, org.eclipse.ui.IWorkbenchPart part) {
        if (folder() == null) {
            return;
        }
        org.eclipse.ui.IWorkbenchPage page = part.getSite().getPage();
        org.eclipse.ui.IWorkbenchPartReference ref = page.getReference(part);
        page.setPartState(ref, org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        Ui.processEvents();
        try {
            take(name);
        } finally {
            page.setPartState(ref, org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
            Ui.processEvents();
        }
    }

    /** Takes a screenshot of one control as it is on the screen. */
    public static void take(String name, Control control) {
        String folder = folder();
        if (folder == null) {
            return;
        }
        Display display = Display.getCurrent();
        Shell shell = control.getShell();
        shell.layout(true, true);
        shell.redraw(0, 0, shell.getSize().x, shell.getSize().y, true);
        shell.update();
        Ui.processEvents();
        Rectangle bounds = control instanceof Shell ? control.getBounds()
                : display.map(control.getParent(), null, control.getBounds());
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            Files.createDirectories(Path.of(folder));
            loader.save(Path.of(folder, name + ".png").toString(), SWT.IMAGE_PNG);
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot write the screenshot " + name + ": " + e.getMessage(), e);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** Whether screenshots are taken. */
    public static boolean enabled() {
        return folder() != null;
    }

    /**
     * Moves the real pointer over a point of a control and waits for the tooltip to show (for screenshots: tooltips
     * appear only for the pointer of the window system).
     */
    public static void hover(Control control, int x, int y) {
        Display display = control.getDisplay();
        Point p = control.toDisplay(x, y);
        Event move = new Event();
        move.type = SWT.MouseMove;
        move.x = p.x;
        move.y = p.y;
        display.post(move);
        long end = System.currentTimeMillis() + TOOLTIP_WAIT_MS;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** How long a tooltip takes to appear, generously. */
    private static final long TOOLTIP_WAIT_MS = 2000;

    private static String folder() {
        String folder = System.getenv(FOLDER);
        return folder == null || folder.isBlank() ? null : folder;
    }
}
