package org.pxrd.ui.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.model.Lattice;
import org.pxrd.model.Structure;
import org.pxrd.ui.editor.StructureEditor;
import org.pxrd.ui.editor.StructureEditorInput;
import org.pxrd.ui.files.StructureOpener;
import org.pxrd.ui.testsupport.Ui;

/** The active structure follows editor activation, edits and closing; one failing listener does not stop others. */
class ActiveStructureTest {

    private final List<Structure> heard = new ArrayList<>();
    private final StructureListener recorder = (source, structure) -> heard.add(structure);
    private final StructureListener failing = (source, structure) -> {
        throw new IllegalStateException("a view with a bug");
    };
    private ActiveStructure active;

    @AfterEach
    void close() {
        active.removeListener(failing);
        active.removeListener(recorder);
        Ui.closeEditors();
    }

    @Test
    void followsTheActiveEditorItsEditsAndTheClosingOfTheLastOne() throws Exception {
        active = ActiveStructure.of(PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        active.addListener(failing);
        active.addListener(recorder);
        StructureEditor scTe = StructureOpener.open(Ui.page(), Ui.example("ScTe"));
        StructureEditor feH = StructureOpener.open(Ui.page(), Ui.example("FeH"));
        Ui.processEvents();
        assertThat(active.source()).containsSame(feH);
        assertThat(heard).containsSubsequence(scTe.structure(), feH.structure());

        Ui.page().activate(scTe);
        Ui.processEvents();
        assertThat(active.current()).containsSame(scTe.structure());
        assertThat(heard.get(heard.size() - 1)).isSameAs(scTe.structure());

        Structure edited = scTe.structure().withLattice(Lattice.fromParameters(4.5, 4.5, 6.5, 90, 90, 120));
        scTe.apply("Set cell", edited);
        assertThat(heard.get(heard.size() - 1)).isSameAs(edited);

        // edits of an editor that is not active are not reported as the active structure
        int before = heard.size();
        feH.apply("Set a", feH.structure().withLattice(Lattice.cubic(4.0)));
        assertThat(heard).hasSize(before);

        Ui.closeEditors();
        assertThat(active.source()).isEmpty();
        assertThat(heard.get(heard.size() - 1)).isNull();
    }

    @Test
    void anUnsavedStructureOpensInAnEditorDirtyUntilSaved(@TempDir Path dir) throws Exception {
        active = ActiveStructure.of(PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        Structure computed = StructureOpener.open(Ui.page(), Ui.example("MnCo")).structure()
                .withLattice(Lattice.cubic(3.1));
        StructureEditor editor = StructureEditor.open(Ui.page(),
                StructureEditorInput.unsaved(computed, "refined MnCo"));
        Ui.processEvents();
        assertThat(editor.getPartName()).isEqualTo("refined MnCo");
        assertThat(editor.file()).isNull();
        assertThat(editor.isDirty()).isTrue(); // closing it asks to save it: nothing computed is lost silently
        assertThat(active.current()).containsSame(computed);
        editor.saveTo(dir.resolve("refined.pxrdtest"));
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.getPartName()).isEqualTo("refined.pxrdtest");
    }
}
