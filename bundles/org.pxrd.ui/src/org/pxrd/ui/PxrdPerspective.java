package org.pxrd.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.pxrd.ui.views.PluginsView;

/** The "PXRD" perspective: editors in the centre, views around them. */
public class PxrdPerspective implements IPerspectiveFactory {

    /** Perspective id. */
    public static final String ID = "org.pxrd.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(true);
        layout.addView(PluginsView.ID, IPageLayout.BOTTOM, 0.65f, layout.getEditorArea());
    }
}
