/**
 * Comparing simulations with measured patterns: the radiation a file states ({@link
 * org.pxrd.diffraction.measured.MeasuredRadiation}), weights from esd columns or counting statistics ({@link
 * org.pxrd.diffraction.measured.Weighting}), simulation directly on the measured 2θ points with the map and its
 * adjoint ({@link org.pxrd.diffraction.measured.MeasuredGrid}), the fit target with its Rietveld residual, range and
 * optional fixed background ({@link org.pxrd.diffraction.measured.MeasuredTarget}), resampling as the alternative
 * ({@link org.pxrd.diffraction.measured.Resampling}), the agreement indices R_p, R_wp, R_exp, χ² of Rietveld
 * programs ({@link org.pxrd.diffraction.measured.AgreementStatistics}) and a first zero-shift and scale fit ({@link
 * org.pxrd.diffraction.measured.ZeroShiftScan}).
 *
 * <p>Data flow of a fit against measured data: read {@code PatternData}; radiation from the file or the user; attach
 * weights to the raw pattern; preprocess ({@code org.pxrd.diffraction.preprocess}); make a {@code MeasuredTarget};
 * open a session on {@code target.instrument(settings)}; per step: {@code computePattern} → {@code calculated} →
 * residual and its gradient → {@code adjoint} → {@code computeGradient}. Units: 2θ in degrees, wavelength in Å.
 */
package org.pxrd.diffraction.measured;
