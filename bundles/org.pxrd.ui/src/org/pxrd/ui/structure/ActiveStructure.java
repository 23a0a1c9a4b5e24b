package org.pxrd.ui.structure;

import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.IWindowListener;
import org.eclipse.ui.PlatformUI;
import org.pxrd.model.Structure;
import org.pxrd.ui.PxrdUiPlugin;

/**
 * The structure of the active structure editor of one workbench window, followed through editor activation,
 * editor closing and every edit. This is the API the views of the workbench use to show "the current
 * structure" (the 3D cell view now; the pattern, refinement and landscape views later):
 *
 * <pre>
 *   ActiveStructure active = ActiveStructure.of(getSite().getWorkbenchWindow());
 *   active.addListener(listener);        // listener.structureChanged(source, structure), on the UI thread
 *   active.current().ifPresent(this::show);
 *   ...
 *   active.removeListener(listener);     // in dispose()
 * </pre>
 *
 * The active editor stays the source while a view is active (clicking a view does not lose the structure);
 * closing the last structure editor reports {@code (null, null)}.
 */
public final class ActiveStructure {

    private static final Map<IWorkbenchWindow, ActiveStructure> BY_WINDOW = new WeakHashMap<>();

    private final IWorkbenchWindow window;
    private final ListenerList<StructureListener> listeners = new ListenerList<>();
    private final StructureListener forward = this::fire;
    private StructureSource source;

    private ActiveStructure(IWorkbenchWindow window) {
        this.window = window;
    }

    /** The tracker of a window (created on first use, disposed with the window). */
    public static synchronized ActiveStructure of(IWorkbenchWindow window) {
        ActiveStructure tracker = BY_WINDOW.get(window);
        if (tracker == null) {
            tracker = new ActiveStructure(window);
            tracker.install();
            BY_WINDOW.put(window, tracker);
        }
        return tracker;
    }

    private void install() {
        IPartListener2 parts = new IPartListener2() {
            @Override
            public void partActivated(IWorkbenchPartReference ref) {
                update(null);
            }

            @Override
            public void partBroughtToTop(IWorkbenchPartReference ref) {
                update(null);
            }

            @Override
            public void partClosed(IWorkbenchPartReference ref) {
                update(ref.getPart(false));
            }

            @Override
            public void partOpened(IWorkbenchPartReference ref) {
                update(null);
            }
        };
        window.getPartService().addPartListener(parts);
        PlatformUI.getWorkbench().addWindowListener(new IWindowListener() {
            @Override
            public void windowClosed(IWorkbenchWindow closed) {
                if (closed == window) {
                    PlatformUI.getWorkbench().removeWindowListener(this);
                    setSource(null);
                    synchronized (ActiveStructure.class) {
                        BY_WINDOW.remove(window);
                    }
                }
            }

            @Override
            public void windowActivated(IWorkbenchWindow w) {
            }

            @Override
            public void windowDeactivated(IWorkbenchWindow w) {
            }

            @Override
            public void windowOpened(IWorkbenchWindow w) {
            }
        });
        update(null);
    }

    /** Re-reads the window's active editor, ignoring one that is closing. */
    private void update(IWorkbenchPart closing) {
        IWorkbenchPage page = window.getActivePage();
        IEditorPart editor = page == null ? null : page.getActiveEditor();
        if (editor != null && editor == closing) {
            editor = null;
        }
        setSource(editor instanceof StructureSource s ? s : null);
    }

    private void setSource(StructureSource next) {
        if (next == source) {
            return;
        }
        if (source != null) {
            source.removeStructureListener(forward);
        }
        source = next;
        if (source != null) {
            source.addStructureListener(forward);
        }
        fire(source, source == null ? null : source.structure());
    }

    private void fire(StructureSource from, Structure structure) {
        for (StructureListener l : listeners) {
            try {
                l.structureChanged(from, structure);
            } catch (RuntimeException | LinkageError e) {
                // one failing view must not stop the others from following the structure
                PxrdUiPlugin.logError("a view failed to follow the structure: " + e, e);
            }
        }
    }

    /** The part holding the active structure, if any. */
    public Optional<StructureSource> source() {
        return Optional.ofNullable(source);
    }

    /** The active structure, if any. */
    public Optional<Structure> current() {
        return source().map(StructureSource::structure);
    }

    public void addListener(StructureListener listener) {
        listeners.add(listener);
    }

    public void removeListener(StructureListener listener) {
        listeners.remove(listener);
    }
}
