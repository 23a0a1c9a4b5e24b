package org.pxrd.diffraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.io.StructureFiles;
import org.pxrd.io.StructureFormatException;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The independent references of the tests: the shared reference structures with pymatgen peak lists
 * ({@code tests/org.pxrd.testdata}), and this fragment's own {@code data/mp20-extra} (300 further MP-20 structures with
 * pymatgen 2022.11.7 peak lists, made by {@code scripts/make_mp20_extra_peaks.py}).
 */
final class References {

    /** pymatgen's key of each wavelength in the peak files, and the radiation it stands for. */
    static final Map<String, Radiation> WAVELENGTHS = new LinkedHashMap<>();

    static {
        WAVELENGTHS.put("1.5406", Radiation.of(1.5406));
        WAVELENGTHS.put("CuKa_1.54184", Radiation.of(XrayLine.CuKa));
    }

    private static final StructureFiles FILES = new StructureFiles(ExtensionSources.detect());
    private static volatile Path localData;

    private References() {
    }

    /** A reference peak: position (degrees 2θ) and intensity on pymatgen's 0-100 scale. */
    record RefPeak(double twoTheta, double intensity) {
    }

    /** The CIF files of a shared reference set ({@code paper10} or {@code mp20-dev50}). */
    static List<Path> cifs(String set) {
        return TestData.files(set + "/cif", ".cif");
    }

    /** The CIF files of the extra MP-20 structures. */
    static List<Path> extraCifs() {
        try (var s = Files.list(local("mp20-extra/cif"))) {
            return s.filter(p -> p.toString().endsWith(".cif")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Structure read(Path cif) {
        try {
            return FILES.readFirst(cif);
        } catch (StructureFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The file name without {@code .cif}. */
    static String name(Path cif) {
        String n = cif.getFileName().toString();
        return n.substring(0, n.length() - 4);
    }

    /** pymatgen's peaks of a shared reference structure for one wavelength key. */
    static List<RefPeak> sharedPeaks(Path cif, String wavelengthKey) {
        Path json = cif.getParent().getParent().resolve("xrd-peaks").resolve(name(cif) + ".json");
        try {
            JsonNode p = new ObjectMapper().readTree(json.toFile()).get("patterns").get(wavelengthKey);
            List<RefPeak> peaks = new ArrayList<>();
            for (int i = 0; i < p.get("two_theta").size(); i++) {
                peaks.add(new RefPeak(p.get("two_theta").get(i).asDouble(),
                        p.get("intensity_scaled100").get(i).asDouble()));
            }
            return peaks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static volatile Map<String, List<RefPeak>> extraPeaks;

    /** pymatgen's peaks of an extra structure for one wavelength key. */
    static List<RefPeak> extraPeaks(String materialId, String wavelengthKey) {
        if (extraPeaks == null) {
            synchronized (References.class) {
                if (extraPeaks == null) {
                    extraPeaks = readExtraPeaks();
                }
            }
        }
        List<RefPeak> peaks = extraPeaks.get(materialId + "|" + wavelengthKey);
        if (peaks == null) {
            throw new IllegalStateException("no reference peaks for " + materialId + " at " + wavelengthKey);
        }
        return peaks;
    }

    private static Map<String, List<RefPeak>> readExtraPeaks() {
        Map<String, List<RefPeak>> map = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(local("mp20-extra/peaks.csv.gz"))), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",");
                map.computeIfAbsent(f[0] + "|" + f[1], k -> new ArrayList<>())
                        .add(new RefPeak(Double.parseDouble(f[2]), Double.parseDouble(f[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }

    /** A file of this fragment's data folder (found beside its classes, as TestData finds its own). */
    static Path local(String relative) {
        Path root = localData;
        if (root == null) {
            root = locateLocalData();
            localData = root;
        }
        Path p = root.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("no test data at " + p);
        }
        return p;
    }

    private static Path locateLocalData() {
        String property = System.getProperty("pxrd.diffraction.testdata");
        if (property != null) {
            return Path.of(property);
        }
        try {
            URL classes = References.class.getProtectionDomain().getCodeSource().getLocation();
            Path location = Path.of(classes.toURI());
            for (String relative : new String[] {"data", "../../data", "../data"}) {
                Path candidate = location.resolve(relative).normalize();
                if (Files.isRegularFile(candidate.resolve("mp20-extra/manifest.csv"))) {
                    return candidate;
                }
            }
            throw new IllegalStateException("test data of org.pxrd.diffraction.tests not found near " + location
                    + ": set -Dpxrd.diffraction.testdata=<tests/org.pxrd.diffraction.tests/data>");
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("test data of org.pxrd.diffraction.tests not found: " + e.getMessage(), e);
        }
    }

    /**
     * Clusters peaks (sorted by 2θ) whose neighbours are closer than {@code tolerance} degrees: P1 descriptions of
     * symmetric crystals split symmetry-equivalent reflections by 1e-5..1e-3°. A cluster sits at its strongest member
     * and carries the summed intensity.
     */
    static List<RefPeak> cluster(List<RefPeak> peaks, double tolerance) {
        List<RefPeak> sorted = new ArrayList<>(peaks);
        sorted.sort((a, b) -> Double.compare(a.twoTheta(), b.twoTheta()));
        List<RefPeak> clusters = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).twoTheta() - sorted.get(j - 1).twoTheta() < tolerance) {
                j++;
            }
            double sum = 0;
            RefPeak strongest = sorted.get(i);
            for (int k = i; k < j; k++) {
                sum += sorted.get(k).intensity();
                if (sorted.get(k).intensity() > strongest.intensity()) {
                    strongest = sorted.get(k);
                }
            }
            clusters.add(new RefPeak(strongest.twoTheta(), sum));
            i = j;
        }
        return clusters;
    }

    /** A peak list as reference peaks on the 0-100 scale. */
    static List<RefPeak> asRefPeaks(PeakList list) {
        double[] x = list.twoThetas();
        double[] y = list.scaledIntensities();
        List<RefPeak> peaks = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            peaks.add(new RefPeak(x[i], y[i]));
        }
        return peaks;
    }
}
