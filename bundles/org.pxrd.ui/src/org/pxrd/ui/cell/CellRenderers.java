package org.pxrd.ui.cell;

import java.awt.AWTError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWTError;
import org.eclipse.swt.widgets.Composite;
import org.pxrd.ui.PxrdUiPlugin;

/**
 * Picks the renderer of the 3D cell view: Jmol embedded through SWT_AWT first, the pure-SWT
 * {@link BallAndStickRenderer} when that fails (headless AWT, Wayland without XWayland, a missing Jmol bundle) or
 * when the system property {@value #PROPERTY}{@code =swt} asks for it. Every failure is logged with its reason.
 */
public final class CellRenderers {

    /** System property: {@code swt} forces the pure-SWT renderer. */
    public static final String PROPERTY = "pxrd.cell.renderer";

    private CellRenderers() {
    }

    /** The renderer that was created and the reasons the ones before it were not. */
    public record Choice(CellRenderer renderer, List<String> failures) {
    }

    /** The factories in order of preference for this JVM. */
    public static List<CellRenderer.Factory> defaultOrder() {
        String wanted = System.getProperty(PROPERTY, "").strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("swt")) {
            return List.of(BallAndStickRenderer::new);
        }
        return List.of(JmolCellRenderer::new, BallAndStickRenderer::new);
    }

    /**
     * Creates the first renderer of {@code order} that works in {@code parent}; the pure-SWT renderer ends the list
     * when it is not in it, so there is always one.
     */
    public static Choice create(Composite parent, List<CellRenderer.Factory> order) {
        List<String> failures = new ArrayList<>();
        for (CellRenderer.Factory factory : order) {
            try {
                return new Choice(factory.create(parent), failures);
            } catch (Exception | LinkageError | SWTError | AWTError e) {
                // SWTError: no embedding on this window system; AWTError: no AWT toolkit
                String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                failures.add(reason);
                PxrdUiPlugin.logWarning("3D cell view: a renderer is unavailable (" + reason
                        + "); trying the next one");
            }
        }
        return new Choice(new BallAndStickRenderer(parent), failures);
    }
}
