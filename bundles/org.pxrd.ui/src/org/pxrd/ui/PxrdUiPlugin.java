package org.pxrd.ui;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.ui.services.PxrdServices;

/**
 * The UI bundle's activator: owns the {@link PxrdServices} of the running workbench (one extension source shared
 * by every editor and view), the bundle's preferences (instance scope) and its error log.
 */
public class PxrdUiPlugin extends AbstractUIPlugin {

    /** Bundle symbolic name, also the preference node and log id. */
    public static final String ID = "org.pxrd.ui";

    private static PxrdUiPlugin plugin;

    private PxrdServices services;

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        plugin = this;
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        plugin = null;
        services = null;
        super.stop(context);
    }

    /** The running plugin, or null when the bundle is not active. */
    public static PxrdUiPlugin getDefault() {
        return plugin;
    }

    /** The registries and file services of the running workbench (created on first use). */
    public static synchronized PxrdServices services() {
        PxrdUiPlugin p = getDefault();
        if (p == null) {
            throw new IllegalStateException("bundle " + ID + " is not active");
        }
        if (p.services == null) {
            p.services = new PxrdServices(ExtensionSources.detect());
        }
        return p.services;
    }

    /** The bundle's preferences in the instance scope (the workspace's {@code .metadata}). */
    public static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode(ID);
    }

    /** Writes an error to the Eclipse error log (the workspace's {@code .metadata/.log}). */
    public static void logError(String message, Throwable cause) {
        ILog.of(PxrdUiPlugin.class).log(new Status(IStatus.ERROR, ID, message, cause));
    }

    /** Writes a warning to the Eclipse error log. */
    public static void logWarning(String message) {
        ILog.of(PxrdUiPlugin.class).log(new Status(IStatus.WARNING, ID, message));
    }
}
