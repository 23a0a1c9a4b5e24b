package org.pxrd.optimization.relax;

import org.pxrd.model.InvalidModelException;
import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;
import org.pxrd.model.Structure;
import org.pxrd.optimization.potentials.Potential;
import org.pxrd.optimization.potentials.PotentialResult;
import org.pxrd.optimization.run.EvaluationException;

/**
 * The degrees of freedom of a relaxation and their generalised forces: the atoms, and optionally the unit cell
 * through its deformation gradient, in the spirit of ASE's {@code UnitCellFilter} (the cell enters the
 * optimiser as a "fake atom" per lattice vector, scaled so that it moves like the atoms do).
 *
 * <p>With the starting lattice L₀ (rows are lattice vectors, Å), a deformation gradient D (3×3, D = I at the
 * start) gives the lattice L = L₀·Dᵀ, and reference positions u_i give the atoms r_i = u_i·Dᵀ (row vectors;
 * their fractional coordinates u_i·L₀⁻¹ do not depend on D). The coordinate vector is
 * <pre>
 *   x = (u_1, ..., u_n, c)   with c = κ·D (9 numbers, row-major) and κ = n (the number of atoms),
 * </pre>
 * or just (r_1, ..., r_n) when the cell is fixed. The objective is the energy E, and its exact gradient is
 * <pre>
 *   ∂E/∂u_i = −F_i·D                     (F_i the Cartesian forces, eV/Å)
 *   ∂E/∂c   = V·σ·D⁻ᵀ / κ                (σ the stress, ASE's convention σ = (1/V)·∂E/∂ε, eV/Å³; V in Å³)
 * </pre>
 * since moving D by δD strains the crystal by ε = δD·D⁻¹ and δE = V·σ:ε. At a minimum both vanish: no force
 * on any atom and no stress. The "fmax" of a point is the largest norm of the rows of three of this gradient
 * (atoms in eV/Å; the cell rows in eV, as κ makes them comparable).
 */
public final class CellFilter implements Objective<CellFilter.Evaluated> {

    /** What one evaluation computed. */
    public record Evaluated(Structure structure, PotentialResult result) {
    }

    private final Structure start;
    private final Potential potential;
    private final boolean relaxCell;
    private final double[][] referenceLattice;
    private final double[][] referenceInverse;
    private final double cellFactor;
    private final int atoms;

    /**
     * @param start the starting structure (the reference cell)
     * @param relaxCell whether the cell relaxes too
     */
    public CellFilter(Structure start, Potential potential, boolean relaxCell) {
        this.start = start;
        this.potential = potential;
        this.relaxCell = relaxCell;
        this.referenceLattice = start.lattice().matrix();
        this.referenceInverse = Matrix3.inverse(referenceLattice);
        this.atoms = start.size();
        this.cellFactor = atoms;
    }

    /** The coordinates of the starting structure (D = I). */
    public double[] initialCoordinates() {
        double[][] r = start.cartCoords();
        double[] x = new double[3 * atoms + (relaxCell ? 9 : 0)];
        for (int i = 0; i < atoms; i++) {
            System.arraycopy(r[i], 0, x, 3 * i, 3);
        }
        if (relaxCell) {
            for (int k = 0; k < 3; k++) {
                x[3 * atoms + 4 * k] = cellFactor;
            }
        }
        return x;
    }

    /** The deformation gradient D of a coordinate vector (I when the cell is fixed). */
    double[][] deformation(double[] x) {
        if (!relaxCell) {
            return Matrix3.identity();
        }
        double[][] d = new double[3][3];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                d[a][b] = x[3 * atoms + 3 * a + b] / cellFactor;
            }
        }
        return d;
    }

    /** The structure at a coordinate vector. */
    public Structure structure(double[] x) throws EvaluationException {
        double[][] d = deformation(x);
        Lattice lattice;
        try {
            lattice = Lattice.fromMatrix(Matrix3.multiply(referenceLattice, Matrix3.transpose(d)));
        } catch (InvalidModelException e) {
            throw new EvaluationException("the cell collapsed during the relaxation: " + e.getMessage(), e);
        }
        double[][] frac = new double[atoms][];
        for (int i = 0; i < atoms; i++) {
            frac[i] = Matrix3.multiply(new double[] {x[3 * i], x[3 * i + 1], x[3 * i + 2]}, referenceInverse);
        }
        return start.withLattice(lattice).withFracCoords(frac);
    }

    @Override
    public Point<Evaluated> evaluate(double[] x) throws EvaluationException {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new EvaluationException("the relaxation diverged (a coordinate is not finite)");
            }
        }
        Structure structure = structure(x);
        PotentialResult result = Potential.computeChecked(potential, structure);
        double[][] d = deformation(x);
        double[] gradient = new double[x.length];
        double[][] forces = result.forces();
        for (int i = 0; i < atoms; i++) {
            double[] generalised = Matrix3.multiply(forces[i], d);
            for (int k = 0; k < 3; k++) {
                gradient[3 * i + k] = -generalised[k];
            }
        }
        if (relaxCell) {
            double[][] cellGradient = Matrix3.multiply(result.stress(), Matrix3.transpose(Matrix3.inverse(d)));
            double scale = structure.lattice().volume() / cellFactor;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    gradient[3 * atoms + 3 * a + b] = scale * cellGradient[a][b];
                }
            }
        }
        return new Point<>(x, result.energy(), gradient, new Evaluated(structure, result));
    }
}
