package org.pxrd.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pxrd.ui.editor.StructureEditor;
import org.pxrd.ui.testsupport.Ui;

/** The welcome page lists the study's ten structures and opens one with a single click. */
class WelcomeViewTest {

    /** Example file names: {@code <material id>_<reduced formula>_sg<space group number>.cif}. */
    private static final Pattern NAME = Pattern.compile(".*_([A-Za-z0-9]+)_sg(\\d+)\\.cif");

    @AfterEach
    void close() {
        Ui.closeEditors();
    }

    @Test
    void listsTheTenStudyStructuresWithFormulaAndSpaceGroupFromTheirCif() throws Exception {
        WelcomeView view = (WelcomeView) Ui.page().showView(WelcomeView.ID);
        Ui.waitUntil("the examples are read", view::isLoaded);
        assertThat(view.table().getItemCount()).isEqualTo(10);
        for (TableItem item : view.table().getItems()) {
            Matcher m = NAME.matcher(item.getText(2));
            assertThat(m.matches()).as(item.getText(2)).isTrue();
            assertThat(item.getText(0)).isEqualTo(m.group(1));
            assertThat(item.getText(1)).endsWith("(No. " + m.group(2) + ")");
        }
        assertThat(view.table().getItems()).extracting(i -> i.getText(1)).contains("I-4 (No. 82)",
                "Pm-3m (No. 221)", "P6_3/mmc (No. 194)");
    }

    @Test
    void oneClickOpensTheExampleInTheStructureEditor() throws Exception {
        WelcomeView view = (WelcomeView) Ui.page().showView(WelcomeView.ID);
        Ui.waitUntil("the examples are read", view::isLoaded);
        int row = 2;
        TableItem item = view.table().getItem(row);
        Rectangle bounds = item.getBounds(0);
        Event click = new Event();
        click.button = 1;
        click.x = bounds.x + bounds.width / 2;
        click.y = bounds.y + bounds.height / 2;
        view.table().notifyListeners(SWT.MouseUp, click);
        Ui.processEvents();

        IEditorPart active = Ui.page().getActiveEditor();
        assertThat(active).isInstanceOf(StructureEditor.class);
        StructureEditor editor = (StructureEditor) active;
        assertThat(editor.file()).isEqualTo(view.examples().get(row).file().toAbsolutePath().normalize());
        assertThat(editor.structure().reducedFormula()).isEqualTo(item.getText(0));
    }
}
