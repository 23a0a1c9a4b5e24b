/**
 * Preprocessing of measured powder patterns, contributed through the extension point
 * {@code org.pxrd.diffraction.preprocessors} (schema {@code schema/preprocessors.exsd}): pattern in, pattern out
 * ({@link org.pxrd.diffraction.preprocess.PatternPreprocessor}), background estimators
 * ({@link org.pxrd.diffraction.preprocess.BackgroundEstimator}), the registry and its pipelines
 * ({@link org.pxrd.diffraction.preprocess.Preprocessors}, steps written {@code id[:key=value,...]}).
 *
 * <p>Built-in: SNIP background ({@link org.pxrd.diffraction.preprocess.SnipBackground}), Chebyshev polynomial
 * background by iterative peak clipping ({@link org.pxrd.diffraction.preprocess.ChebyshevBackground}), normalisation
 * to maximum or area 1 ({@link org.pxrd.diffraction.preprocess.Normalisation}), Savitzky-Golay smoothing
 * ({@link org.pxrd.diffraction.preprocess.SavitzkyGolaySmoothing}). No UI: the workbench and the headless commands
 * run the same code. Units: 2θ in degrees, intensities in the pattern's own units.
 */
package org.pxrd.diffraction.preprocess;
