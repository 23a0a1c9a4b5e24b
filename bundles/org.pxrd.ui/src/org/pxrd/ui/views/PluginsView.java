package org.pxrd.ui.views;

import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ContributionRegistry;
import org.pxrd.core.extensions.ExtensionSource;
import org.pxrd.core.extensions.ExtensionSources;

/**
 * Every extension point of {@code org.pxrd.*} with its contributions, and the error of each contribution that
 * fails to start.
 */
public class PluginsView extends ViewPart {

    /** View id. */
    public static final String ID = "org.pxrd.ui.views.plugins";

    private static final String PREFIX = "org.pxrd.";

    private Table table;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String title : new String[] {"Extension point", "Contribution", "Name", "Bundle", "Status"}) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(title);
            column.setWidth(200);
        }
        refresh();
    }

    /** Re-reads the registry. */
    public void refresh() {
        table.removeAll();
        ExtensionSource source = ExtensionSources.detect();
        for (String point : source.extensionPoints()) {
            if (!point.startsWith(PREFIX)) {
                continue;
            }
            ContributionRegistry<Object> registry = new ContributionRegistry<>(source, point, Object.class);
            Map<Contribution, ContributionException> failures = registry.check();
            for (Contribution c : registry.contributions()) {
                ContributionException failure = failures.get(c);
                TableItem item = new TableItem(table, SWT.NONE);
                item.setText(new String[] {point, c.id(), c.name(), c.bundle(),
                    failure == null ? "ok" : failure.getMessage()});
            }
            if (registry.contributions().isEmpty()) {
                new TableItem(table, SWT.NONE).setText(new String[] {point, "-", "", "", "no contributions"});
            }
        }
    }

    /** The table (for tests). */
    public Table table() {
        return table;
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }
}
