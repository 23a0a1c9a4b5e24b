package org.pxrd.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.FileLocator;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** The losses bundle runs on a plain JVM: a child JVM with just the bundle jars on its class path. */
class PlainJvmTest {

    @Test
    void lossesAreFoundAndComputedWithoutOsgi() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(PlainJvmTest.class).getBundleContext();
        List<String> classpath = new ArrayList<>();
        for (String name : List.of("org.pxrd.losses", "org.pxrd.core", "org.pxrd.model", "org.eclipse.january",
                "org.apache.commons.math3", "javax.measure.unit-api", "slf4j.api")) {
            File location = location(context, name);
            classpath.add(location.getAbsolutePath());
            // a bundle under test is its project directory, with its classes compiled to target/classes
            if (new File(location, "target/classes").isDirectory()) {
                classpath.add(new File(location, "target/classes").getAbsolutePath());
            }
        }
        // the probe: this fragment's classes, without its manifest (a fragment is not a bundle of its own there)
        classpath.add(new File(location(context, "org.pxrd.losses.tests"), "target/classes").getAbsolutePath());
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, classpath),
                PlainJvmProbe.class.getName()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("osgi=false cosine=").contains(" crosscorrelation=").contains(" entropy=")
                .contains(" mse=").contains(" multiscale=").contains(" rwp=").contains(" wasserstein=1.000000");
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
