package org.pxrd.diffraction.preprocess;

import org.pxrd.model.Pattern;

/**
 * A step of pattern preprocessing (background subtraction, normalisation, smoothing), contributed through the
 * extension point {@value Preprocessors#EXTENSION_POINT}: pattern in, pattern out. The same contributions serve the
 * workbench and headless runs ({@code pxrd preprocess}, {@code pxrd simulate --like ... --preprocess}).
 *
 * <p>Contract: the result has the same 2θ axis (degrees) and wavelength as the input; intensities are in the input's
 * units unless the step says otherwise (normalisation); esds, when the input has them, are carried through as the
 * step's Javadoc states. Implementations are immutable and thread-safe, configured by their typed settings (a public
 * constructor taking {@link org.pxrd.core.extensions.Settings}).
 */
public interface PatternPreprocessor {

    /**
     * The processed pattern.
     *
     * @throws IllegalArgumentException naming the problem when the pattern does not suit the step (too few points, no
     *         positive intensity to normalise, a window wider than the pattern)
     */
    Pattern apply(Pattern pattern);
}
