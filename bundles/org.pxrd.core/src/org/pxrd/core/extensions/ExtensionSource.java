package org.pxrd.core.extensions;

import java.util.List;

/**
 * Where contributions come from: the Equinox extension registry inside OSGi, or the {@code plugin.xml}
 * files on the class path of a plain JVM. Both read the same declarations.
 */
public interface ExtensionSource {

    /** Full ids of every extension point known to this source, sorted. */
    List<String> extensionPoints();

    /** The contributions to an extension point, sorted by id (empty for an unknown point). */
    List<Contribution> contributions(String extensionPointId);

    /**
     * Loads the implementing class of a contribution through its contributing bundle.
     *
     * @throws ClassNotFoundException when the class or its bundle cannot be found
     */
    Class<?> loadClass(Contribution contribution) throws ClassNotFoundException;

    /**
     * Problems met while reading declarations (a malformed {@code plugin.xml}, a contribution without id or
     * class): reported, never fatal.
     */
    List<String> problems();

    /** A short description for diagnostics, e.g. "Equinox extension registry". */
    String describe();
}
