package org.pxrd.ui;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.ICoolBarManager;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.action.ToolBarContributionItem;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.swt.SWT;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/**
 * The menu bar's skeleton and the workbench's standard actions. Everything specific to PXRD (File &gt; Open...,
 * Open Recent, Help &gt; About, the menus of later views) is contributed through {@code plugin.xml} menu
 * contributions into the named groups below, so a new view adds its commands without touching this class:
 * <ul>
 * <li>{@code menu:file?after=open}: Open..., Open Recent; {@code save}: Save, Save As...; {@code close}: Close;
 * {@code additions}; {@code exit}: Exit</li>
 * <li>{@code menu:edit}: Undo, Redo (the active editor's operation history), {@code additions}</li>
 * <li>{@code menu:org.eclipse.ui.main.menu?after=additions}: top-level menus of later views</li>
 * <li>{@code menu:window}: Show View, Preferences, {@code additions}</li>
 * <li>{@code menu:help?after=additions}: Welcome, About</li>
 * </ul>
 * Keys: Ctrl+O open, Ctrl+S save, Ctrl+Shift+S save as, Ctrl+W close, Ctrl+Q exit, Ctrl+Z undo, Ctrl+Shift+Z and
 * Ctrl+Y redo (the PXRD key scheme in {@code plugin.xml} on top of the default one).
 */
public class PxrdActionBarAdvisor extends ActionBarAdvisor {

    /** Group of File &gt; Open... and Open Recent. */
    public static final String GROUP_OPEN = "open";

    private IWorkbenchAction save;
    private IWorkbenchAction saveAs;
    private IWorkbenchAction close;
    private IWorkbenchAction quit;
    private IWorkbenchAction undo;
    private IWorkbenchAction redo;
    private IWorkbenchAction preferences;
    private IWorkbenchWindow window;

    public PxrdActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow w) {
        window = w;
        save = register(ActionFactory.SAVE.create(w));
        saveAs = register(ActionFactory.SAVE_AS.create(w));
        close = register(ActionFactory.CLOSE.create(w));
        close.setText("&Close");
        quit = register(ActionFactory.QUIT.create(w));
        undo = register(ActionFactory.UNDO.create(w));
        redo = register(ActionFactory.REDO.create(w));
        preferences = register(ActionFactory.PREFERENCES.create(w));
    }

    private IWorkbenchAction register(IWorkbenchAction action) {
        super.register(action);
        return action;
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_START));
        file.add(new GroupMarker(GROUP_OPEN));
        file.add(new Separator("save"));
        file.add(save);
        file.add(saveAs);
        file.add(new Separator("close"));
        file.add(close);
        file.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        file.add(new Separator("exit"));
        file.add(quit);
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_END));

        MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
        edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_START));
        edit.add(undo);
        edit.add(redo);
        edit.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_END));

        MenuManager windowMenu = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
        MenuManager showView = new MenuManager("Show &View", "showView");
        showView.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
        windowMenu.add(showView);
        windowMenu.add(new Separator());
        windowMenu.add(preferences);
        windowMenu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));

        MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
        help.add(new GroupMarker(IWorkbenchActionConstants.HELP_START));
        help.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        help.add(new GroupMarker(IWorkbenchActionConstants.HELP_END));

        menuBar.add(file);
        menuBar.add(edit);
        menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(windowMenu);
        menuBar.add(help);
    }

    @Override
    protected void fillCoolBar(ICoolBarManager coolBar) {
        IToolBarManager toolBar = new ToolBarManager(SWT.FLAT | SWT.RIGHT);
        toolBar.add(new GroupMarker(GROUP_OPEN));
        toolBar.add(save);
        toolBar.add(undo);
        toolBar.add(redo);
        toolBar.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        coolBar.add(new ToolBarContributionItem(toolBar, "org.pxrd.ui.toolbar.main"));
    }
}
