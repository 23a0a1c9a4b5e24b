package org.pxrd.diffraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

import org.pxrd.core.extensions.Settings;
import org.pxrd.model.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The default X-ray scattering factors: the Mott-Bethe form
 * <pre>
 *   f(s) = Z − 8π²a₀ · s² · Σ_{i=1..4} a_i exp(−b_i s²),     8π²a₀ = 41.78214 Å
 * </pre>
 * with the 4-Gaussian coefficients (a_i, b_i) of pymatgen's {@code atomic_scattering_params.json} (MIT licence; the
 * file is in this bundle's {@code data/scattering/} with its attribution). The Gaussian sum fits the electron
 * scattering factor f_e(s); the Mott-Bethe relation turns it into the X-ray factor. It is the table behind pymatgen's
 * XRDCalculator intensities, so peak intensities agree with pymatgen's. Its derivative is
 * df/d(s²) = −41.78214 · Σ a_i exp(−b_i s²) (1 − b_i s²).
 */
public final class MottBetheScatteringTable implements ScatteringFactorTable {

    /** The coefficient file inside this bundle. */
    public static final String RESOURCE = "/data/scattering/atomic_scattering_params.json";

    private static volatile Map<Element, double[][]> coefficients;

    /** The built-in table. */
    public MottBetheScatteringTable() {
        load();
    }

    /** The built-in table as an extension contribution (it declares no settings). */
    public MottBetheScatteringTable(Settings settings) {
        this();
    }

    @Override
    public AtomicScatteringFactor factor(Element element) {
        double[][] ab = load().get(element);
        if (ab == null) {
            throw new IllegalArgumentException("no X-ray scattering factor for element " + element.symbol()
                    + " in the built-in table (pymatgen's atomic_scattering_params.json)");
        }
        return new GaussianFactor(element.z(), ab[0], ab[1]);
    }

    /** Whether the table has coefficients for the element. */
    public boolean covers(Element element) {
        return load().containsKey(element);
    }

    private static Map<Element, double[][]> load() {
        Map<Element, double[][]> c = coefficients;
        if (c == null) {
            synchronized (MottBetheScatteringTable.class) {
                c = coefficients;
                if (c == null) {
                    c = read();
                    coefficients = c;
                }
            }
        }
        return c;
    }

    private static Map<Element, double[][]> read() {
        try (InputStream in = MottBetheScatteringTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the scattering factor table " + RESOURCE
                        + " is missing from bundle org.pxrd.diffraction");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<Element, double[][]> map = new EnumMap<>(Element.class);
            for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!Element.isSymbol(e.getKey())) {
                    continue; // e.g. "D" (deuterium), not an element of the periodic table
                }
                JsonNode pairs = e.getValue();
                double[] a = new double[pairs.size()];
                double[] b = new double[pairs.size()];
                for (int i = 0; i < pairs.size(); i++) {
                    a[i] = pairs.get(i).get(0).asDouble();
                    b[i] = pairs.get(i).get(1).asDouble();
                }
                map.put(Element.of(e.getKey()), new double[][] {a, b});
            }
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scattering factor table " + RESOURCE, e);
        }
    }

    /** f(s) = Z − 41.78214 s² Σ a_i exp(−b_i s²) for one element. */
    private record GaussianFactor(int z, double[] a, double[] b) implements AtomicScatteringFactor {

        @Override
        public double value(double s2) {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                sum += a[i] * Math.exp(-b[i] * s2);
            }
            return z - XrdPhysics.MOTT_BETHE_CONSTANT * s2 * sum;
        }

        @Override
        public void evaluate(double[] s2, int count, double[] f, double[] dfds2) {
            int terms = a.length;
            for (int r = 0; r < count; r++) {
                double s = s2[r];
                double sum = 0;
                double dsum = 0;
                for (int i = 0; i < terms; i++) {
                    double e = a[i] * Math.exp(-b[i] * s);
                    sum += e;
                    dsum += e * (1 - b[i] * s);
                }
                f[r] = z - XrdPhysics.MOTT_BETHE_CONSTANT * s * sum;
                dfds2[r] = -XrdPhysics.MOTT_BETHE_CONSTANT * dsum;
            }
        }
    }
}
