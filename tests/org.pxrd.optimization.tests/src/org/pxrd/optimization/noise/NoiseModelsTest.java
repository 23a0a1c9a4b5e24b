package org.pxrd.optimization.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.io.StructureFiles;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.testdata.ReferenceJson;
import org.pxrd.testdata.TestData;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The study's noise models reproduce their distributions (moments and bounds over many draws) and their
 * draws are a pure function of the seed, equal to an independent implementation of the published algorithms.
 */
class NoiseModelsTest {

    /** Draws for the moment tests: standard errors are about 1/√N of the spread. */
    private static final int DRAWS = 20_000;
    /**
     * Moment checks allow 5 standard errors: a correct sampler fails one of them with probability about 6e-7,
     * a sampler off by 5% in a variance or by 0.04σ in a mean fails.
     */
    private static final double Z = 5;

    private static final double SIGMA = 0.05;

    @Test
    void latticeMatrixEntriesAreUniformWithTheStudysBounds() {
        LatticeNoise noise = new LatticeNoise(SIGMA);
        SplittableRandom random = new SplittableRandom(2024);
        double[][][] draws = new double[DRAWS][][];
        for (int n = 0; n < DRAWS; n++) {
            draws[n] = noise.sampleMatrix(random);
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double centre = i == j ? 1 : 0;
                double[] v = new double[DRAWS];
                for (int n = 0; n < DRAWS; n++) {
                    v[n] = draws[n][i][j];
                }
                // U(c − σ, c + σ): mean c, variance σ²/3, fourth central moment σ⁴/5
                double variance = SIGMA * SIGMA / 3;
                double sdOfVariance = Math.sqrt((Math.pow(SIGMA, 4) / 5 - variance * variance) / DRAWS);
                assertThat(mean(v)).as("mean of s_%d%d", i, j).isCloseTo(centre, within(Z * Math.sqrt(variance / DRAWS)));
                assertThat(variance(v)).as("variance of s_%d%d", i, j).isCloseTo(variance, within(Z * sdOfVariance));
                double min = min(v);
                double max = max(v);
                assertThat(min).as("min of s_%d%d", i, j).isGreaterThanOrEqualTo(centre - SIGMA)
                        .isLessThan(centre - SIGMA + 1e-3 * SIGMA);
                assertThat(max).as("max of s_%d%d", i, j).isLessThan(centre + SIGMA)
                        .isGreaterThan(centre + SIGMA - 1e-3 * SIGMA);
            }
        }
        // independent entries: the sample correlation of neighbours is within Z/√N of zero
        double[] s00 = new double[DRAWS];
        double[] s01 = new double[DRAWS];
        for (int n = 0; n < DRAWS; n++) {
            s00[n] = draws[n][0][0];
            s01[n] = draws[n][0][1];
        }
        assertThat(correlation(s00, s01)).isCloseTo(0, within(Z / Math.sqrt(DRAWS)));
    }

    @Test
    void latticeNoiseMultipliesTheLatticeAndKeepsFractionalCoordinates() throws Exception {
        StructureFiles files = new StructureFiles(ExtensionSources.detect());
        List<Path> cifs = TestData.files("paper10/conventional-cif", ".cif");
        assertThat(cifs).hasSize(10);
        LatticeNoise noise = new LatticeNoise(0.01);
        for (Path cif : cifs) {
            Structure truth = files.readFirst(cif);
            long seed = cif.getFileName().toString().hashCode();
            Structure noisy = noise.apply(truth, seed);
            double[][] s = noise.sampleMatrix(new SplittableRandom(seed));
            double[][] expected = Matrix3.multiply(s, truth.lattice().matrix());
            double[][] actual = noisy.lattice().matrix();
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertThat(actual[i][j]).as(cif.toString()).isCloseTo(expected[i][j], within(1e-12));
                }
            }
            assertThat(noisy.fracCoords()).as(cif.toString()).isDeepEqualTo(truth.fracCoords());
            // σ = 0.01 changes each length by at most 3σ relative (|Δa_i| ≤ Σ_j |s_ij − δ_ij|·|a_j| ≤ 3σ·max|a_j|)
            double longest = Math.max(truth.lattice().a(), Math.max(truth.lattice().b(), truth.lattice().c()));
            assertThat(Math.abs(noisy.lattice().a() - truth.lattice().a())).isLessThanOrEqualTo(0.03 * longest);
        }
    }

    @Test
    void zeroSigmaIsTheIdentityAndBadSigmasAreRefused() {
        Structure s = cubicSite(0.25);
        assertThat(new LatticeNoise(0).apply(s, 1).lattice().parametersEqual(s.lattice(), 0, 0)).isTrue();
        assertThat(new CoordinateNoise(0).apply(s, 1).fracCoords()).isDeepEqualTo(s.fracCoords());
        assertThatThrownBy(() -> new LatticeNoise(-0.1)).hasMessageContaining("[0, 1/3)");
        assertThatThrownBy(() -> new LatticeNoise(0.4)).hasMessageContaining("[0, 1/3)");
        assertThatThrownBy(() -> new LatticeNoise(Double.NaN)).hasMessageContaining("sigma");
        assertThatThrownBy(() -> new CoordinateNoise(-1)).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> new CoordinateNoise(Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
    }

    @Test
    void coordinateNoiseIsGaussianAroundEachCoordinate() {
        double sigma = 0.02;
        CoordinateNoise noise = new CoordinateNoise(sigma);
        SplittableRandom random = new SplittableRandom(7);
        Structure start = cubicSite(0.5);
        double[][] v = new double[3][DRAWS];
        for (int n = 0; n < DRAWS; n++) {
            Structure s = noise.apply(start, random);
            assertThat(s.lattice()).isEqualTo(start.lattice());
            for (int k = 0; k < 3; k++) {
                v[k][n] = s.site(0).frac(k) - 0.5;
            }
        }
        for (int k = 0; k < 3; k++) {
            assertGaussian(v[k], sigma);
        }
    }

    @Test
    void coordinateNoiseWrapsIntoTheUnitCell() {
        double sigma = 0.02;
        CoordinateNoise noise = new CoordinateNoise(sigma);
        SplittableRandom random = new SplittableRandom(8);
        Structure start = cubicSite(0.995);
        double[] displacement = new double[DRAWS];
        int wrapped = 0;
        for (int n = 0; n < DRAWS; n++) {
            double x = noise.apply(start, random).site(0).frac(0);
            assertThat(x).isGreaterThanOrEqualTo(0).isLessThan(1);
            if (x < 0.5) {
                wrapped++;
            }
            double d = x - 0.995;
            displacement[n] = d - Math.rint(d); // minimum-image displacement
        }
        assertGaussian(displacement, sigma);
        // P(x + ε ≥ 1) = P(ε ≥ 0.005) = P(z ≥ 0.25) ≈ 0.401
        assertThat(wrapped / (double) DRAWS).isCloseTo(0.401, within(Z * Math.sqrt(0.401 * 0.599 / DRAWS)));
    }

    @Test
    void gaussianDeviatesAreStandardNormal() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 200_000;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = Seeds.gaussian(random);
        }
        assertGaussian(z, 1);
        // the normal distribution puts 68.27% within one standard deviation and 95.45% within two
        double within1 = IntStream.range(0, n).filter(i -> Math.abs(z[i]) < 1).count() / (double) n;
        double within2 = IntStream.range(0, n).filter(i -> Math.abs(z[i]) < 2).count() / (double) n;
        assertThat(within1).isCloseTo(0.682689, within(Z * Math.sqrt(0.6827 * 0.3173 / n)));
        assertThat(within2).isCloseTo(0.954500, within(Z * Math.sqrt(0.9545 * 0.0455 / n)));
    }

    @Test
    void theSameSeedGivesTheSameStructureAndAnotherSeedAnother() {
        NoiseModel both = new LatticeNoise(0.03).then(new CoordinateNoise(0.01));
        Structure start = cubicSite(0.3);
        Structure a = both.apply(start, 99);
        Structure b = both.apply(start, 99);
        Structure c = both.apply(start, 100);
        assertThat(a.lattice()).isEqualTo(b.lattice());
        assertThat(a.sites()).isEqualTo(b.sites());
        assertThat(c.lattice()).isNotEqualTo(a.lattice());
        assertThat(c.site(0).frac()).isNotEqualTo(a.site(0).frac());
        assertThat(both.describe()).isEqualTo("lattice noise sigma=0.03 then coordinate noise sigma=0.01");
    }

    @Test
    void runsOfABatchDrawTheSameOnAnyNumberOfThreads() {
        LatticeNoise noise = new LatticeNoise(0.05);
        Structure start = cubicSite(0.3);
        List<Lattice> sequential = IntStream.range(0, 64)
                .mapToObj(i -> noise.apply(start, Seeds.stream(5, i)).lattice()).toList();
        List<Lattice> parallel = IntStream.range(0, 64).parallel()
                .mapToObj(i -> noise.apply(start, Seeds.stream(5, i)).lattice()).toList();
        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential.stream().distinct().count()).isEqualTo(64);
    }

    @Test
    void drawsEqualAnIndependentImplementationOfSplitMix64() {
        JsonNode cases = ReferenceJson.read(NoiseModelsTest.class, "noise-reference.json").get("cases");
        assertThat(cases.size()).isEqualTo(4);
        for (JsonNode c : cases) {
            long seed = c.get("seed").asLong();
            double[][] expected = ReferenceJson.matrix(c.get("lattice_matrix"));
            double[][] actual = new LatticeNoise(c.get("lattice_sigma").asDouble()).sampleMatrix(new SplittableRandom(seed));
            assertThat(actual).as("seed %d", seed).isDeepEqualTo(expected);
            SplittableRandom random = new SplittableRandom(seed);
            for (JsonNode g : c.get("gaussians")) {
                // StrictMath.log is fdlibm; Python's math.log is the platform's libm: they may differ by an ulp
                assertThat(Seeds.gaussian(random)).isCloseTo(g.asDouble(), within(4 * Math.ulp(g.asDouble())));
            }
            for (int i = 0; i < 4; i++) {
                assertThat(Seeds.derive(seed, i)).isEqualTo(c.get("derived").get(i).asLong());
            }
        }
    }

    private static Structure cubicSite(double x) {
        return new Structure("one", Lattice.cubic(4), List.of(Site.of(Element.Fe, x, x, x)));
    }

    /** Mean 0, variance σ², kurtosis 3 (a normal distribution), each within Z standard errors. */
    private static void assertGaussian(double[] v, double sigma) {
        int n = v.length;
        double variance = sigma * sigma;
        assertThat(mean(v)).isCloseTo(0, within(Z * sigma / Math.sqrt(n)));
        // Var(s²) = 2σ⁴/(n − 1) for a normal sample
        assertThat(variance(v)).isCloseTo(variance, within(Z * variance * Math.sqrt(2.0 / (n - 1))));
        double m4 = 0;
        double m = mean(v);
        for (double x : v) {
            m4 += Math.pow(x - m, 4);
        }
        double kurtosis = m4 / n / Math.pow(variance(v), 2);
        // the sample kurtosis of a normal sample has standard error √(24/n)
        assertThat(kurtosis).isCloseTo(3, within(Z * Math.sqrt(24.0 / n)));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }

    private static double correlation(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
        }
        return sab / (a.length - 1) / Math.sqrt(variance(a) * variance(b));
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
