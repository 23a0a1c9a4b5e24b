package org.pxrd.optimization.potentials;

import org.pxrd.model.Matrix3;

/**
 * What a potential computes for a structure of n sites.
 *
 * <ul>
 * <li>energy E in eV (total for the cell);</li>
 * <li>forces F_i = −∂E/∂r_i in eV/Å, n×3, Cartesian in the frame of the structure's lattice matrix (rows are
 * the lattice vectors, r = f·M), in site order;</li>
 * <li>stress σ in eV/Å³, 3×3 symmetric, with ASE's sign convention σ_ab = (1/V)·∂E/∂ε_ab for a homogeneous strain
 * ε of cell and atoms (r → (1 + ε)·r): a cell that would like to shrink has positive (tensile) stress, a
 * compressed one negative; the pressure is p = −trace(σ)/3.</li>
 * </ul>
 *
 * @param energy total energy in eV
 * @param forces n×3 forces in eV/Å
 * @param stress 3×3 stress in eV/Å³ (ASE convention)
 */
public record PotentialResult(double energy, double[][] forces, double[][] stress) {

    /** 1 eV/Å³ in GPa: 1.602176634e-19 J / 1e-30 m³ = 160.2176634 GPa. */
    public static final double GPA_PER_EV_PER_A3 = 160.2176634;

    /**
     * @throws IllegalArgumentException when the shapes are wrong or a number is not finite
     */
    public PotentialResult {
        if (!Double.isFinite(energy)) {
            throw new IllegalArgumentException("energy is not finite: " + energy);
        }
        forces = copy(forces, forces == null ? -1 : forces.length, "forces");
        stress = copy(stress, 3, "stress");
    }

    private static double[][] copy(double[][] m, int rows, String what) {
        if (m == null || m.length != rows) {
            throw new IllegalArgumentException(what + " must have " + rows + " rows");
        }
        double[][] c = new double[rows][];
        for (int i = 0; i < rows; i++) {
            if (m[i] == null || m[i].length != 3) {
                throw new IllegalArgumentException(what + " row " + i + " must have 3 numbers");
            }
            for (double v : m[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(what + " row " + i + " has a non-finite number: " + v);
                }
            }
            c[i] = m[i].clone();
        }
        return c;
    }

    /** The forces (a copy). */
    @Override
    public double[][] forces() {
        double[][] c = new double[forces.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = forces[i].clone();
        }
        return c;
    }

    /** The stress in eV/Å³ (a copy). */
    @Override
    public double[][] stress() {
        return Matrix3.copy(stress);
    }

    /** The force on site i (eV/Å, a copy). */
    public double[] force(int i) {
        return forces[i].clone();
    }

    /** Number of sites. */
    public int size() {
        return forces.length;
    }

    /** The largest force magnitude max_i |F_i| in eV/Å (0 for no sites). */
    public double maxForce() {
        double max = 0;
        for (double[] f : forces) {
            max = Math.max(max, Matrix3.norm(f));
        }
        return max;
    }

    /** The stress in GPa (ASE convention). */
    public double[][] stressGPa() {
        double[][] s = stress();
        for (double[] row : s) {
            for (int j = 0; j < 3; j++) {
                row[j] *= GPA_PER_EV_PER_A3;
            }
        }
        return s;
    }

    /** The pressure p = −trace(σ)/3 in GPa (positive when the cell is compressed). */
    public double pressureGPa() {
        return -(stress[0][0] + stress[1][1] + stress[2][2]) / 3 * GPA_PER_EV_PER_A3;
    }
}
