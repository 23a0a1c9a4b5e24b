package org.pxrd.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.io.StructureFormatException;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.files.RecentFiles;
import org.pxrd.ui.files.StructureOpener;
import org.pxrd.ui.testsupport.Ui;

/**
 * The structure editor on a reference CIF of the examples (BPO4, I-4, a = 4.441994 Å, c = 6.70984 Å, 12 atoms in
 * the conventional cell), driven through its widgets and the workbench's undo/redo commands; space groups against
 * spglib's ({@link SymmetryOracle}).
 */
class StructureEditorTest {

    private static final double A = 4.441994;
    private static final double C = 6.70984;

    private StructureEditor editor;
    private Structure original;

    @BeforeEach
    void open() throws Exception {
        editor = StructureOpener.open(Ui.page(), Ui.example("BPO4"));
        Ui.processEvents();
        original = editor.structure();
    }

    @AfterEach
    void close() {
        Ui.closeEditors();
    }

    @Test
    void showsTheReferenceCifsCellSitesAndDeclaredSpaceGroup() {
        assertThat(original.size()).isEqualTo(12);
        assertThat(editor.latticeSection().field(0).getText()).isEqualTo("4.441994");
        assertThat(editor.latticeSection().field(2).getText()).isEqualTo("6.70984");
        assertThat(editor.latticeSection().field(5).getText()).isEqualTo("90");
        assertThat(editor.sitesSection().viewer().getTable().getItemCount()).isEqualTo(12);
        waitForSpaceGroup(editor);
        assertThat(editor.spaceGroupText()).isEqualTo(SymmetryOracle.row("4.441994").label());
        assertThat(editor.symmetryPanel().actionsEnabled()).isTrue();
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.getPartName()).isEqualTo("mp-3589_BPO4_sg82.cif");
    }

    @Test
    void editingALatticeParameterChangesTheModelMakesTheEditorDirtyAndUndoRedoWork() throws Exception {
        List<Structure> heard = new ArrayList<>();
        editor.addStructureListener((source, s) -> heard.add(s));

        type(editor.latticeSection().field(0), "5.2");

        Structure edited = editor.structure();
        assertThat(edited.lattice().a()).isCloseTo(5.2, within(1e-12));
        assertThat(edited.lattice().b()).isCloseTo(A, within(1e-12));
        assertThat(edited.lattice().c()).isCloseTo(C, within(1e-12));
        assertThat(edited.lattice().volume()).isCloseTo(5.2 * A * C, within(1e-9));
        assertThat(edited.site(11).frac()).containsExactly(original.site(11).frac());
        assertThat(editor.isDirty()).isTrue();
        assertThat(heard).containsExactly(edited);
        assertThat(((IStructuredSelection) editor.getSite().getSelectionProvider().getSelection()).getFirstElement())
                .isSameAs(edited);
        waitForSpaceGroup(editor);
        assertThat(editor.spaceGroupText()).isEqualTo(SymmetryOracle.row("5.2").label()); // C2: a != b breaks I-4

        IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
        handlers.executeCommand("org.eclipse.ui.edit.undo", null);
        Ui.processEvents();
        assertThat(editor.structure()).isSameAs(original);
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.latticeSection().field(0).getText()).isEqualTo("4.441994");

        handlers.executeCommand("org.eclipse.ui.edit.redo", null);
        Ui.processEvents();
        assertThat(editor.structure()).isSameAs(edited);
        assertThat(editor.isDirty()).isTrue();
        assertThat(heard).containsExactly(edited, original, edited);
    }

    @Test
    void badLatticeValuesAreRejectedNextToTheFieldAndNeverReachTheModel() {
        LatticeSection lattice = editor.latticeSection();
        type(lattice.field(0), "abc");
        assertThat(lattice.message(0)).isEqualTo("a: 'abc' is not a number");
        type(lattice.field(0), "NaN");
        assertThat(lattice.message(0)).isEqualTo("a: 'NaN' is not a finite number");
        type(lattice.field(1), "-3");
        assertThat(lattice.message(1)).contains("lattice length b = -3.0 Å must be positive");
        type(lattice.field(5), "180");
        assertThat(lattice.message(5)).contains("strictly between 0 and 180");
        assertThat(editor.structure()).isSameAs(original);
        assertThat(editor.isDirty()).isFalse();
        assertThat(lattice.field(1).getText()).isEqualTo("-3"); // left in the field to be corrected

        type(lattice.field(3), "150"); // alpha = 150 with beta = gamma = 90 is a cell
        assertThat(lattice.message(3)).isEmpty();
        Structure valid = editor.structure();
        type(lattice.field(4), "150"); // alpha = beta = 150 with gamma = 90 closes no cell
        assertThat(lattice.message(4)).contains("do not form a cell");
        assertThat(editor.structure()).isSameAs(valid);
    }

    @Test
    void badSiteValuesAreRejectedUnderTheTableAndGoodOnesApply() {
        SitesSection sites = editor.sitesSection();
        typeInTable(sites, 0, SiteField.SPECIES, "Xx");
        assertThat(sites.message()).contains("Site 1 (B0)").contains("unknown element 'Xx'");
        typeInTable(sites, 0, SiteField.OCCUPANCY, "1.5");
        assertThat(sites.message()).contains("must lie in (0, 1]");
        typeInTable(sites, 0, SiteField.OCCUPANCY, "0");
        assertThat(sites.message()).contains("must lie in (0, 1]");
        typeInTable(sites, 0, SiteField.X, "NaN");
        assertThat(sites.message()).contains("x: 'NaN' is not a finite number");
        typeInTable(sites, 0, SiteField.B_ISO, "-1");
        assertThat(sites.message()).contains("must be finite and non-negative");
        assertThat(editor.structure()).isSameAs(original);
        assertThat(editor.isDirty()).isFalse();

        typeInTable(sites, 0, SiteField.OCCUPANCY, "0.5");
        typeInTable(sites, 0, SiteField.SPECIES, "Al3+");
        typeInTable(sites, 0, SiteField.X, "1.25"); // wrapped into the cell
        assertThat(sites.message()).isEmpty();
        Site edited = editor.structure().site(0);
        assertThat(edited.occupancy()).isEqualTo(0.5);
        assertThat(edited.species().toString()).isEqualTo("Al3+");
        assertThat(edited.frac(0)).isCloseTo(0.25, within(1e-15));
        assertThat(editor.structure().formula()).isEqualTo("Al0.5 B1 P2 O8");
        assertThat(sites.viewer().getTable().getItem(0).getText(1 + SiteField.SPECIES.ordinal())).isEqualTo("Al3+");
    }

    @Test
    void saveWritesThroughTheFormatRegistryAndTheFileReadsBackAsTheEditedStructure(@TempDir Path dir)
            throws Exception {
        type(editor.latticeSection().field(2), "7.125");
        typeInTable(editor.sitesSection(), 11, SiteField.Z, "0.3");
        Structure edited = editor.structure();
        Path target = dir.resolve("edited.pxrdtest");

        editor.saveTo(target);
        Ui.processEvents();

        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.file()).isEqualTo(target.toAbsolutePath());
        assertThat(editor.getPartName()).isEqualTo("edited.pxrdtest");
        assertThat(RecentFiles.list().get(0)).isEqualTo(target.toAbsolutePath());
        Structure reread = PxrdUiPlugin.services().structureFiles().readFirst(target);
        assertThat(reread.lattice().parameters()).containsExactly(edited.lattice().parameters(), within(1e-12));
        assertThat(reread.size()).isEqualTo(edited.size());
        for (int i = 0; i < edited.size(); i++) {
            assertThat(reread.site(i).label()).isEqualTo(edited.site(i).label());
            assertThat(reread.site(i).species()).isEqualTo(edited.site(i).species());
            assertThat(reread.site(i).frac()).containsExactly(edited.site(i).frac());
            assertThat(reread.site(i).occupancy()).isEqualTo(edited.site(i).occupancy());
        }
        assertThat(reread.site(11).frac(2)).isEqualTo(0.3);
    }

    @Test
    void aFailedSaveKeepsTheFileAndTheDirtyState(@TempDir Path dir) {
        type(editor.latticeSection().field(0), "4.5");
        Path before = editor.file();
        Path target = dir.resolve("edited.unknownformat");
        assertThatThrownBy(() -> editor.saveTo(target)).isInstanceOf(StructureFormatException.class)
                .hasMessageContaining("no structure format writes files named like this");
        assertThat(editor.isDirty()).isTrue();
        assertThat(editor.file()).isEqualTo(before);
        assertThat(Files.exists(target)).isFalse();
    }

    /** Waits until the editor shows the space group of its structure (found off the UI thread). */
    static void waitForSpaceGroup(StructureEditor editor) {
        Ui.waitUntil("the space group of " + editor.getPartName(), () -> editor.symmetryPanel().isCurrent());
    }

    /** Types into a lattice field and presses Enter. */
    static void type(Text field, String text) {
        field.setText(text);
        field.notifyListeners(SWT.DefaultSelection, new Event());
        Ui.processEvents();
    }

    /** Edits one cell of the sites table through its cell editor, as a click, typing and Enter do. */
    static void typeInTable(SitesSection sites, int row, SiteField field, String text) {
        sites.viewer().editElement(row, 1 + field.ordinal());
        assertThat(sites.viewer().isCellEditorActive()).isTrue();
        sites.cellEditor(field).setValue(text);
        sites.viewer().applyEditorValue();
        Ui.processEvents();
    }
}
