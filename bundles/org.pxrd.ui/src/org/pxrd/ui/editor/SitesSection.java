package org.pxrd.ui.editor;

import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.pxrd.model.Structure;

/**
 * The sites table: one row per site (label, species, x y z fractional, occupancy, B in Å²), every cell editable
 * in place. Below it, the message of the last rejected value; buttons copy or remove the selected site.
 * Rows are the site indices, so the table follows the structure through undo and redo.
 */
final class SitesSection {

    private final StructureEditor editor;
    private final TableViewer viewer;
    private final TextCellEditor[] cellEditors = new TextCellEditor[SiteField.values().length];
    private final Label message;

    SitesSection(Composite parent, StructureEditor editor) {
        this.editor = editor;
        Group group = new Group(parent, SWT.NONE);
        group.setText("Sites");
        group.setLayout(new GridLayout(1, false));
        group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer = new TableViewer(group, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableData.heightHint = 160;
        viewer.getTable().setLayoutData(tableData);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        TableViewerColumn number = new TableViewerColumn(viewer, SWT.RIGHT);
        number.getColumn().setText("#");
        number.getColumn().setWidth(36);
        number.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object row) {
                return Integer.toString((Integer) row + 1);
            }
        });
        for (SiteField field : SiteField.values()) {
            TableViewerColumn column = new TableViewerColumn(viewer,
                    field == SiteField.LABEL || field == SiteField.SPECIES ? SWT.LEFT : SWT.RIGHT);
            column.getColumn().setText(field.header());
            column.getColumn().setWidth(switch (field) {
                case LABEL, SPECIES -> 64;
                case OCCUPANCY -> 90;
                default -> 76;
            });
            column.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object row) {
                    return field.text(editor.structure().site((Integer) row));
                }
            });
            TextCellEditor cellEditor = new TextCellEditor(viewer.getTable());
            cellEditors[field.ordinal()] = cellEditor;
            column.setEditingSupport(new EditingSupport(viewer) {
                @Override
                protected CellEditor getCellEditor(Object row) {
                    return cellEditor;
                }

                @Override
                protected boolean canEdit(Object row) {
                    return true;
                }

                @Override
                protected Object getValue(Object row) {
                    return field.text(editor.structure().site((Integer) row));
                }

                @Override
                protected void setValue(Object row, Object value) {
                    edit((Integer) row, field, String.valueOf(value));
                }
            });
        }
        message = new Label(group, SWT.WRAP);
        message.setForeground(group.getDisplay().getSystemColor(SWT.COLOR_RED));
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Composite buttons = new Composite(group, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        Button copy = new Button(buttons, SWT.PUSH);
        copy.setText("Copy site");
        copy.setToolTipText("Append a copy of the selected site (same position), to be moved and retyped");
        copy.addListener(SWT.Selection, e -> selectedRow().ifPresent(row -> report(row, "copy",
                editor.tryEdit("Copy site " + (row + 1), s -> StructureEdits.withSiteCopied(s, row)))));
        Button remove = new Button(buttons, SWT.PUSH);
        remove.setText("Remove site");
        remove.addListener(SWT.Selection, e -> selectedRow().ifPresent(row -> report(row, "remove",
                editor.tryEdit("Remove site " + (row + 1), s -> StructureEdits.withoutSite(s, row)))));
    }

    /** Shows the sites of a structure; clears the message. */
    void show(Structure structure) {
        List<Integer> rows = IntStream.range(0, structure.size()).boxed().toList();
        if (!rows.equals(viewer.getInput())) {
            viewer.setInput(rows);
        } else {
            viewer.refresh();
        }
        setMessage("");
    }

    /**
     * Applies a typed value to one field of one site (what the cell editors call).
     *
     * @return the problem shown under the table, or null when the value was accepted
     */
    String edit(int row, SiteField field, String text) {
        String label = editor.structure().site(row).label();
        String problem = editor.tryEdit("Set " + field.header() + " of " + label,
                s -> StructureEdits.withSiteField(s, row, field, text));
        report(row, field.header(), problem);
        return problem;
    }

    private void report(int row, String what, String problem) {
        if (problem != null) {
            setMessage("Site " + (row + 1) + " (" + editor.structure().site(row).label() + "), " + what + ": "
                    + problem);
        }
    }

    private java.util.Optional<Integer> selectedRow() {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return java.util.Optional.ofNullable((Integer) first);
    }

    private void setMessage(String text) {
        if (!message.getText().equals(text)) {
            message.setText(text);
            editor.relayout();
        }
    }

    /** The table viewer (for tests). */
    TableViewer viewer() {
        return viewer;
    }

    /** The cell editor of a column (for tests that type into the table). */
    TextCellEditor cellEditor(SiteField field) {
        return cellEditors[field.ordinal()];
    }

    /** The message under the table (empty when the last value was accepted). */
    String message() {
        return message.getText();
    }
}
