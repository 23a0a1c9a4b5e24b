package org.pxrd.optimization.refine;

import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;
import org.pxrd.optimization.potentials.PotentialResult;

/**
 * The gradient of a potential's energy E with respect to the refinement's parameters, from its forces and stress.
 *
 * <p>With M the lattice matrix (rows are the lattice vectors, Å) and positions r_i = f_i·M (row vectors):
 * <ul>
 * <li>fractional coordinates: ∂E/∂f_i = (∂r_i/∂f_i)·∂E/∂r_i = −M·F_i (F_i the force on atom i, eV/Å), in eV per
 * fractional unit;</li>
 * <li>lattice: a homogeneous strain ε (r → r·(1 + ε)ᵀ with the atoms) changes E by V σ:ε (σ the stress in ASE's
 * convention, eV/Å³), which gives ∂E/∂M = V M⁻ᵀ σ at fixed fractional coordinates. E depends on M only through
 * the metric G = M·Mᵀ (it is invariant under rotations), and ∂E/∂M = 2 S M for S = ∂E/∂G, so
 * <pre>
 *   S = ½ V M⁻ᵀ σ M⁻¹
 *   G = [[a², ab cos γ, ac cos β], [ab cos γ, b², bc cos α], [ac cos β, bc cos α, c²]]
 *   ∂E/∂p = Σ_ij S_ij ∂G_ij/∂p      for p = a, b, c (eV/Å) and α, β, γ (eV/degree: ∂/∂α° = π/180 ∂/∂α)
 * </pre>
 * which needs no particular orientation of M.</li>
 * </ul>
 */
public final class EnergyGradient {

    private EnergyGradient() {
    }

    /**
     * Adds {@code scale}·∂E/∂(a, b, c, α, β, γ) to {@code lattice} and {@code scale}·∂E/∂f to {@code coordinates}
     * (x₁ y₁ z₁ x₂ ...), for a potential's result on a structure with this lattice.
     */
    public static void add(PotentialResult result, Lattice cell, double scale, double[] lattice,
            double[] coordinates) {
        double[][] m = cell.matrix();
        double[][] inverse = Matrix3.inverse(m);
        double[][] stress = result.stress();
        double[][] s = Matrix3.multiply(Matrix3.multiply(Matrix3.transpose(inverse), stress), inverse);
        double half = 0.5 * cell.volume();
        double a = cell.a();
        double b = cell.b();
        double c = cell.c();
        double ca = Math.cos(Math.toRadians(cell.alpha()));
        double cb = Math.cos(Math.toRadians(cell.beta()));
        double cg = Math.cos(Math.toRadians(cell.gamma()));
        double sa = Math.sin(Math.toRadians(cell.alpha()));
        double sb = Math.sin(Math.toRadians(cell.beta()));
        double sg = Math.sin(Math.toRadians(cell.gamma()));
        double s00 = half * s[0][0];
        double s11 = half * s[1][1];
        double s22 = half * s[2][2];
        double s01 = half * 0.5 * (s[0][1] + s[1][0]);
        double s02 = half * 0.5 * (s[0][2] + s[2][0]);
        double s12 = half * 0.5 * (s[1][2] + s[2][1]);
        double degree = Math.PI / 180;
        lattice[0] += scale * (2 * a * s00 + 2 * b * cg * s01 + 2 * c * cb * s02);
        lattice[1] += scale * (2 * b * s11 + 2 * a * cg * s01 + 2 * c * ca * s12);
        lattice[2] += scale * (2 * c * s22 + 2 * a * cb * s02 + 2 * b * ca * s12);
        lattice[3] += scale * (-2 * b * c * sa * s12 * degree);
        lattice[4] += scale * (-2 * a * c * sb * s02 * degree);
        lattice[5] += scale * (-2 * a * b * sg * s01 * degree);
        double[][] forces = result.forces();
        for (int i = 0; i < forces.length; i++) {
            for (int k = 0; k < 3; k++) {
                coordinates[3 * i + k] -= scale * Matrix3.dot(m[k], forces[i]);
            }
        }
    }
}
