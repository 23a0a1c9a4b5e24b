package org.pxrd.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.action.Action;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ContributionRegistry;
import org.pxrd.core.extensions.ExtensionSource;
import org.pxrd.ui.PxrdUiPlugin;

/**
 * Every extension point of {@code org.pxrd.*} with its contributions and whether each loads: the registry creates
 * every contribution with its default settings, and a contribution that fails (missing class, wrong interface, a
 * constructor that throws) shows its one-line error in the Status column, in red, with the full text below the
 * table. Failures also go to the Eclipse error log. Nothing a plugin does here can take the workbench down: each
 * extension point is checked inside its own guard.
 */
public class PluginsView extends ViewPart {

    /** View id. */
    public static final String ID = "org.pxrd.ui.views.plugins";

    /** Status text of a contribution that loads. */
    public static final String OK = "ok";

    private static final String PREFIX = "org.pxrd.";

    private Table table;
    private Text details;

    /** One row of the view. */
    public record Row(String point, String id, String name, String bundle, String status, boolean failed) {
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        table = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        int[] widths = {230, 230, 180, 150, 400};
        String[] titles = {"Extension point", "Contribution", "Name", "Bundle", "Status"};
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
        }
        details = new Text(sash, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        sash.setWeights(4, 1);
        table.addListener(SWT.Selection, e -> {
            Row row = e.item == null ? null : (Row) e.item.getData();
            details.setText(row == null ? "" : row.id() + " (" + row.bundle() + "): " + row.status());
        });
        Action refresh = new Action("Refresh") {
            @Override
            public void run() {
                refresh();
            }
        };
        refresh.setToolTipText("Read the extension registry again and retry every contribution");
        getViewSite().getActionBars().getToolBarManager().add(refresh);
        refresh();
    }

    /** Re-reads the registry and retries every contribution. */
    public void refresh() {
        table.removeAll();
        List<Row> rows = rows(PxrdUiPlugin.services().extensions());
        int failures = 0;
        for (Row row : rows) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {row.point(), row.id(), row.name(), row.bundle(), row.status()});
            item.setData(row);
            if (row.failed()) {
                item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_RED));
                failures++;
            }
        }
        details.setText(failures == 0 ? "Every contribution loads."
                : failures + " contribution(s) failed to load; select one for its message (also in the error log).");
    }

    /**
     * The rows for every {@code org.pxrd.*} extension point of a source; each failure is also written to the
     * error log. A point whose registry itself throws becomes one failed row.
     */
    static List<Row> rows(ExtensionSource source) {
        List<Row> rows = new ArrayList<>();
        List<String> points;
        try {
            points = source.extensionPoints();
        } catch (RuntimeException | LinkageError e) {
            String message = "the extension registry cannot be read: " + e;
            PxrdUiPlugin.logError(message, e);
            rows.add(new Row("-", "-", "", "", message, true));
            return rows;
        }
        for (String point : points) {
            if (point.startsWith(PREFIX)) {
                rows.addAll(rowsOf(source, point));
            }
        }
        for (String problem : source.problems()) {
            PxrdUiPlugin.logWarning("plugin declaration problem: " + problem);
            rows.add(new Row("-", "-", "", "", "declaration problem: " + problem, true));
        }
        return rows;
    }

    private static List<Row> rowsOf(ExtensionSource source, String point) {
        List<Row> rows = new ArrayList<>();
        try {
            ContributionRegistry<Object> registry = new ContributionRegistry<>(source, point, Object.class);
            Map<Contribution, ContributionException> failures = registry.check();
            for (Contribution c : registry.contributions()) {
                ContributionException failure = failures.get(c);
                if (failure != null) {
                    PxrdUiPlugin.logError(failure.getMessage(), failure);
                }
                rows.add(new Row(point, c.id(), c.name(), c.bundle(), failure == null ? OK : failure.getMessage(),
                        failure != null));
            }
            if (rows.isEmpty()) {
                rows.add(new Row(point, "-", "", "", "no contributions", false));
            }
        } catch (RuntimeException | LinkageError e) {
            String message = "checking the contributions of " + point + " failed: " + e;
            PxrdUiPlugin.logError(message, e);
            rows.add(new Row(point, "-", "", "", message, true));
        }
        return rows;
    }

    /** The rows shown (in table order). */
    public List<Row> shownRows() {
        List<Row> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            rows.add((Row) item.getData());
        }
        return rows;
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
