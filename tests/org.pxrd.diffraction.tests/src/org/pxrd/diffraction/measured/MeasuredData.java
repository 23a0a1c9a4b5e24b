package org.pxrd.diffraction.measured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.io.PatternData;
import org.pxrd.io.PatternFiles;
import org.pxrd.io.PatternFormatException;
import org.pxrd.io.StructureFiles;
import org.pxrd.io.StructureFormatException;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

/**
 * The real measured patterns of the test data ({@code measured/}, see its README and each SOURCE.md) and the
 * authors' FullProf refinement of RbNb2O5F ({@code RbNb2O5F.pcr}, {@code .sum}): its background points and range.
 */
public final class MeasuredData {

    /** FullProf's 2θ range of the RbNb2O5F refinement (pcr: Thmin, Thmax), degrees. */
    public static final double FULLPROF_MIN = 5.0985;
    public static final double FULLPROF_MAX = 119.9884;
    /** The refined parameters FullProf counted (sum: "No. of fitted parameters: 15"; N−P+C = 8736 with N = 8751). */
    public static final int FULLPROF_PARAMETERS = 15;

    private MeasuredData() {
    }

    /** A file of a measured phase's folder, e.g. {@code file("PbSO4_anglesite", "PBSO4.XRA")}. */
    public static Path file(String phase, String name) {
        return TestData.path("measured/" + phase + "/" + name);
    }

    /** A pattern file read through the contributed formats. */
    public static PatternData read(Path file) {
        try {
            return new PatternFiles(ExtensionSources.detect()).readData(file);
        } catch (PatternFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The phase's {@code structure.cif}. */
    public static Structure structure(String phase) {
        try {
            return new StructureFiles(ExtensionSources.detect()).readFirst(file(phase, "structure.cif"));
        } catch (StructureFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The background points of the authors' FullProf refinement of RbNb2O5F: {2θ, intensity} rows from the block
     * after "!2Theta/TOF/E(Kev)   Background" of {@code RbNb2O5F.pcr} (93 points, FullProf interpolates linearly).
     */
    public static double[][] fullProfBackgroundPoints() {
        try {
            List<String> lines = Files.readAllLines(file("RbNb2O5F_pyrochlore", "RbNb2O5F.pcr"));
            List<double[]> points = new ArrayList<>();
            int i = 0;
            while (!lines.get(i).startsWith("!2Theta/TOF")) {
                i++;
            }
            for (i++; !lines.get(i).startsWith("!"); i++) {
                String[] f = lines.get(i).trim().split("\\s+");
                points.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
            return points.toArray(new double[0][]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** FullProf's background at 2θ (degrees): linear interpolation between its points, constant beyond them. */
    public static double fullProfBackground(double twoTheta) {
        double[][] p = fullProfBackgroundPoints();
        if (twoTheta <= p[0][0]) {
            return p[0][1];
        }
        for (int k = 1; k < p.length; k++) {
            if (twoTheta <= p[k][0]) {
                double t = (twoTheta - p[k - 1][0]) / (p[k][0] - p[k - 1][0]);
                return (1 - t) * p[k - 1][1] + t * p[k][1];
            }
        }
        return p[p.length - 1][1];
    }
}
