package org.pxrd.ui.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;

/** The items of File &gt; Open Recent, rebuilt from {@link RecentFiles} each time the menu opens. */
public class RecentFilesMenu extends CompoundContributionItem {

    @Override
    protected IContributionItem[] getContributionItems() {
        List<IContributionItem> items = new ArrayList<>();
        int n = 1;
        for (Path file : RecentFiles.list()) {
            CommandContributionItemParameter p = new CommandContributionItemParameter(PlatformUI.getWorkbench(),
                    null, OpenRecentHandler.COMMAND, CommandContributionItem.STYLE_PUSH);
            p.label = (n <= 9 ? "&" + n + " " : "") + file.getFileName() + (Files.exists(file) ? "" : " (missing)");
            p.tooltip = file.toString();
            p.parameters = Map.of(OpenRecentHandler.PATH, file.toString());
            items.add(new CommandContributionItem(p));
            n++;
        }
        return items.toArray(IContributionItem[]::new);
    }
}
