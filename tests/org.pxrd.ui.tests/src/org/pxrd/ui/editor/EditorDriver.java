package org.pxrd.ui.editor;

/** Lets tests of other packages type into the structure editor as a user does. */
public final class EditorDriver {

    private EditorDriver() {
    }

    /** Types a lattice parameter (0-5: a, b, c, α, β, γ) into the editor and presses Enter. */
    public static void typeLattice(StructureEditor editor, int index, String text) {
        StructureEditorTest.type(editor.latticeSection().field(index), text);
    }

    /** Whether the editor shows the space group of its structure. */
    public static boolean symmetryShown(StructureEditor editor) {
        return editor.symmetryPanel().isCurrent();
    }
}
