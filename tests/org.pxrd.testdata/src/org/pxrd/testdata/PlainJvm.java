package org.pxrd.testdata;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Runs a probe class in a child JVM whose class path holds only the named bundles of the test runtime, with no
 * OSGi framework: the check that a science bundle works on a plain JVM (headless batch use, other build tools).
 * A bundle under test is its project directory, with its classes compiled to {@code target/classes}; a test
 * fragment names itself so that its probe class is found.
 */
public final class PlainJvm {

    private PlainJvm() {
    }

    /** What the child JVM printed (standard output and error together) and its exit code. */
    public record Outcome(int exitCode, String output) {
    }

    /**
     * Runs {@code probe}'s {@code main} with the given bundles on the class path.
     *
     * @throws AssertionError when a bundle is not in the test runtime or the child JVM outlives the timeout
     */
    public static Outcome run(Class<?> probe, List<String> bundles, int timeoutSeconds)
            throws IOException, InterruptedException {
        // the probe's bundle (a test fragment's host) is started by the test runtime, so it has a context
        BundleContext context = FrameworkUtil.getBundle(probe).getBundleContext();
        List<String> classpath = new ArrayList<>();
        for (String name : bundles) {
            File location = location(context, name);
            classpath.add(location.getAbsolutePath());
            if (new File(location, "target/classes").isDirectory()) {
                classpath.add(new File(location, "target/classes").getAbsolutePath());
            }
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, classpath),
                probe.getName()).redirectErrorStream(true).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(probe.getSimpleName() + " did not end within " + timeoutSeconds + " s");
        }
        return new Outcome(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static File location(BundleContext context, String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return FileLocator.getBundleFileLocation(b).orElseThrow();
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not in the test runtime");
    }
}
