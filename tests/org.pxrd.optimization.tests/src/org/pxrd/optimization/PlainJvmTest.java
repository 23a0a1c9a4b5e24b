package org.pxrd.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.FileLocator;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The optimization bundle runs on a plain JVM: a child JVM with just the bundle jars on its class path finds
 * the potentials through their plugin.xml, relaxes on the Lennard-Jones potential, starts the ASE worker and
 * refines a distorted cell against its target (finding simulator, loss, projector and optimizer the same way).
 */
class PlainJvmTest {

    /** The relaxed fcc argon edge at fmax 1e-6 (Å): as in RelaxerTest, the softest cell mode bounds it by 5e-5. */
    private static final double LATTICE_TOLERANCE = 5e-5;
    /** The worker passes numbers as round-trip decimal text: EMT's energy comes back to the last bits (eV). */
    private static final double ENERGY_TOLERANCE = 1e-12;
    /** The refined cubic edge against the target's 5.6 Å: the criterion, 1e-3 relative. */
    private static final double REFINE_TOLERANCE = 5.6e-3;

    @Test
    void potentialsAndRelaxationWorkWithoutOsgi() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(PlainJvmTest.class).getBundleContext();
        List<String> classpath = new ArrayList<>();
        for (String name : List.of("org.pxrd.core", "org.pxrd.model", "org.pxrd.optimization", "org.pxrd.symmetry",
                "org.pxrd.diffraction", "org.pxrd.losses", "org.pxrd.optimization.tests", "org.hipparchus.core",
                "com.fasterxml.jackson.core.jackson-databind",
                "com.fasterxml.jackson.core.jackson-core", "com.fasterxml.jackson.core.jackson-annotations")) {
            File location = location(context, name);
            classpath.add(location.getAbsolutePath());
            // a bundle under test is its project directory, with its classes compiled to target/classes
            if (new File(location, "target/classes").isDirectory()) {
                classpath.add(new File(location, "target/classes").getAbsolutePath());
            }
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, classpath),
                PlainJvmProbe.class.getName()).redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        Matcher m = Pattern.compile("osgi=false lj-a-error=(\\S+) emt-energy-error=(\\S+) refine-converged-a-error=(\\S+)")
                .matcher(output);
        assertThat(m.find()).as(output).isTrue();
        assertThat(Math.abs(Double.parseDouble(m.group(1)))).as(output).isLessThan(LATTICE_TOLERANCE);
        assertThat(Math.abs(Double.parseDouble(m.group(2)))).as(output).isLessThan(ENERGY_TOLERANCE);
        assertThat(Math.abs(Double.parseDouble(m.group(3)))).as(output).isLessThan(REFINE_TOLERANCE);
    }

    private static File location(BundleContext context, String symbolicName) throws Exception {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return FileLocator.getBundleFileLocation(b).orElseThrow();
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not in the test runtime");
    }
}
