package org.pxrd.diffraction.preprocess;

import org.pxrd.model.Pattern;

/**
 * A preprocessor that estimates the background b_i of a pattern; applied as a step it subtracts it: y_i − b_i. The
 * esds are kept as they are (the background is treated as known exactly, as Rietveld programs treat a fixed
 * background), so that counting-statistics weights of raw data survive the subtraction.
 */
public interface BackgroundEstimator extends PatternPreprocessor {

    /**
     * The background at every point of the pattern, in its intensity units (a new array).
     *
     * @throws IllegalArgumentException naming the problem when the pattern does not suit the estimator
     */
    double[] background(Pattern pattern);

    /** The pattern minus its background, esds kept. */
    @Override
    default Pattern apply(Pattern pattern) {
        double[] b = background(pattern);
        double[] y = pattern.intensityArray();
        for (int i = 0; i < y.length; i++) {
            y[i] -= b[i];
        }
        return new Pattern(pattern.name(), pattern.twoThetaArray(), y, pattern.esdArray(),
                pattern.wavelength().orElse(Double.NaN));
    }
}
