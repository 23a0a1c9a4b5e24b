/**
 * The refinement engine: a structure refined against a target structure or a measured pattern by a projected
 * optimizer, θ ← P(θ − η∇f) for the study's gradient descent (Segal et al., Digital Discovery 2026, section 2.4).
 *
 * <ul>
 * <li>{@link org.pxrd.optimization.refine.RefinementEngine} resolves a
 * {@link org.pxrd.optimization.refine.RefinementOptions} (loss, projector, optimizer, refined
 * {@link org.pxrd.optimization.refine.ParameterGroup groups}, {@link org.pxrd.optimization.refine.LearningRates},
 * {@link org.pxrd.optimization.refine.StopRule}, and beyond the study {@link org.pxrd.optimization.refine.MultiStart},
 * {@link org.pxrd.optimization.refine.AnnealSchedule}, {@link org.pxrd.optimization.refine.EnergyTerm}) into a
 * thread-safe {@link org.pxrd.optimization.refine.Refinement}.</li>
 * <li>{@link org.pxrd.optimization.refine.Refinement#run} refines one start against a
 * {@link org.pxrd.optimization.refine.RefinementTarget}, emitting
 * {@link org.pxrd.optimization.refine.RefinementStep} events through the shared run API
 * ({@link org.pxrd.optimization.run.RunMonitor}: listeners, progress, cancellation) and returning a
 * {@link org.pxrd.optimization.refine.RefinementResult}; a failure is a FAILED result with one line, never an
 * exception.</li>
 * <li>{@link org.pxrd.optimization.refine.RefinementBatch} runs many on a thread pool; results do not depend on the
 * number of threads.</li>
 * <li>The parameter vector ({@link org.pxrd.optimization.refine.ParameterLayout}) is a, b, c (Å), α, β, γ
 * (degrees), the fractional coordinates, then the instrument block (the profile U, V, W in deg², η, zero shift in
 * degrees 2θ, then further instrument parameters of the {@code instrument} group: scale, sample displacement in mm,
 * Kα2 ratio); its structure part is the symmetry projectors' vector.</li>
 * <li>Targets ({@link org.pxrd.optimization.refine.RefinementTarget}): a structure, a pattern compared by a loss, or
 * a measured pattern fitted the Rietveld way (weights, fixed background, raw intensities, scale in closed form,
 * residual Σ w (y_o − y_c)²).</li>
 * </ul>
 */
package org.pxrd.optimization.refine;
