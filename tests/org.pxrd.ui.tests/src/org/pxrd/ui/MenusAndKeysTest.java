package org.pxrd.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.bindings.keys.KeyStroke;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.pxrd.ui.testsupport.Ui;

/** The menu bar of the workbench window and the keys of the usual commands. */
class MenusAndKeysTest {

    @Test
    void theMenusHoldTheFileEditWindowAndHelpCommands() {
        Map<String, List<String>> menus = menus();
        assertThat(menus.keySet()).containsSubsequence("File", "Edit", "Window", "Help");
        assertThat(menus.get("File")).containsSubsequence("Open...", "Open Recent", "Save", "Save As...", "Close",
                "Exit");
        assertThat(menus.get("File").get(0)).isEqualTo("Open...");
        assertThat(menus.get("Edit").get(0)).startsWith("Undo");
        assertThat(menus.get("Edit").get(1)).startsWith("Redo");
        assertThat(menus.get("Window")).contains("Show View", "Preferences...");
        assertThat(menus.get("Help")).contains("Welcome", "About PXRD Workbench");
    }

    @Test
    void theUsualCommandsHaveTheirUsualKeys() {
        IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
        assertThat(bindings.getActiveScheme().getId()).isEqualTo("org.pxrd.ui.scheme");
        assertThat(key(bindings, "org.pxrd.ui.file.open")).isEqualTo("M1+O");
        assertThat(key(bindings, "org.eclipse.ui.file.save")).isEqualTo("M1+S");
        assertThat(key(bindings, "org.eclipse.ui.file.saveAs")).isEqualTo("M1+M2+S");
        assertThat(key(bindings, "org.eclipse.ui.file.close")).isEqualTo("M1+W");
        assertThat(key(bindings, "org.eclipse.ui.file.exit")).isEqualTo("M1+Q");
        assertThat(key(bindings, "org.eclipse.ui.edit.undo")).isEqualTo("M1+Z");
        assertThat(key(bindings, "org.eclipse.ui.edit.redo")).isIn("M1+Y", "M1+M2+Z");
    }

    /** The best active key of a command in the platform-neutral form (M1 = Ctrl, M2 = Shift). */
    private static String key(IBindingService bindings, String command) {
        TriggerSequence best = bindings.getBestActiveBindingFor(command);
        assertThat(best).as(command).isInstanceOf(KeySequence.class);
        return neutral((KeySequence) best);
    }

    private static String neutral(KeySequence sequence) {
        KeyStroke stroke = sequence.getKeyStrokes()[0];
        assertThat(sequence.getKeyStrokes()).hasSize(1);
        StringBuilder sb = new StringBuilder();
        if ((stroke.getModifierKeys() & SWT.MOD1) != 0) {
            sb.append("M1+");
        }
        if ((stroke.getModifierKeys() & SWT.MOD2) != 0) {
            sb.append("M2+");
        }
        return sb.append((char) stroke.getNaturalKey()).toString().toUpperCase(java.util.Locale.ROOT);
    }

    @Test
    void aboutNamesTheVersionOfTheWorkbench() {
        String version = FrameworkUtil.getBundle(AboutHandler.class).getVersion().toString();
        assertThat(version).startsWith("0.1.0");
        assertThat(AboutHandler.text()).startsWith("PXRD Workbench " + version).contains("Java "
                + System.getProperty("java.version"));
    }

    /** Each top-level menu's item texts, without mnemonics and accelerators, after the menus are filled. */
    private static Map<String, List<String>> menus() {
        Menu bar = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().getMenuBar();
        Map<String, List<String>> menus = new LinkedHashMap<>();
        for (MenuItem top : bar.getItems()) {
            Menu menu = top.getMenu();
            if (menu == null) {
                continue;
            }
            menu.notifyListeners(SWT.Show, new Event());
            Ui.processEvents();
            List<String> items = new ArrayList<>();
            for (MenuItem item : menu.getItems()) {
                if ((item.getStyle() & SWT.SEPARATOR) == 0) {
                    items.add(clean(item.getText()));
                }
            }
            menu.notifyListeners(SWT.Hide, new Event());
            menus.put(clean(top.getText()), items);
        }
        return menus;
    }

    private static String clean(String text) {
        int tab = text.indexOf('\t');
        return (tab >= 0 ? text.substring(0, tab) : text).replace("&", "").strip();
    }
}
