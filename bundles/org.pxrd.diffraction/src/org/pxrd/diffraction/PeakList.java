package org.pxrd.diffraction;

import java.util.ArrayList;
import java.util.List;

/**
 * The peaks of a structure at one wavelength, in increasing 2θ, as pymatgen's XRDCalculator lists them: reflections
 * within {@link XrdPhysics#MERGE_TOLERANCE_DEG}° merged, peaks below {@link #SCALED_INTENSITY_CUTOFF} of the strongest
 * (on the 0-100 scale) left out.
 *
 * @param radiation the source; the peaks are those of its first line λ₁
 * @param peaks the peaks in increasing 2θ
 */
public record PeakList(Radiation radiation, List<Peak> peaks) {

    /** Peaks weaker than this on the 0-100 scale are left out (pymatgen's SCALED_INTENSITY_TOL). */
    public static final double SCALED_INTENSITY_CUTOFF = 1e-3;

    public PeakList {
        peaks = List.copyOf(peaks);
    }

    /** The largest peak intensity (0 for an empty list). */
    public double maxIntensity() {
        double max = 0;
        for (Peak p : peaks) {
            max = Math.max(max, p.intensity());
        }
        return max;
    }

    /** Intensities scaled so that the strongest peak is 100. */
    public double[] scaledIntensities() {
        double max = maxIntensity();
        double[] y = new double[peaks.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = max > 0 ? 100 * peaks.get(i).intensity() / max : 0;
        }
        return y;
    }

    /** The 2θ positions in degrees. */
    public double[] twoThetas() {
        double[] x = new double[peaks.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = peaks.get(i).twoTheta();
        }
        return x;
    }

    /** The peaks at least {@code minScaled} on the 0-100 scale. */
    public List<Peak> above(double minScaled) {
        double max = maxIntensity();
        List<Peak> kept = new ArrayList<>();
        for (Peak p : peaks) {
            if (max > 0 && 100 * p.intensity() / max >= minScaled) {
                kept.add(p);
            }
        }
        return kept;
    }
}
