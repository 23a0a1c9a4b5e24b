/**
 * Powder X-ray diffraction: a differentiable simulator with hand-written adjoint gradients, its instrument settings
 * and the extension points {@code org.pxrd.diffraction.simulators}, {@code org.pxrd.diffraction.scatteringFactors}
 * and {@code org.pxrd.diffraction.preprocessors}.
 *
 * <ul>
 * <li>The physics, every formula with units, is in {@link org.pxrd.diffraction.XrdPhysics}: reflections, Mott-Bethe
 * scattering factors, structure factors, Lorentz-polarisation, the Caglioti pseudo-Voigt profile.</li>
 * <li>{@link org.pxrd.diffraction.InstrumentSettings} (a JSON-friendly record) holds the wavelength(s)
 * ({@link org.pxrd.diffraction.Radiation}, named lines in {@link org.pxrd.diffraction.XrayLine}), the 2θ grid, the
 * profile, the normalisation, the tail mode, the goniometer (sample displacement) and the scale factor.</li>
 * <li>{@link org.pxrd.diffraction.XrdSimulator} is the extension point's contract;
 * {@link org.pxrd.diffraction.PowderSimulator} the built-in contribution. A simulator opens
 * {@link org.pxrd.diffraction.XrdSession}s: one structure, one thread, cheap updates of lattice parameters, coordinates
 * and profile, pattern and gradient into caller-owned arrays ({@link org.pxrd.diffraction.XrdGradient}).</li>
 * <li>Peak lists ({@link org.pxrd.diffraction.PeakList}) agree with pymatgen's XRDCalculator; patterns are
 * {@link org.pxrd.model.Pattern}s; peak tails are exact or within a stated bound (see
 * {@link org.pxrd.diffraction.TailMode}).</li>
 * <li>{@link org.pxrd.diffraction.XrdSimulators} is the registry of simulators and scattering factor tables.</li>
 * <li>The instrument parameters a refinement may change in an open session, by name, with their derivatives:
 * {@link org.pxrd.diffraction.InstrumentParameter} (scale, zero, displacement, U, V, W, eta, alpha2Ratio) and the
 * group {@link org.pxrd.diffraction.InstrumentParameters}; set through
 * {@link org.pxrd.diffraction.XrdSession#setInstrument}. Sample displacement needs the goniometer
 * ({@link org.pxrd.diffraction.Goniometer}).</li>
 * <li>Measured patterns: {@code org.pxrd.diffraction.measured} (simulation on the measured points, weights, agreement
 * indices) and {@code org.pxrd.diffraction.preprocess} (the extension point {@code org.pxrd.diffraction.preprocessors}:
 * background, normalisation, smoothing).</li>
 * </ul>
 * Units: lengths in Å, angles and 2θ in degrees, wavelengths in Å, s = sin θ / λ in Å⁻¹.
 */
package org.pxrd.diffraction;
