package org.pxrd.ui.views;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.pxrd.examples.Examples;
import org.pxrd.io.StructureFiles;
import org.pxrd.io.StructureFormatException;
import org.pxrd.model.Structure;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.editor.SpaceGroupText;
import org.pxrd.ui.files.StructureOpener;
import org.pxrd.ui.jobs.LatestOnly;

/**
 * The welcome page: the ten structures of the study (Segal et al. 2026) shipped in {@code org.pxrd.examples}, with
 * their reduced formula and the space group their CIF declares. One click on a row opens the structure in the
 * editor (Enter too). The files are read off the UI thread, after the view is drawn, so the workbench takes input
 * before they are listed. Shown on the first start (it is part of the perspective's initial layout) and from
 * Help &gt; Welcome.
 */
public class WelcomeView extends ViewPart {

    /** View id. */
    public static final String ID = "org.pxrd.ui.views.welcome";

    private Table table;
    private LatestOnly<StructureFiles, List<Example>> loader;
    private final List<Example> examples = new ArrayList<>();

    /** One example file with what its CIF says, or the problem reading it. */
    public record Example(Path file, String formula, String spaceGroup, String problem) {
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label intro = new Label(parent, SWT.WRAP);
        intro.setText("The study's ten structures (Segal et al., Digital Discovery 2026). "
                + "Click one to open it in the structure editor; File > Open... opens your own CIF or POSCAR files.");
        GridData introData = new GridData(SWT.FILL, SWT.TOP, true, false);
        introData.widthHint = 200;
        intro.setLayoutData(introData);
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String title : new String[] {"Formula", "Space group", "File"}) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(title);
        }
        table.addListener(SWT.MouseUp, this::clicked);
        table.addListener(SWT.DefaultSelection, e -> {
            if (e.item != null) {
                open((Example) e.item.getData());
            }
        });
        // read off the UI thread: the window takes input while the ten files are parsed
        loader = new LatestOnly<>("Reading the example structures", parent.getDisplay(), WelcomeView::readExamples,
                r -> show(r.failed() ? List.of() : r.output()));
        // ... and only from the next turn of the event loop: at start-up that is once the window is drawn, so on a
        // machine with few cores the parsing does not take a core from the UI thread while the workbench starts
        parent.getDisplay().asyncExec(() -> {
            if (!table.isDisposed()) {
                loader.submit(PxrdUiPlugin.services().structureFiles());
            }
        });
    }

    private void show(List<Example> read) {
        if (table.isDisposed()) {
            return;
        }
        examples.addAll(read);
        for (Example e : examples) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {e.formula(), e.spaceGroup(),
                e.problem() == null ? e.file().getFileName().toString() : e.problem()});
            item.setData(e);
            if (e.problem() != null) {
                item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_RED));
            }
        }
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
    }

    /** Whether the examples are listed (they are read in the background when the view opens). */
    public boolean isLoaded() {
        return loader.isCurrent();
    }

    @Override
    public void dispose() {
        if (loader != null) {
            loader.dispose();
        }
        super.dispose();
    }

    /** The study's structures, each read once for its formula and declared space group. */
    static List<Example> readExamples(StructureFiles files) {
        List<Example> list = new ArrayList<>();
        List<Path> paths;
        try {
            paths = Examples.studyStructures();
        } catch (RuntimeException e) {
            PxrdUiPlugin.logError("the example structures cannot be listed: " + e.getMessage(), e);
            return list;
        }
        for (Path file : paths) {
            try {
                Structure s = files.readFirst(file);
                list.add(new Example(file, s.reducedFormula(), SpaceGroupText.declared(s), null));
            } catch (StructureFormatException e) {
                list.add(new Example(file, "?", "?", e.getMessage()));
            }
        }
        return list;
    }

    private void clicked(Event e) {
        if (e.button != 1) {
            return;
        }
        TableItem item = table.getItem(new Point(e.x, e.y));
        if (item != null) {
            open((Example) item.getData());
        }
    }

    /** Opens an example in the structure editor (what a click does). */
    public void open(Example example) {
        StructureOpener.openOrReport(getSite().getPage(), example.file());
    }

    /** The examples listed, in table order. */
    public List<Example> examples() {
        return List.copyOf(examples);
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
