package org.pxrd.optimization.refine;

import java.util.Map;
import java.util.Objects;

/**
 * The energy term of the study's proposed multi-objective refinement (beyond the study's experiments):
 * <pre>
 *   f(θ) = L_XRD(θ) + λ · E(θ) / N
 * </pre>
 * with E the energy of the cell (eV) from a potential of {@code org.pxrd.optimization.potentials} and N the number
 * of atoms, so λ is in loss units per eV/atom. The potential's forces and stress give the gradient
 * ({@link EnergyGradient}).
 *
 * @param potential the potential's id (e.g. {@code lj-uff}, {@code ase})
 * @param settings its settings as text over the defaults
 * @param lambda the weight λ ≥ 0 (loss units per eV/atom)
 */
public record EnergyTerm(String potential, Map<String, String> settings, double lambda) {

    /**
     * @throws IllegalArgumentException for a missing potential or a λ that is negative or not finite
     */
    public EnergyTerm {
        Objects.requireNonNull(potential, "potential");
        if (potential.isBlank()) {
            throw new IllegalArgumentException("the energy term needs a potential id");
        }
        settings = Map.copyOf(settings);
        if (!(lambda >= 0 && Double.isFinite(lambda))) {
            throw new IllegalArgumentException("the energy weight lambda must be a finite number >= 0, got " + lambda);
        }
    }
}
