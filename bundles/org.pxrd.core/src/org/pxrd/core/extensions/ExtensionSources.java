package org.pxrd.core.extensions;

/** Picks the extension source of the environment the code runs in. */
public final class ExtensionSources {

    private ExtensionSources() {
    }

    /**
     * The Equinox extension registry when running inside OSGi with the registry bundle, otherwise the
     * {@code plugin.xml} files on the class path. Each call returns a new source: callers keep and share it.
     */
    public static ExtensionSource detect() {
        if (osgiRegistryAvailable()) {
            ExtensionSource equinox = EquinoxExtensionSource.ofRunningFramework(ExtensionSources.class);
            if (equinox != null) {
                return equinox;
            }
        }
        return new ClasspathExtensionSource();
    }

    private static boolean osgiRegistryAvailable() {
        ClassLoader loader = ExtensionSources.class.getClassLoader();
        try {
            Class.forName("org.osgi.framework.FrameworkUtil", false, loader);
            Class.forName("org.eclipse.core.runtime.RegistryFactory", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
