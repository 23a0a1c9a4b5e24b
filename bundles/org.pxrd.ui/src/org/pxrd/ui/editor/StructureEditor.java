package org.pxrd.ui.editor;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.operations.UndoRedoActionGroup;
import org.eclipse.ui.part.EditorPart;
import org.pxrd.io.StructureFormatException;
import org.pxrd.model.Structure;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.files.RecentFiles;
import org.pxrd.ui.files.FileDialogs;
import org.pxrd.ui.structure.StructureListener;
import org.pxrd.ui.structure.StructureSource;

/**
 * The structure editor: a summary (formula, sites, volume, density, the space group the file declared), the space
 * group found by the symmetry finder with Symmetrize and Standardize ({@link SymmetryPanel}), the lattice parameters
 * and the sites table, for structure files of any contributed format (CIF, POSCAR, ...) and for unsaved
 * structures.
 *
 * <p>Every accepted edit is one operation in the workbench operation history (Edit &gt; Undo/Redo, Ctrl+Z,
 * Ctrl+Shift+Z), under this editor's undo context. Rejected values never reach the model: the model's own
 * validation names the problem next to the field. The editor is dirty while its structure differs from the
 * one last read or saved (undoing back to it makes it clean again); a structure that was never saved is dirty, so
 * closing it asks to save it.
 *
 * <p>Other views follow the structure through {@link StructureSource} (directly, or through
 * {@link org.pxrd.ui.structure.ActiveStructure} for the active editor); the editor also publishes the structure
 * as its site's selection ({@link StructuredSelection} of one {@link Structure}).
 */
public class StructureEditor extends EditorPart implements StructureSource {

    /** Editor id. */
    public static final String ID = "org.pxrd.ui.editors.structure";

    private final ListenerList<StructureListener> listeners = new ListenerList<>();
    private final StructureSelection selection = new StructureSelection();
    private IUndoContext undoContext;
    private UndoRedoActionGroup undoRedo;
    private Structure structure;
    private Structure saved;
    private Path file;
    private boolean disposed;

    private ScrolledComposite scroller;
    private Composite root;
    private Label name;
    private Label formula;
    private Label sites;
    private Label volume;
    private Label density;
    private Label declared;
    private SymmetryPanel symmetry;
    private LatticeSection lattice;
    private SitesSection sitesSection;

