package org.pxrd.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pxrd.model.Structure;
import org.pxrd.symmetry.SymmetryFinder;
import org.pxrd.ui.files.StructureOpener;
import org.pxrd.ui.testsupport.Screenshots;
import org.pxrd.ui.testsupport.Ui;

/**
 * The editor's symmetry: the group found after an edit, Symmetrize as one undoable edit and the standard cells
 * opened as new structures, on the example BPO4 (I-4) against spglib ({@link SymmetryOracle}).
 */
class SymmetryPanelTest {

    /** BPO4's b (Å) as in its CIF. */
    private static final double B = 4.441994;
    /** Symmetrized lengths agree to the rounding of the projector's averages. */
    private static final double ROUNDING = 1e-12;

    private StructureEditor editor;

    @BeforeEach
    void open() throws Exception {
        editor = StructureOpener.open(Ui.page(), Ui.example("BPO4"));
        Ui.processEvents();
    }

    @AfterEach
    void close() {
        Ui.closeEditors();
    }

    @Test
    void symmetrizeIsOneUndoableEditThatRestoresTheFullSymmetry() throws Exception {
        StructureEditorTest.type(editor.latticeSection().field(0), "4.445"); // 0.003 Å off: still I-4 at 0.01 Å
        Structure edited = editor.structure();
        StructureEditorTest.waitForSpaceGroup(editor);
        assertThat(editor.spaceGroupText()).isEqualTo(SymmetryOracle.row("4.445").label());
        assertThat(editor.symmetryPanel().actionsEnabled()).isTrue();
        // at a tolerance far below the edit, the edited cell has lost the 4-fold axis
        assertThat(new SymmetryFinder(1e-5, -1).analyze(edited).number()).isNotEqualTo(82);
        Screenshots.take("editor-space-group");

        assertThat(editor.symmetryPanel().symmetrize()).isTrue();
        Ui.processEvents();
        Structure symmetrized = editor.structure();
        // the metric averaged over the 4-fold rotation: a'² = b'² = (a² + b²)/2, c kept
        double expected = Math.sqrt((4.445 * 4.445 + B * B) / 2);
        assertThat(symmetrized.lattice().a()).isCloseTo(expected, within(ROUNDING));
        assertThat(symmetrized.lattice().b()).isCloseTo(expected, within(ROUNDING));
        assertThat(symmetrized.lattice().c()).isCloseTo(edited.lattice().c(), within(ROUNDING));
        assertThat(new SymmetryFinder(1e-5, -1).analyze(symmetrized).number()).isEqualTo(82);
        assertThat(symmetrized.size()).isEqualTo(edited.size());
        StructureEditorTest.waitForSpaceGroup(editor);
        assertThat(editor.spaceGroupText()).isEqualTo(SymmetryOracle.row("4.445").label());
        assertThat(editor.symmetryPanel().symmetrize()).as("a second symmetrize changes nothing").isFalse();

        IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
        handlers.executeCommand("org.eclipse.ui.edit.undo", null);
        Ui.processEvents();
        assertThat(editor.structure()).isSameAs(edited);
        assertThat(editor.latticeSection().field(0).getText()).isEqualTo("4.445");
        handlers.executeCommand("org.eclipse.ui.edit.redo", null);
        Ui.processEvents();
        assertThat(editor.structure()).isSameAs(symmetrized);
    }

    @Test
    void theStandardCellsOpenAsNewUnsavedStructures() throws Exception {
        StructureEditorTest.waitForSpaceGroup(editor);
        SymmetryOracle oracle = SymmetryOracle.row("4.441994");

        StructureEditor primitive = editor.symmetryPanel().standardize(true);
        Ui.processEvents();
        assertThat(primitive).isNotSameAs(editor);
        assertThat(primitive.file()).isNull();
        assertThat(primitive.isDirty()).isTrue();
        assertThat(primitive.getPartName()).contains("primitive").contains("I-4");
        assertThat(primitive.structure().size()).isEqualTo(oracle.primitiveSites());
        assertThat(primitive.structure().lattice().volume()).isCloseTo(oracle.primitiveVolume(), within(1e-6));

        StructureEditor conventional = editor.symmetryPanel().standardize(false);
        Ui.processEvents();
        assertThat(conventional.structure().size()).isEqualTo(oracle.conventionalSites());
        assertThat(conventional.structure().lattice().volume()).isCloseTo(oracle.conventionalVolume(),
                within(1e-6));
        StructureEditorTest.waitForSpaceGroup(conventional);
        assertThat(conventional.spaceGroupText()).isEqualTo(oracle.label());
        assertThat(Ui.page().getEditorReferences()).hasSize(3);
    }
}
