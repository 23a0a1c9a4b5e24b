package org.pxrd.core.extensions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionPoint;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Contributions from the Equinox extension registry of a running OSGi framework. Classes are loaded through
 * the contributing bundle, so a plugin's own dependencies are visible to it.
 */
public final class EquinoxExtensionSource implements ExtensionSource {

    private final IExtensionRegistry registry;
    private final BundleContext context;
    private final List<String> problems = new ArrayList<>();

    public EquinoxExtensionSource(IExtensionRegistry registry, BundleContext context) {
        this.registry = registry;
        this.context = context;
    }

    @Override
    public List<String> extensionPoints() {
        return Arrays.stream(registry.getExtensionPoints()).map(IExtensionPoint::getUniqueIdentifier).sorted()
                .toList();
    }

    @Override
    public List<Contribution> contributions(String extensionPointId) {
        List<Contribution> result = new ArrayList<>();
        for (IConfigurationElement element : registry.getConfigurationElementsFor(extensionPointId)) {
            try {
                List<Map<String, String>> settings = new ArrayList<>();
                for (IConfigurationElement s : element.getChildren(ContributionElements.SETTING_ELEMENT)) {
                    settings.add(attributes(s));
                }
                result.add(ContributionElements.toContribution(extensionPointId,
                        element.getContributor().getName(), attributes(element), settings));
            } catch (RuntimeException e) {
                synchronized (problems) {
                    problems.add(e.getMessage());
                }
            }
        }
        result.sort(Comparator.comparing(Contribution::id));
        return result;
    }

    private static Map<String, String> attributes(IConfigurationElement element) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : element.getAttributeNames()) {
            map.put(name, element.getAttribute(name));
        }
        return map;
    }

    @Override
    public Class<?> loadClass(Contribution contribution) throws ClassNotFoundException {
        if (contribution.className() == null) {
            throw new ClassNotFoundException("no class attribute");
        }
        Bundle bundle = null;
        for (Bundle b : context.getBundles()) {
            if (contribution.bundle().equals(b.getSymbolicName())
                    && (bundle == null || b.getVersion().compareTo(bundle.getVersion()) > 0)) {
                bundle = b;
            }
        }
        if (bundle == null) {
            throw new ClassNotFoundException("bundle " + contribution.bundle() + " is not installed");
        }
        return bundle.loadClass(contribution.className());
    }

    @Override
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    @Override
    public String describe() {
        return "Equinox extension registry";
    }

    /** The source of the running framework that loaded {@code anchor}, or null outside OSGi. */
    static ExtensionSource ofRunningFramework(Class<?> anchor) {
        Bundle bundle = FrameworkUtil.getBundle(anchor);
        IExtensionRegistry registry = org.eclipse.core.runtime.RegistryFactory.getRegistry();
        if (bundle == null || bundle.getBundleContext() == null || registry == null) {
            return null;
        }
        return new EquinoxExtensionSource(registry, bundle.getBundleContext());
    }
}
