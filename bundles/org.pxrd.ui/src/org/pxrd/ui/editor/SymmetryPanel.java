package org.pxrd.ui.editor;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PartInitException;
import org.pxrd.model.Structure;
import org.pxrd.symmetry.ParameterVector;
import org.pxrd.symmetry.SpaceGroupProjector;
import org.pxrd.symmetry.SymmetryDataset;
import org.pxrd.symmetry.SymmetryFinder;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.jobs.LatestOnly;

/**
 * The editor's symmetry: the space group {@link SymmetryFinder} finds in the edited structure (default tolerances:
 * {@value SymmetryFinder#DEFAULT_SYMPREC} Å, {@value SymmetryFinder#DEFAULT_ANGLE_TOLERANCE}°), searched off the UI
 * thread after every edit, undo and redo (only the newest structure is searched; see {@link LatestOnly}), and what
 * can be done with it:
 * <ul>
 * <li><b>Symmetrize</b>: one undoable edit that moves the lattice and the sites onto the nearest configuration with
 * the full symmetry of the group found, in the same cell and site order ({@link SpaceGroupProjector}: the metric
 * averaged over the rotations, each orbit averaged over its operations);</li>
 * <li><b>Conventional cell</b> / <b>Primitive cell</b>: the standard cells as pymatgen defines them
 * ({@link SymmetryDataset#conventionalStandardStructure()}, {@link SymmetryDataset#primitiveStandardStructure()}),
 * each opened as a new unsaved structure.</li>
 * </ul>
 * The buttons are enabled while the group shown is that of the structure shown.
 */
final class SymmetryPanel {

    /**
     * Largest change (Å, degrees, fractional) of a parameter by symmetrizing that still counts as "already
     * symmetric": the averages of the projector reproduce a symmetric structure to rounding (~1e-15).
     */
    static final double ALREADY_SYMMETRIC = 1e-12;

    private final StructureEditor editor;
    private final Label label;
    private final Button symmetrize;
    private final Button conventional;
    private final Button primitive;
    private final LatestOnly<Structure, SymmetryDataset> finder;
    private Structure structure;
    private SymmetryDataset dataset;

    SymmetryPanel(Composite parent, StructureEditor editor) {
        this.editor = editor;
        Group group = new Group(parent, SWT.NONE);
        group.setText("Symmetry");
        group.setLayout(new GridLayout(2, false));
        group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(group, SWT.NONE).setText("Space group:");
        label = new Label(group, SWT.NONE);
        label.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Composite buttons = new Composite(group, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.marginLeft = 0;
        row.marginTop = 0;
        row.marginBottom = 0;
        buttons.setLayout(row);
        symmetrize = button(buttons, "Symmetrize", "Move the lattice and the sites onto the exact symmetry of the "
                + "space group found (one edit: Undo restores the structure)", this::symmetrize);
        conventional = button(buttons, "Conventional Cell", "Open the conventional standard cell as a new structure",
                () -> standardize(false));
        primitive = button(buttons, "Primitive Cell", "Open the primitive standard cell as a new structure",
                () -> standardize(true));
        finder = new LatestOnly<>("Finding the space group", parent.getDisplay(),
                s -> new SymmetryFinder().analyze(s), this::found);
    }

    private static Button button(Composite parent, String text, String tip, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    /** Shows a structure: its group is searched in the background. */
    void show(Structure next) {
        if (next == structure) {
            return;
        }
        structure = next;
        dataset = null;
        label.setText("searching...");
        enable(false);
        finder.submit(next);
    }

    private void found(LatestOnly.Result<Structure, SymmetryDataset> result) {
        if (label.isDisposed() || result.input() != structure) {
            return;
        }
        if (result.failed()) {
            label.setText("not found: " + result.error().getMessage());
            label.getParent().layout();
            return;
        }
        dataset = result.output();
        label.setText(SpaceGroupText.found(dataset));
        label.getParent().layout();
        enable(true);
    }

    private void enable(boolean found) {
        symmetrize.setEnabled(found);
        conventional.setEnabled(found);
        primitive.setEnabled(found);
    }

    /**
     * Symmetrizes the structure as one undoable edit.
     *
     * @return whether the structure changed (false when it already had the symmetry, or no group is known yet)
     */
    boolean symmetrize() {
        if (dataset == null) {
            return false;
        }
        Structure before = structure;
        double[] p = ParameterVector.of(before);
        double[] q;
        Structure after;
        try {
            q = new SpaceGroupProjector("", SymmetryFinder.DEFAULT_SYMPREC).prepare(before).apply(p);
            after = ParameterVector.toStructure(before, q);
        } catch (IllegalArgumentException e) {
            MessageDialog.openError(label.getShell(), "Symmetrize", e.getMessage());
            return false;
        }
        double change = 0;
        for (int i = 0; i < p.length; i++) {
            change = Math.max(change, Math.abs(p[i] - q[i]));
        }
        if (change <= ALREADY_SYMMETRIC) {
            editor.setStatus(before.name() + " already has the symmetry of " + dataset.symbol());
            return false;
        }
        editor.apply("Symmetrize (" + dataset.symbol() + ")", after);
        return true;
    }

    /**
     * Opens the conventional or primitive standard cell in a new unsaved structure editor.
     *
     * @return the editor, or null when no group is known yet or it cannot open
     */
    StructureEditor standardize(boolean toPrimitive) {
        if (dataset == null) {
            return null;
        }
        String kind = toPrimitive ? "primitive" : "conventional";
        Structure cell = toPrimitive ? dataset.primitiveStandardStructure()
                : dataset.conventionalStandardStructure().withSymmetry(dataset.spaceGroup().toCrystalSymmetry());
        String name = structure.name() + " " + kind + " " + dataset.symbol();
        try {
            return StructureEditor.open(editor.getSite().getPage(), StructureEditorInput.unsaved(cell, name));
        } catch (PartInitException e) {
            PxrdUiPlugin.logError("cannot open the " + kind + " cell: " + e.getMessage(), e);
            MessageDialog.openError(label.getShell(), "Standardize", e.getMessage());
            return null;
        }
    }

    /** The space group shown (or "searching..."). */
    String text() {
        return label.getText();
    }

    /** Whether Symmetrize and the standard cells can be used (a group is known for the structure shown). */
    boolean actionsEnabled() {
        return symmetrize.isEnabled() && conventional.isEnabled() && primitive.isEnabled();
    }

    /** Whether the group shown is that of the structure shown. */
    boolean isCurrent() {
        return dataset != null || label.getText().startsWith("not found");
    }

    void dispose() {
        finder.dispose();
    }
}
