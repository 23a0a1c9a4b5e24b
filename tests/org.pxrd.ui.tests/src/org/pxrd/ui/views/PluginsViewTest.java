package org.pxrd.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.pxrd.ui.testsupport.BrokenFormat;
import org.pxrd.ui.testsupport.Ui;

/**
 * The plugins view lists the extension points and shows the error of a contribution that fails to start (the test
 * fragment contributes a structure format whose constructor throws); the failure reaches the error log and the
 * workbench keeps running.
 */
class PluginsViewTest {

    @Test
    void aContributionThatThrowsShowsItsErrorInTheViewAndTheErrorLog() throws Exception {
        List<IStatus> logged = new ArrayList<>();
        ILogListener listener = (status, plugin) -> logged.add(status);
        Platform.addLogListener(listener);
        try {
            PluginsView view = (PluginsView) Ui.page().showView(PluginsView.ID);
            view.refresh();
            Ui.processEvents();

            PluginsView.Row broken = view.shownRows().stream()
                    .filter(r -> r.id().equals("org.pxrd.ui.tests.broken")).findFirst().orElseThrow();
            assertThat(broken.failed()).isTrue();
            assertThat(broken.point()).isEqualTo("org.pxrd.io.structureFormats");
            assertThat(broken.status()).contains("failed to start").contains(BrokenFormat.MESSAGE);
            TableItem item = view.table().getItem(view.shownRows().indexOf(broken));
            assertThat(item.getText(4)).isEqualTo(broken.status());
            assertThat(item.getForeground().getRGB())
                    .isEqualTo(view.table().getDisplay().getSystemColor(SWT.COLOR_RED).getRGB());

            PluginsView.Row cif = view.shownRows().stream().filter(r -> r.id().equals("org.pxrd.io.cif")).findFirst()
                    .orElseThrow();
            assertThat(cif.status()).isEqualTo(PluginsView.OK);
            assertThat(cif.failed()).isFalse();

            assertThat(logged).anySatisfy(s -> {
                assertThat(s.getSeverity()).isEqualTo(IStatus.ERROR);
                assertThat(s.getMessage()).contains("org.pxrd.ui.tests.broken").contains(BrokenFormat.MESSAGE);
            });
            assertThat(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().isDisposed()).isFalse();
        } finally {
            Platform.removeLogListener(listener);
        }
    }
}
