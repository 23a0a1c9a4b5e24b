package org.pxrd.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.pxrd.ui.cell.CellView;
import org.pxrd.ui.views.PluginsView;
import org.pxrd.ui.views.WelcomeView;

/** Runs inside the real workbench (UI harness, under Xvfb in CI). */
class WorkbenchWindowTest {

    @Test
    void windowIsTitledAndOpensInThePxrdPerspective() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertThat(window).isNotNull();
        assertThat(window.getShell().getText()).isEqualTo("PXRD Workbench");
        IWorkbenchPage page = window.getActivePage();
        assertThat(page.getPerspective().getId()).isEqualTo(PxrdPerspective.ID);
        assertThat(page.getPerspective().getLabel()).isEqualTo("PXRD");
        for (String view : new String[] {WelcomeView.ID, CellView.ID, PluginsView.ID}) {
            assertThat(page.findViewReference(view)).as(view).isNotNull();
        }
    }

    @Test
    void pluginsViewListsTheProjectsExtensionPoints() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        PluginsView view = (PluginsView) page.showView(PluginsView.ID);
        assertThat(view.table().getItemCount()).isPositive();
        assertThat(view.table().getItem(0).getText(0)).startsWith("org.pxrd.");
    }
}
