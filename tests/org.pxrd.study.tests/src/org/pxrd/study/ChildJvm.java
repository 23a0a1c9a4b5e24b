package org.pxrd.study;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Starts a class of this test module in a child JVM on a plain class path built from the bundles of the test
 * runtime (no OSGi): shows that the study machinery runs as plain jars, and lets tests kill a study.
 */
public final class ChildJvm {

    /**
     * What the study bundle and the refinement engine need on a plain JVM, with the test classes and the io bundle
     * for CIF reading.
     */
    private static final List<String> BUNDLES = List.of("org.pxrd.core", "org.pxrd.model", "org.pxrd.optimization",
            "org.pxrd.diffraction", "org.pxrd.losses", "org.pxrd.symmetry", "org.pxrd.matching", "org.pxrd.study",
            "org.pxrd.study.tests", "org.pxrd.examples", "org.pxrd.io", "org.hipparchus.core", "org.hipparchus.stat",
            "org.jfree.jfreechart", "org.eclipse.january", "com.fasterxml.jackson.core.jackson-databind",
            "com.fasterxml.jackson.core.jackson-core", "com.fasterxml.jackson.core.jackson-annotations");

    /**
     * Classes of wrapped jars the study bundle needs, found by the bundle that holds them (a jar may be wrapped under
     * more than one name, and a wrapped jar may export packages it holds only part of): Batik's SVG Graphics2D and
     * what it loads.
     */
    private static final List<String> CLASSES = List.of("org/apache/batik/svggen/SVGGraphics2D",
            "org/apache/batik/ext/awt/g2d/AbstractGraphics2D", "org/apache/batik/util/SVGConstants",
            "org/apache/batik/constants/XMLConstants");

    private ChildJvm() {
    }

    /**
     * Starts {@code main} with arguments, stderr merged into stdout.
     *
     * @param environment changes of the child's environment (a null value removes the variable)
     * @param jvmOptions options of the child JVM, e.g. system properties
     */
    public static Process start(Class<?> main, Map<String, String> environment, List<String> jvmOptions,
            String... args) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ChildJvm.class).getBundleContext();
        List<String> classpath = new ArrayList<>();
        for (String name : BUNDLES) {
            File location = location(context, name);
            classpath.add(location.getAbsolutePath());
            // a bundle under test is its project directory, with its classes compiled to target/classes
            if (new File(location, "target/classes").isDirectory()) {
                classpath.add(new File(location, "target/classes").getAbsolutePath());
            }
        }
        for (String name : CLASSES) {
            classpath.add(holder(context, name).getAbsolutePath());
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.forEach((k, v) -> {
            if (v == null) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        return builder.start();
    }

    private static File holder(BundleContext context, String className) throws Exception {
        for (Bundle b : context.getBundles()) {
            if (b.getEntry(className + ".class") != null) {
                return FileLocator.getBundleFileLocation(b).orElseThrow();
            }
        }
        throw new AssertionError("no bundle of the test runtime holds " + className);
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
