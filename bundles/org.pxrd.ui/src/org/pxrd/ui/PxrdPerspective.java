package org.pxrd.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.pxrd.ui.cell.CellView;
import org.pxrd.ui.landscape.LandscapeView;
import org.pxrd.ui.pattern.PatternView;
import org.pxrd.ui.refine.RefinementView;
import org.pxrd.ui.study.StudyView;
import org.pxrd.ui.views.PluginsView;
import org.pxrd.ui.views.WelcomeView;

/**
 * The "PXRD" perspective: the welcome page (the study's example structures) on the left, the structure editors in
 * the centre, the 3D cell view on the right, the pattern, refinement, study and plugins views below (the
 * landscape view opens there too). This is the layout of the first start;
 * later starts restore the user's layout. Views of later capabilities go into the folders named here
 * ({@link #RIGHT}, {@link #BOTTOM}).
 */
public class PxrdPerspective implements IPerspectiveFactory {

    /** Perspective id. */
    public static final String ID = "org.pxrd.ui.perspective";
    /** Folder right of the editors (3D cell view). */
    public static final String RIGHT = "org.pxrd.ui.folder.right";
    /** Folder below the editors (pattern views, plugins view). */
    public static final String BOTTOM = "org.pxrd.ui.folder.bottom";
    /** Folder left of the editors (welcome page). */
    public static final String LEFT = "org.pxrd.ui.folder.left";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.setEditorAreaVisible(true);
        IFolderLayout left = layout.createFolder(LEFT, IPageLayout.LEFT, 0.2f, editors);
        left.addView(WelcomeView.ID);
        IFolderLayout right = layout.createFolder(RIGHT, IPageLayout.RIGHT, 0.6f, editors);
        right.addView(CellView.ID);
        IFolderLayout bottom = layout.createFolder(BOTTOM, IPageLayout.BOTTOM, 0.55f, editors);
        bottom.addView(PatternView.ID);
        bottom.addPlaceholder(PatternView.ID + ":*"); // the views of measured patterns (File > Open)
        bottom.addView(RefinementView.ID);
        bottom.addView(StudyView.ID);
        bottom.addPlaceholder(LandscapeView.ID);
        bottom.addView(PluginsView.ID);
        for (String view : new String[] {WelcomeView.ID, CellView.ID, PatternView.ID, RefinementView.ID, StudyView.ID,
            LandscapeView.ID, PluginsView.ID}) {
            layout.addShowViewShortcut(view);
        }
    }
}
