package org.pxrd.model;

import java.util.Locale;

/**
 * Run by {@link PlainJvmTest} in a separate JVM whose class path holds only the model bundle, January and its
 * dependencies: proves the model needs no OSGi runtime.
 */
public final class PlainJvmProbe {

    private PlainJvmProbe() {
    }

    public static void main(String[] args) {
        boolean osgi = ClassLoader.getSystemResource("org/osgi/framework/Bundle.class") != null;
        Structure s = Fixtures.bpo4();
        Pattern p = new Pattern("probe", new double[] {1, 2}, new double[] {3, 4}, 1.5406);
        System.out.printf(Locale.ROOT, "osgi=%s formula=%s density=%.6f max=%.1f%n", osgi, s.reducedFormula(),
                s.density(), p.intensity().max().doubleValue());
    }
}
