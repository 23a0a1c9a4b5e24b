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
 * df/d(s²) = −41.78214 · Σ a_i exp(−b_i s²) (1 − b_i s²). Sessions read the Gaussian sum from a fine table (cubic
 * Hermite, within 1e-10 of the sum: see GaussianFactor), which saves four exponentials per reflection and element at
 * every lattice step.
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

    /**
     * f(s) = Z − 41.78214 s² g(s²), g(x) = Σ a_i exp(−b_i x), for one element. {@link #value} evaluates g directly;
     * {@link #evaluate}, called for every reflection at every lattice step, interpolates g between nodes x_k = k·Δ with
     * the cubic Hermite rule (g and g' at the nodes) and returns the interpolant's own derivative, so that df/d(s²) is
     * exact for the f it returns. Δ = (384 ε / Σ a_i b_i⁴)^¼ bounds the interpolation error, at most Δ⁴/384 times the
     * largest fourth derivative of g, by ε = {@value #INTERPOLATION_ERROR} (f within 41.78 s² ε electrons: below 1e-8
     * for s² ≤ 1 Å⁻²). The nodes reach a quarter beyond the largest s² asked for so far.
     */
    private static final class GaussianFactor implements AtomicScatteringFactor {

        /** Bound on the interpolation error of g (units of the a_i). */
        static final double INTERPOLATION_ERROR = 1e-10;
        /** Node spacing in s² at most (Å⁻²), for elements with small b_i. */
        static final double MAX_SPACING = 0.01;

        /** g and g' at the nodes 0, Δ, 2Δ, ...: replaced, never modified, when a larger s² is asked for. */
        private record Nodes(double[] g, double[] dg, double limit) {
        }

        private final int z;
        private final double[] a;
        private final double[] b;
        private final double spacing;
        private volatile Nodes nodes = new Nodes(new double[0], new double[0], -1);

        GaussianFactor(int z, double[] a, double[] b) {
            this.z = z;
            this.a = a;
            this.b = b;
            double fourth = 0;
            for (int i = 0; i < a.length; i++) {
                fourth += Math.abs(a[i]) * Math.pow(b[i], 4);
            }
            this.spacing = Math.min(MAX_SPACING, Math.pow(384 * INTERPOLATION_ERROR / fourth, 0.25));
        }

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
            double largest = 0;
            for (int r = 0; r < count; r++) {
                largest = Math.max(largest, s2[r]);
            }
            Nodes n = nodes;
            if (largest > n.limit) {
                n = nodesUpTo(largest);
            }
            double[] g = n.g;
            double[] dg = n.dg;
            double inverse = 1 / spacing;
            for (int r = 0; r < count; r++) {
                double x = s2[r];
                double u = x * inverse;
                int k = (int) u;
                double t = u - k;
                double g0 = g[k];
                double g1 = g[k + 1];
                double d0 = dg[k] * spacing;
                double d1 = dg[k + 1] * spacing;
                // cubic Hermite in t = (x − x_k)/Δ ∈ [0, 1), and its derivative
                double t2 = t * t;
                double t3 = t2 * t;
                double p = (2 * t3 - 3 * t2 + 1) * g0 + (t3 - 2 * t2 + t) * d0 + (3 * t2 - 2 * t3) * g1
                        + (t3 - t2) * d1;
                double dp = ((6 * t2 - 6 * t) * (g0 - g1) + (3 * t2 - 4 * t + 1) * d0 + (3 * t2 - 2 * t) * d1)
                        * inverse;
                f[r] = z - XrdPhysics.MOTT_BETHE_CONSTANT * x * p;
                dfds2[r] = -XrdPhysics.MOTT_BETHE_CONSTANT * (p + x * dp);
            }
        }

        /** Nodes reaching a quarter beyond {@code s2}; published whole, so concurrent sessions see old or new. */
        private Nodes nodesUpTo(double s2) {
            int count = (int) Math.ceil(1.25 * s2 / spacing) + 2;
            double[] g = new double[count];
            double[] dg = new double[count];
            for (int k = 0; k < count; k++) {
                double x = k * spacing;
                for (int i = 0; i < a.length; i++) {
                    double e = a[i] * Math.exp(-b[i] * x);
                    g[k] += e;
                    dg[k] -= b[i] * e;
                }
            }
            Nodes n = new Nodes(g, dg, (count - 2) * spacing);
            nodes = n;
            return n;
        }
    }
}
