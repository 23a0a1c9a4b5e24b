package org.pxrd.optimization.relax;

import java.util.List;

import org.pxrd.model.Lattice;
import org.pxrd.model.Structure;
import org.pxrd.optimization.potentials.PotentialResult;
import org.pxrd.optimization.run.StepEvent;

/**
 * One step of a relaxation (step 0 is the starting structure).
 *
 * @param step the step number
 * @param energy total energy in eV
 * @param fmax the largest generalised force (eV/Å; see {@link CellFilter}), what the stopping rule compares
 * @param structure the structure at this step
 * @param result the potential's energy, forces and stress there
 */
public record RelaxationStep(int step, double energy, double fmax, Structure structure, PotentialResult result)
        implements StepEvent {

    /** The trace columns, with units. */
    public static final List<String> FIELDS = List.of("energy_eV", "fmax_eV_per_A", "max_force_eV_per_A",
            "pressure_GPa", "volume_A3", "a_A", "b_A", "c_A", "alpha_deg", "beta_deg", "gamma_deg");

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public double[] values() {
        Lattice l = structure.lattice();
        return new double[] {energy, fmax, result.maxForce(), result.pressureGPa(), l.volume(), l.a(), l.b(), l.c(),
            l.alpha(), l.beta(), l.gamma()};
    }
}
