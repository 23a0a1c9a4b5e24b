package org.pxrd.core.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.FileLocator;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The registry inside OSGi (Equinox extension registry) and on a plain class path read the same contributions. */
class ContributionRegistryTest {

    private static final String POINT = "org.pxrd.core.testSamples";

    private final ExtensionSource source = ExtensionSources.detect();
    private final ContributionRegistry<SampleFamily> registry = new ContributionRegistry<>(source, POINT,
            SampleFamily.class);

    @Test
    void runsOnTheEquinoxRegistryInsideOsgi() {
        assertThat(source).isInstanceOf(EquinoxExtensionSource.class);
        assertThat(source.extensionPoints()).contains(POINT);
    }

    @Test
    void listsEveryContributionWithItsBundleSortedById() {
        assertThat(registry.contributions()).extracting(Contribution::id).containsExactly(
                "org.pxrd.core.tests.configured", "org.pxrd.core.tests.missing", "org.pxrd.core.tests.plain",
                "org.pxrd.core.tests.throwing", "org.pxrd.core.tests.wrongtype");
        assertThat(registry.contributions()).extracting(Contribution::bundle).containsOnly("org.pxrd.core");
        Contribution configured = registry.contributions().get(0);
        assertThat(configured.name()).isEqualTo("Configured sample");
        assertThat(configured.attribute("reference")).contains("Doe 2020");
        assertThat(configured.settings()).extracting(SettingDescriptor::key).containsExactly("width", "mode",
                "repeats");
    }

    @Test
    void createsInstancesWithDefaultAndGivenSettings() throws ContributionException {
        assertThat(registry.create("org.pxrd.core.tests.configured").value()).isEqualTo(4.5);
        assertThat(registry.create("configured", Map.of("width", "2", "repeats", "5")).value()).isEqualTo(10.0);
        assertThat(registry.create("plain").value()).isEqualTo(42.0);
    }

    @Test
    void rejectsBadSettingsNamingTheSetting() {
        assertThatThrownBy(() -> registry.create("configured", Map.of("width", "-1")))
                .isInstanceOf(ContributionException.class).hasMessageContaining("'width'")
                .hasMessageContaining("[0.0, Infinity]");
        assertThatThrownBy(() -> registry.create("configured", Map.of("widht", "1")))
                .hasMessageContaining("unknown setting 'widht'").hasMessageContaining("width");
        assertThatThrownBy(() -> registry.create("configured", Map.of("mode", "slow")))
                .hasMessageContaining("[fast, exact]");
        assertThatThrownBy(() -> registry.create("configured", Map.of("repeats", "NaN")))
                .hasMessageContaining("expects an integer");
    }

    @Test
    void brokenPluginsBecomeCheckedErrorsNamingContributionAndBundle() {
        assertThatThrownBy(() -> registry.create("throwing")).isInstanceOf(ContributionException.class)
                .hasMessageContaining("'org.pxrd.core.tests.throwing'").hasMessageContaining("org.pxrd.core")
                .hasMessageContaining("licence server unreachable");
        assertThatThrownBy(() -> registry.create("missing")).isInstanceOf(ContributionException.class)
                .hasMessageContaining("cannot load class org.pxrd.core.extensions.NoSuchClass");
        assertThatThrownBy(() -> registry.create("wrongtype")).isInstanceOf(ContributionException.class)
                .hasMessageContaining("does not implement " + SampleFamily.class.getName());
        assertThatThrownBy(() -> registry.create("nonexistent")).isInstanceOf(ContributionException.class)
                .hasMessageContaining("unknown id 'nonexistent'").hasMessageContaining("org.pxrd.core.tests.plain");
        assertThat(registry.check().keySet()).extracting(Contribution::id).containsExactly(
                "org.pxrd.core.tests.missing", "org.pxrd.core.tests.throwing", "org.pxrd.core.tests.wrongtype");
    }

    @Test
    void aPlainClassPathSeesTheSameContributions() throws Exception {
        List<URL> urls = new ArrayList<>();
        Bundle host = FrameworkUtil.getBundle(ContributionRegistry.class);
        for (Bundle bundle : host.getBundleContext().getBundles()) {
            if (!bundle.getSymbolicName().startsWith("org.pxrd.core")) {
                continue; // the host and this test fragment
            }
            File location = bundleFile(bundle);
            urls.add(location.toURI().toURL());
            // a bundle under test is its project directory, with its classes compiled to target/classes
            File classes = new File(location, "target/classes");
            if (classes.isDirectory()) {
                urls.add(classes.toURI().toURL());
            }
        }
        try (URLClassLoader plain = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            ClasspathExtensionSource classpath = new ClasspathExtensionSource(plain);
            assertThat(classpath.problems()).isEmpty();
            assertThat(classpath.extensionPoints()).containsExactly(POINT);
            List<Contribution> fromClasspath = classpath.contributions(POINT);
            assertThat(fromClasspath).isEqualTo(source.contributions(POINT));
            Class<?> cls = classpath.loadClass(fromClasspath.get(0));
            assertThat(cls.getClassLoader()).isSameAs(plain);
        }
    }

    private static File bundleFile(Bundle bundle) throws Exception {
        return FileLocator.getBundleFileLocation(bundle).orElseThrow();
    }
}
