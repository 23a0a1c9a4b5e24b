package org.pxrd.ui.cell;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.pxrd.model.Structure;
import org.pxrd.ui.structure.ActiveStructure;
import org.pxrd.ui.structure.StructureListener;
import org.pxrd.ui.structure.StructureSource;

/**
 * The 3D view of the active structure editor's cell: atoms, bonds, the unit cell and the a, b, c axes, updated on
 * every edit, undo and redo. Jmol draws it when AWT can be embedded, otherwise a pure-SWT ball-and-stick renderer
 * ({@link CellRenderers}). The renderer is created when the first structure is shown, so the view costs nothing
 * at start-up.
 */
public class CellView extends ViewPart {

    /** View id. */
    public static final String ID = "org.pxrd.ui.views.cell";

    private final StructureListener listener = (source, structure) -> show(source, structure);
    private List<CellRenderer.Factory> order = CellRenderers.defaultOrder();
    private Composite stack;
    private StackLayout layout;
    private Label placeholder;
    private CellRenderer renderer;
    private List<String> rendererFailures = List.of();
    private ActiveStructure active;
    private Structure shown;
    private StructureSource shownSource;

    @Override
    public void createPartControl(Composite parent) {
        stack = new Composite(parent, SWT.NONE);
        layout = new StackLayout();
        stack.setLayout(layout);
        placeholder = new Label(stack, SWT.WRAP);
        placeholder.setText("Open a structure (File > Open..., or the Welcome page) to see its cell here.");
        layout.topControl = placeholder;
        active = ActiveStructure.of(getSite().getWorkbenchWindow());
        active.addListener(listener);
        StructureSource source = active.source().orElse(null);
        show(source, source == null ? null : source.structure());
    }

    /** Uses other renderers, in order of preference (tests exercise the fallback through this). */
    void useRenderers(List<CellRenderer.Factory> factories) {
        order = List.copyOf(factories);
        if (renderer != null) {
            renderer.dispose();
            renderer = null;
        }
        Structure again = shown;
        shown = null;
        shownSource = null;
        show(active.source().orElse(null), again);
    }

    private void show(StructureSource source, Structure structure) {
        if (stack.isDisposed()) {
            return;
        }
        boolean sameSource = source != null && source == shownSource;
        shown = structure;
        shownSource = source;
        if (structure == null) {
            setContentDescription("");
            layout.topControl = placeholder;
            stack.layout();
            if (renderer != null) {
                renderer.show(null, false);
            }
            return;
        }
        if (renderer == null) {
            CellRenderers.Choice choice = CellRenderers.create(stack, order);
            renderer = choice.renderer();
            rendererFailures = choice.failures();
            renderer.control().setToolTipText(renderer.name() + (rendererFailures.isEmpty() ? ""
                    : "; unavailable: " + String.join("; ", rendererFailures)));
        }
        layout.topControl = renderer.control();
        stack.layout();
        renderer.show(structure, sameSource);
        setContentDescription((source == null ? structure.name() : source.title()) + ": " + structure.reducedFormula()
                + ", " + structure.size() + " sites; axes a red, b green, c blue");
    }

    /** The renderer in use, or null before the first structure. */
    public CellRenderer renderer() {
        return renderer;
    }

    /** Why the preferred renderers could not be used (empty when the first one works). */
    public List<String> rendererFailures() {
        return rendererFailures;
    }

    /** The structure shown, or null. */
    public Structure shownStructure() {
        return shown;
    }

    @Override
    public void setFocus() {
        stack.setFocus();
    }

    @Override
    public void dispose() {
        if (active != null) {
            active.removeListener(listener);
        }
        if (renderer != null) {
            renderer.dispose();
        }
        super.dispose();
    }
}
