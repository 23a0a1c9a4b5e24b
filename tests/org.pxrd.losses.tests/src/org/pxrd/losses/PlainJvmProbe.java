package org.pxrd.losses;

import java.util.Locale;

import org.pxrd.core.extensions.ClasspathExtensionSource;
import org.pxrd.core.extensions.Contribution;

/**
 * Run by {@link PlainJvmTest} in a JVM whose class path holds only the losses, core and model bundles and January:
 * the registry reads the plugin.xml files from the class path and every built-in loss runs without OSGi.
 */
public final class PlainJvmProbe {

    private PlainJvmProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean osgi = ClassLoader.getSystemResource("org/osgi/framework/Bundle.class") != null;
        LossRegistry registry = new LossRegistry(new ClasspathExtensionSource());
        TwoThetaGrid grid = TwoThetaGrid.uniform(20, 0.05, 401);
        double[] sim = new double[grid.size()];
        double[] target = new double[grid.size()];
        for (int i = 0; i < grid.size(); i++) {
            sim[i] = Math.exp(-0.5 * Math.pow((grid.at(i) - 29.0) / 0.3, 2));
            target[i] = Math.exp(-0.5 * Math.pow((grid.at(i) - 30.0) / 0.3, 2));
        }
        StringBuilder out = new StringBuilder("osgi=" + osgi);
        for (Contribution c : registry.contributions()) {
            double value = registry.create(c, c.defaultSettings()).prepare(grid).value(sim, target);
            out.append(String.format(Locale.ROOT, " %s=%.6f", c.id().replace("org.pxrd.losses.", ""), value));
        }
        System.out.println(out);
    }
}
