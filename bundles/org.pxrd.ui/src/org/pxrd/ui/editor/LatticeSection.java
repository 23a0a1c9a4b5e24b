package org.pxrd.ui.editor;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.pxrd.model.Lattice;

/**
 * The six lattice parameters a, b, c (Å) and α, β, γ (degrees) in two columns, each a text field with its unit and,
 * right under it, the message of the last rejected value. A value is applied on Enter or when the field loses focus; Escape
 * restores the model's value. A rejected value stays in the field, in red, so it can be corrected; the model is
 * unchanged.
 */
final class LatticeSection {

    private final StructureEditor editor;
    private final Text[] fields = new Text[6];
    private final Label[] messages = new Label[6];
    private double[] shown = new double[6];

    LatticeSection(Composite parent, StructureEditor editor) {
        this.editor = editor;
        Group group = new Group(parent, SWT.NONE);
        group.setText("Lattice");
        group.setLayout(new GridLayout(6, false));
        group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        for (int row = 0; row < 3; row++) {
            createField(group, row); // a, b, c on the left
            createField(group, row + 3); // alpha, beta, gamma on the right
            createMessage(group, row); // the messages of the row, right under their fields
            createMessage(group, row + 3);
        }
    }

    private void createField(Composite group, int index) {
        new Label(group, SWT.NONE).setText(StructureEdits.LATTICE_NAMES[index]);
        Text field = new Text(group, SWT.BORDER | SWT.RIGHT);
        GridData fieldData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        fieldData.widthHint = 100;
        field.setLayoutData(fieldData);
        field.addListener(SWT.DefaultSelection, e -> commit(index));
        field.addListener(SWT.FocusOut, e -> commit(index));
        field.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ESC) {
                revert(index);
            }
        });
        Label unit = new Label(group, SWT.NONE);
        unit.setText(StructureEdits.LATTICE_UNITS[index]);
        unit.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, true, false));
        fields[index] = field;
    }

    /** The message line under a field: takes no room while empty. */
    private void createMessage(Composite group, int index) {
        Label message = new Label(group, SWT.WRAP);
        message.setForeground(group.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        data.widthHint = 200;
        data.exclude = true;
        message.setLayoutData(data);
        message.setVisible(false);
        messages[index] = message;
    }

    /** Shows a lattice; clears every message. */
    void show(Lattice lattice) {
        shown = lattice.parameters();
        for (int i = 0; i < 6; i++) {
            revert(i);
        }
    }

    private void revert(int i) {
        fields[i].setText(NumberText.format(shown[i]));
        fields[i].setForeground(null);
        setMessage(i, "");
    }

    private void commit(int i) {
        String text = fields[i].getText();
        if (text.strip().equals(NumberText.format(shown[i]))) {
            fields[i].setForeground(null);
            setMessage(i, "");
            return;
        }
        String problem = editor.tryEdit("Set " + StructureEdits.LATTICE_NAMES[i],
                s -> StructureEdits.withLatticeParameter(s, i, text));
        if (problem != null) {
            fields[i].setForeground(fields[i].getDisplay().getSystemColor(SWT.COLOR_RED));
            setMessage(i, problem);
        }
    }

    private void setMessage(int i, String message) {
        if (messages[i].getText().equals(message)) {
            return;
        }
        messages[i].setText(message);
        // a row of messages shows while either of its two messages is set
        int partner = i < 3 ? i + 3 : i - 3;
        boolean show = !message.isEmpty() || !messages[partner].getText().isEmpty();
        for (Label l : new Label[] {messages[i], messages[partner]}) {
            ((GridData) l.getLayoutData()).exclude = !show;
            l.setVisible(show);
        }
        editor.relayout();
    }

    /** The field of parameter i (0-5: a, b, c, α, β, γ). */
    Text field(int i) {
        return fields[i];
    }

    /** The message shown next to parameter i (empty when its value was accepted). */
    String message(int i) {
        return messages[i].getText();
    }
}
