package org.pxrd.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.menus.CommandContributionItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.ui.PxrdUiPlugin;
import org.eclipse.ui.IWorkbenchPart;
import org.pxrd.testdata.TestData;
import org.pxrd.ui.editor.StructureEditor;
import org.pxrd.ui.pattern.PatternTarget.MeasuredTarget;
import org.pxrd.ui.pattern.PatternView;
import org.pxrd.ui.testsupport.Ui;

/** File &gt; Open Recent: newest first, at most ten, stored in the instance-scope preferences. */
class RecentFilesTest {

    @AfterEach
    void clean() {
        RecentFiles.clear();
        Ui.closeEditors();
    }

    @Test
    void keepsTheNewestTenFilesFirstInTheInstancePreferences() {
        RecentFiles.clear();
        for (int i = 0; i < 12; i++) {
            RecentFiles.add(Path.of("/tmp/structure" + i + ".cif"));
        }
        RecentFiles.add(Path.of("/tmp/structure5.cif"));
        assertThat(RecentFiles.list()).hasSize(RecentFiles.MAX);
        assertThat(RecentFiles.list().get(0)).isEqualTo(Path.of("/tmp/structure5.cif"));
        assertThat(RecentFiles.list().get(1)).isEqualTo(Path.of("/tmp/structure11.cif"));
        assertThat(RecentFiles.list()).doesNotContain(Path.of("/tmp/structure0.cif"), Path.of("/tmp/structure1.cif"));
        String stored = PxrdUiPlugin.preferences().get(RecentFiles.KEY, "");
        assertThat(stored.split("\n")[0]).isEqualTo("/tmp/structure5.cif");
    }

    @Test
    void structureFilesNamedOnTheCommandLineOpenAndEverythingElseIsSkipped(@TempDir Path dir) throws Exception {
        Path file = Ui.example("Au2S").toAbsolutePath();
        Path notStructure = Files.writeString(dir.resolve("test.properties"), "a=b\n");
        Path broken = Files.writeString(dir.resolve("broken.cif"), "data_x\n_cell_length_a 1\n");
        List<Path> opened = CommandLineFiles.open(Ui.page(), new String[] {"-data", "/no/such/structure.cif",
            notStructure.toString(), broken.toString(), file.toString()});
        Ui.processEvents();
        assertThat(opened).containsExactly(file);
        assertThat(((StructureEditor) Ui.page().getActiveEditor()).file()).isEqualTo(file.normalize());
    }

    @Test
    void aPatternFileOpensInItsPatternViewAndOpenRecentReopensIt() throws Exception {
        RecentFiles.clear();
        Path file = TestData.path("measured/RbNb2O5F_pyrochlore/RbNb2O5F.xrdml").toAbsolutePath().normalize();
        IWorkbenchPart part = FileOpener.open(Ui.page(), file, (shell, name) -> {
            throw new AssertionError("the XRDML file states its wavelength");
        });
        assertThat(part).isInstanceOf(PatternView.class);
        Ui.page().hideView((PatternView) part);
        Ui.processEvents();
        assertThat(RecentFiles.list()).containsExactly(file);

        CommandContributionItem item = (CommandContributionItem) recentItems()[0];
        assertThat(item.getData().label).isEqualTo("&1 RbNb2O5F.xrdml");
        item.getCommand().executeWithChecks(null, null);
        Ui.processEvents();
        PatternView reopened = (PatternView) Ui.page().getActivePart();
        assertThat(((MeasuredTarget) reopened.target()).file()).isEqualTo(file);
        Ui.page().hideView(reopened);
    }

    private static IContributionItem[] recentItems() {
        return new RecentFilesMenu() {
            IContributionItem[] items() {
                return getContributionItems();
            }
        }.items();
    }

    @Test
    void openingAFileListsItAndTheMenuReopensIt() throws Exception {
        RecentFiles.clear();
        Path file = Ui.example("ScTe").toAbsolutePath().normalize();
        StructureOpener.open(Ui.page(), file);
        Ui.closeEditors();
        assertThat(RecentFiles.list()).containsExactly(file);

        IContributionItem[] items = recentItems();
        assertThat(items).hasSize(1);
        CommandContributionItem item = (CommandContributionItem) items[0];
        assertThat(item.getData().label).isEqualTo("&1 " + file.getFileName());
        assertThat(item.getCommand().getParameterMap()).containsEntry(OpenRecentHandler.PATH, file.toString());

        item.getCommand().executeWithChecks(null, null);
        Ui.processEvents();
        assertThat(Ui.page().getActiveEditor()).isInstanceOf(StructureEditor.class);
        assertThat(((StructureEditor) Ui.page().getActiveEditor()).file()).isEqualTo(file);
        assertThat(Arrays.asList(Ui.page().getEditorReferences())).hasSize(1);
    }
}
