package org.pxrd.diffraction;

import java.util.Arrays;

import org.pxrd.model.Element;

/** A test table contributed through fragment.xml: point scatterers, f(s) = Z at every s. */
public final class PointScatterers implements ScatteringFactorTable {

    @Override
    public AtomicScatteringFactor factor(Element element) {
        int z = element.z();
        return new AtomicScatteringFactor() {
            @Override
            public double value(double s2) {
                return z;
            }

            @Override
            public void evaluate(double[] s2, int count, double[] f, double[] dfds2) {
                Arrays.fill(f, 0, count, z);
                Arrays.fill(dfds2, 0, count, 0);
            }
        };
    }
}
