/**
 * Contribution registries shared by every algorithm family of PXRD Workbench.
 *
 * <p>Each family (structure formats, simulators, losses, projectors, matchers, potentials, optimizers,
 * preprocessors) declares an extension point in its bundle's {@code plugin.xml}, with a documented
 * {@code .exsd} schema, and contributes its built-ins through it exactly as a third-party plugin would.
 * A contribution is an element with {@code id}, {@code name}, {@code description} and {@code class}
 * attributes, optional family-specific attributes, and optional {@code <setting>} children that declare
 * its typed settings.
 *
 * <p>The same {@code plugin.xml} files are read in two environments through one {@link
 * org.pxrd.core.extensions.ExtensionSource} interface: inside OSGi from the Equinox extension registry
 * ({@link org.pxrd.core.extensions.EquinoxExtensionSource}), and on a plain JVM (scripts, distributed
 * workers, unit tests) from the class path ({@link org.pxrd.core.extensions.ClasspathExtensionSource}).
 * {@link org.pxrd.core.extensions.ContributionRegistry} is the per-family registry service built on a
 * source; registries are ordinary objects handed to whoever needs them, never static singletons.
 */
package org.pxrd.core.extensions;
