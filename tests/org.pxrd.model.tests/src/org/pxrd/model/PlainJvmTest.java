package org.pxrd.model;

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

/** The model bundle runs on a plain JVM: a child JVM with just the bundle jars on its class path. */
class PlainJvmTest {

    @Test
    void modelClassesLoadAndWorkWithoutOsgi() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(PlainJvmTest.class).getBundleContext();
        List<String> classpath = new ArrayList<>();
        for (String name : List.of("org.pxrd.model", "org.pxrd.model.tests", "org.eclipse.january",
                "org.apache.commons.math3", "javax.measure.unit-api", "slf4j.api")) {
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
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("osgi=false formula=BPO4 density=2.653532 max=4.0");
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
