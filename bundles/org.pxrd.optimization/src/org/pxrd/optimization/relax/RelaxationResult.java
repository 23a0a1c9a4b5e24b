package org.pxrd.optimization.relax;

import org.pxrd.model.Structure;
import org.pxrd.optimization.potentials.PotentialResult;
import org.pxrd.optimization.run.RunStatus;

/**
 * The outcome of a relaxation. When the run failed before the starting structure could be evaluated,
 * {@code initial} and {@code last} are null and {@code relaxed} is the starting structure.
 *
 * @param status how the run ended
 * @param message one line: why it failed, or a summary
 * @param relaxed the last accepted structure (the relaxed one when converged)
 * @param steps optimiser steps taken
 * @param initial the potential's result for the starting structure
 * @param last the potential's result for {@code relaxed}
 * @param initialFmax the largest generalised force at the start (eV/Å)
 * @param fmax the largest generalised force at the end (eV/Å)
 */
public record RelaxationResult(RunStatus status, String message, Structure relaxed, int steps,
        PotentialResult initial, PotentialResult last, double initialFmax, double fmax) {

    /** The starting energy in eV (NaN when it could not be computed). */
    public double initialEnergy() {
        return initial == null ? Double.NaN : initial.energy();
    }

    /** The final energy in eV (NaN when it could not be computed). */
    public double energy() {
        return last == null ? Double.NaN : last.energy();
    }
}
