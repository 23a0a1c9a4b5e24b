package org.pxrd.model;

import java.util.OptionalDouble;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;

/**
 * An immutable powder pattern: intensities on a strictly increasing 2θ axis (degrees), with optional standard
 * deviations of the intensities and the X-ray wavelength in Å when it is known. The currency between bundles
 * is the Eclipse January {@link Dataset} ({@link #twoTheta()}, {@link #intensity()}); hot loops use the
 * {@code double[]} copies.
 */
public final class Pattern {

    /** Dataset name of the 2θ axis. */
    public static final String TWO_THETA_NAME = "2theta (deg)";
    /** Dataset name of the intensities. */
    public static final String INTENSITY_NAME = "intensity";

    private final String name;
    private final double[] twoTheta;
    private final double[] intensity;
    private final double[] esd;
    private final double wavelength;

    /**
     * @param name a label, e.g. the file name
     * @param twoTheta 2θ values in degrees, strictly increasing
     * @param intensity intensities, same length, finite
     * @param esd standard deviations of the intensities (positive), or null
     * @param wavelength the wavelength in Å, or NaN when unknown
     * @throws InvalidModelException naming the first problem (empty, lengths differ, NaN, 2θ not increasing)
     */
    public Pattern(String name, double[] twoTheta, double[] intensity, double[] esd, double wavelength) {
        this.name = name == null || name.isBlank() ? "pattern" : name;
        if (twoTheta == null || intensity == null || twoTheta.length == 0) {
            throw new InvalidModelException("pattern '" + this.name + "' is empty");
        }
        if (twoTheta.length != intensity.length || (esd != null && esd.length != twoTheta.length)) {
            throw new InvalidModelException("pattern '" + this.name + "' has " + twoTheta.length + " 2theta values but "
                    + intensity.length + " intensities" + (esd == null ? "" : " and " + esd.length + " esds"));
        }
        for (int i = 0; i < twoTheta.length; i++) {
            if (!Double.isFinite(twoTheta[i]) || !Double.isFinite(intensity[i])) {
                throw new InvalidModelException("pattern '" + this.name + "' has a non-finite value at point " + (i + 1)
                        + " (2theta=" + twoTheta[i] + ", intensity=" + intensity[i] + ")");
            }
            if (i > 0 && !(twoTheta[i] > twoTheta[i - 1])) {
                throw new InvalidModelException("pattern '" + this.name + "' has 2theta not strictly increasing at point "
                        + (i + 1) + " (" + twoTheta[i - 1] + " then " + twoTheta[i] + ")");
            }
            if (esd != null && !(esd[i] > 0 && Double.isFinite(esd[i]))) {
                throw new InvalidModelException("pattern '" + this.name + "' has esd " + esd[i] + " at point " + (i + 1)
                        + " (must be positive and finite)");
            }
        }
        if (!Double.isNaN(wavelength) && !(wavelength > 0 && Double.isFinite(wavelength))) {
            throw new InvalidModelException("wavelength " + wavelength + " Å must be positive and finite");
        }
        this.twoTheta = twoTheta.clone();
        this.intensity = intensity.clone();
        this.esd = esd == null ? null : esd.clone();
        this.wavelength = wavelength;
    }

    /** A pattern without esds. */
    public Pattern(String name, double[] twoTheta, double[] intensity, double wavelength) {
        this(name, twoTheta, intensity, null, wavelength);
    }

    /** A pattern from January datasets (any numeric type, one-dimensional). */
    public static Pattern of(String name, Dataset twoTheta, Dataset intensity, double wavelength) {
        return new Pattern(name, toArray(twoTheta), toArray(intensity), null, wavelength);
    }

    private static double[] toArray(Dataset d) {
        if (d.getRank() != 1) {
            throw new InvalidModelException("pattern datasets must be one-dimensional, got shape "
                    + java.util.Arrays.toString(d.getShape()));
        }
        return DatasetUtils.cast(DoubleDataset.class, d).getData().clone();
    }

    public String name() {
        return name;
    }

    /** Number of points. */
    public int size() {
        return twoTheta.length;
    }

    /** The 2θ axis in degrees as a new January dataset. */
    public Dataset twoTheta() {
        Dataset d = DatasetFactory.createFromObject(DoubleDataset.class, twoTheta.clone());
        d.setName(TWO_THETA_NAME);
        return d;
    }

    /** The intensities as a new January dataset. */
    public Dataset intensity() {
        Dataset d = DatasetFactory.createFromObject(DoubleDataset.class, intensity.clone());
        d.setName(INTENSITY_NAME);
        return d;
    }

    /** A copy of the 2θ values in degrees. */
    public double[] twoThetaArray() {
        return twoTheta.clone();
    }

    /** A copy of the intensities. */
    public double[] intensityArray() {
        return intensity.clone();
    }

    /** A copy of the esds, or null when the pattern has none. */
    public double[] esdArray() {
        return esd == null ? null : esd.clone();
    }

    public boolean hasEsd() {
        return esd != null;
    }

    /** The wavelength in Å, when known. */
    public OptionalDouble wavelength() {
        return Double.isNaN(wavelength) ? OptionalDouble.empty() : OptionalDouble.of(wavelength);
    }

    /** The same axis with other intensities (esds dropped). */
    public Pattern withIntensity(double[] newIntensity) {
        return new Pattern(name, twoTheta, newIntensity, null, wavelength);
    }

    /** The same data with the wavelength set (Å). */
    public Pattern withWavelength(double newWavelength) {
        return new Pattern(name, twoTheta, intensity, esd, newWavelength);
    }

    public Pattern withName(String newName) {
        return new Pattern(newName, twoTheta, intensity, esd, wavelength);
    }

    @Override
    public String toString() {
        return String.format("Pattern[%s, %d points, 2theta %.4f..%.4f deg, wavelength %s]", name, size(), twoTheta[0],
                twoTheta[twoTheta.length - 1], Double.isNaN(wavelength) ? "unknown" : wavelength + " Å");
    }
}