    /**
     * Opens a structure in an editor of the page (the existing one when the file is already open).
     *
     * @throws PartInitException when the workbench cannot open the editor
     */
    public static StructureEditor open(IWorkbenchPage page, StructureEditorInput input) throws PartInitException {
        if (page.openEditor(input, ID) instanceof StructureEditor editor) {
            return editor;
        }
        throw new PartInitException("the structure editor could not open " + input.getName()
                + " (see the error log)");
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof StructureEditorInput structureInput)) {
            throw new PartInitException("the structure editor cannot open " + input.getName()
                    + " (use File > Open to read a structure file)");
        }
        setSite(site);
        setInput(input);
        structure = structureInput.structure();
        saved = structureInput.file() == null ? null : structure; // an unsaved structure is dirty until saved
        file = structureInput.file();
        undoContext = new ObjectUndoContext(this, "Structure editor " + input.getName());
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
        site.setSelectionProvider(selection);
    }

    @Override
    public void createPartControl(Composite parent) {
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        root = new Composite(scroller, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        scroller.setContent(root);
        createSummary(root);
        symmetry = new SymmetryPanel(root, this);
        lattice = new LatticeSection(root, this);
        sitesSection = new SitesSection(root, this);
        undoRedo = new UndoRedoActionGroup(getSite(), undoContext, true);
        undoRedo.fillActionBars(getEditorSite().getActionBars());
        getEditorSite().getActionBars().updateActionBars();
        refresh();
        StructureEditorInput input = (StructureEditorInput) getEditorInput();
        if (input.structuresInFile() > 1) {
            statusLine().setMessage(input.getName() + " holds " + input.structuresInFile()
                    + " structures; the editor shows the first (" + structure.name() + ")");
        }
    }

    private void createSummary(Composite parent) {
        Group group = new Group(parent, SWT.NONE);
        group.setText("Structure");
        group.setLayout(new GridLayout(4, false));
        group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        name = summaryField(group, "Name");
        formula = summaryField(group, "Formula (cell)");
        sites = summaryField(group, "Sites");
        declared = summaryField(group, "Declared space group");
        volume = summaryField(group, "Volume");
        density = summaryField(group, "Density");
    }

    private static Label summaryField(Composite parent, String title) {
        new Label(parent, SWT.NONE).setText(title + ":");
        Label value = new Label(parent, SWT.NONE);
        value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return value;
    }

    /** Shows the current structure in every widget. */
    private void refresh() {
        if (root == null || root.isDisposed()) {
            return;
        }
        name.setText(structure.name());
        formula.setText(structure.formula() + "  (" + structure.reducedFormula() + ")");
        sites.setText(Integer.toString(structure.size()));
        declared.setText(SpaceGroupText.declared(structure));
        symmetry.show(structure);
        volume.setText(String.format(Locale.ROOT, "%.4f Å³", structure.lattice().volume()));
        density.setText(String.format(Locale.ROOT, "%.4f g/cm³", structure.density()));
        lattice.show(structure.lattice());
        sitesSection.show(structure);
        relayout();
        statusLine().setMessage(summary());
    }

    /** Lays the editor out again after a message appeared or went. */
    void relayout() {
        if (root != null && !root.isDisposed()) {
            root.layout(true, true);
            scroller.setMinSize(root.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        }
    }

    private String summary() {
        return structure.reducedFormula() + ", " + structure.size() + " sites, V = "
                + String.format(Locale.ROOT, "%.3f Å³", structure.lattice().volume());
    }

    /**
     * Tries an edit typed by the user: when {@code edit} accepts the current structure it becomes one undoable
     * operation; when it throws, nothing changes.
     *
     * @return the problem (one line, for the message next to the field), or null when the edit was applied
     */
    String tryEdit(String label, UnaryOperator<Structure> edit) {
        Structure next;
        try {
            next = edit.apply(structure);
        } catch (IllegalArgumentException e) {
            statusLine().setErrorMessage(e.getMessage());
            return e.getMessage();
        }
        statusLine().setErrorMessage(null);
        if (next != structure) {
            apply(label, next);
        }
        return null;
    }

    /**
     * Replaces the structure by {@code next} as one undoable operation named {@code label} (for views and commands
     * that change the structure: symmetrize, apply a refinement result, ...).
     */
    public void apply(String label, Structure next) {
        IOperationHistory history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
        try {
            history.execute(new StructureChange(label, this, undoContext, structure, next), null, null);
        } catch (ExecutionException e) {
            PxrdUiPlugin.logError("edit '" + label + "' failed: " + e.getMessage(), e);
        }
    }

    /** Shows a structure (operations call this when they execute, undo and redo). */
    void show(Structure next) {
        structure = next;
        refresh();
        firePropertyChange(PROP_DIRTY);
        selection.changed();
        for (StructureListener l : listeners) {
            try {
                l.structureChanged(this, structure);
            } catch (RuntimeException | LinkageError e) {
                PxrdUiPlugin.logError("a view failed to follow the structure of " + getPartName() + ": " + e, e);
            }
        }
    }

    @Override
    public Structure structure() {
        return structure;
    }

    @Override
    public String title() {
        return getPartName();
    }

    @Override
    public void addStructureListener(StructureListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeStructureListener(StructureListener listener) {
        listeners.remove(listener);
    }

    /** The file the editor saves to, or null for an unsaved structure. */
    public Path file() {
        return file;
    }

    /** The undo context of this editor's operations in the workbench operation history. */
    public IUndoContext undoContext() {
        return undoContext;
    }

    @Override
    public boolean isDirty() {
        return structure != saved;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return true;
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        if (file == null) {
            doSaveAs();
            return;
        }
        if (!save(file) && monitor != null) {
            monitor.setCanceled(true);
        }
    }

    @Override
    public void doSaveAs() {
        Path target = FileDialogs.askSavePath(getSite().getShell(), PxrdUiPlugin.services(),
                file != null ? file : Path.of(structure.name() + ".cif"));
        if (target != null) {
            save(target);
        }
    }

    /** Saves to {@code target}, reporting a failure in a dialog; returns whether the file was written. */
    private boolean save(Path target) {
        try {
            saveTo(target);
            return true;
        } catch (StructureFormatException e) {
            MessageDialog.openError(getSite().getShell(), "Save failed", e.getMessage());
            return false;
        }
    }

    /**
     * Writes the structure to {@code target} in the format of its extension (through the contributed structure
     * formats) and makes it the editor's file.
     *
     * @throws StructureFormatException with a one-line message when no format writes such files or writing fails;
     *         the editor then keeps its file and dirty state
     */
    public void saveTo(Path target) throws StructureFormatException {
        PxrdUiPlugin.services().structureFiles().write(structure, target);
        Path absolute = target.toAbsolutePath().normalize();
        boolean renamed = !absolute.equals(file);
        saved = structure;
        file = absolute;
        if (renamed) {
            StructureEditorInput input = StructureEditorInput.saved(structure, absolute);
            setInputWithNotify(input);
            setPartName(input.getName());
            setTitleToolTip(input.getToolTipText());
        }
        RecentFiles.add(absolute);
        firePropertyChange(PROP_DIRTY);
        statusLine().setMessage("Saved " + absolute);
    }

    /** Shows a message in the status line. */
    void setStatus(String message) {
        statusLine().setMessage(message);
    }

    private IStatusLineManager statusLine() {
        return getEditorSite().getActionBars().getStatusLineManager();
    }

    /** Whether the editor was closed. */
    boolean isDisposed() {
        return disposed;
    }

    @Override
    public void setFocus() {
        lattice.field(0).setFocus();
        statusLine().setErrorMessage(null); // another editor's last problem; this one's stay next to its fields
        statusLine().setMessage(summary());
    }

    @Override
    public void dispose() {
        disposed = true;
        listeners.clear();
        if (symmetry != null) {
            symmetry.dispose();
        }
        if (undoRedo != null) {
            undoRedo.dispose();
        }
        if (undoContext != null) {
            PlatformUI.getWorkbench().getOperationSupport().getOperationHistory().dispose(undoContext, true, true,
                    true);
        }
        super.dispose();
    }

    /** The lattice fields (for tests). */
    LatticeSection latticeSection() {
        return lattice;
    }

    /** The sites table (for tests). */
    SitesSection sitesSection() {
        return sitesSection;
    }

    /** The space group shown ("searching..." until the symmetry finder has answered for the structure shown). */
    String spaceGroupText() {
        return symmetry.text();
    }

    /** The symmetry section (for tests). */
    SymmetryPanel symmetryPanel() {
        return symmetry;
    }

    /** The editor's structure as its site's selection. */
    private final class StructureSelection implements ISelectionProvider {

        private final ListenerList<ISelectionChangedListener> selectionListeners = new ListenerList<>();

        @Override
        public ISelection getSelection() {
            return structure == null ? StructuredSelection.EMPTY : new StructuredSelection(structure);
        }

        @Override
        public void setSelection(ISelection ignored) {
            // the structure is changed by edits, not by selecting
        }

        @Override
        public void addSelectionChangedListener(ISelectionChangedListener l) {
            selectionListeners.add(l);
        }

        @Override
        public void removeSelectionChangedListener(ISelectionChangedListener l) {
            selectionListeners.remove(l);
        }

        void changed() {
            SelectionChangedEvent event = new SelectionChangedEvent(this, getSelection());
            for (ISelectionChangedListener l : selectionListeners) {
                l.selectionChanged(event);
            }
        }
    }
}
