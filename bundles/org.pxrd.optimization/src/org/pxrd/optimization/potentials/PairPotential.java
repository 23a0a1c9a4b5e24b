package org.pxrd.optimization.potentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;
import org.pxrd.model.Structure;

/**
 * A base for potentials that are sums of a radial pair function φ_ab(r) over all periodic images, for the
 * built-in {@link LennardJonesPotential} and for plugins: a subclass gives the pair parameters of two elements
 * and φ(r), φ'(r) for them; this class sums them with the shifted-force truncation at the cutoff r_c (energy and
 * force both go to zero continuously there, so relaxations and refinements see a smooth surface):
 * <pre>
 *   φ_sf(r) = φ(r) − φ(r_c) − (r − r_c)·φ'(r_c)   for r &lt; r_c,   0 beyond.
 * </pre>
 *
 * <p>Algorithm: with the lattice matrix M (rows a₁, a₂, a₃) and Cartesian positions r_i = f_i·M of the wrapped
 * fractional coordinates f_i ∈ [0, 1)³, every ordered pair (i, j) and translation T = n·M with
 * |n_k| ≤ ⌊r_c·|a*_k|⌋ + 1 (a*_k the reciprocal vectors, so 1/|a*_k| is the spacing of the lattice planes
 * and no image within r_c is missed) gives d = r_j + T − r_i (skipping i = j, T = 0) and, when |d| &lt; r_c,
 * <pre>
 *   E   += ½·φ_sf(|d|)
 *   F_i += φ_sf'(|d|)·d/|d|                         (eV/Å; F_i = −∂E/∂r_i)
 *   σ   += ½·φ_sf'(|d|)·d⊗d/(|d|·V)                 (eV/Å³; σ = (1/V)·∂E/∂ε, ASE's convention)
 * </pre>
 * Cost: n² times the number of translations; fine for unit cells of up to a few tens of atoms. Subclasses should
 * be immutable, which makes them thread-safe.
 */
public abstract class PairPotential implements Potential {

    /** Pairs closer than this (Å) are overlapping atoms: the energy would be astronomically large or infinite. */
    public static final double MIN_DISTANCE = 1e-3;

    private final String name;
    private final double cutoff;

    /**
     * @param name the potential's name in messages
     * @param cutoff r_c in Å
     * @throws IllegalArgumentException when the cutoff is not positive and finite
     */
    protected PairPotential(String name, double cutoff) {
        if (!(cutoff > 0 && Double.isFinite(cutoff))) {
            throw new IllegalArgumentException("cutoff must be a positive number of Å, got " + cutoff);
        }
        this.name = name;
        this.cutoff = cutoff;
    }

    /** The cutoff r_c in Å. */
    public double cutoff() {
        return cutoff;
    }

    /**
     * The parameters of the pair function of two elements (whatever {@link #pairEnergy} and {@link #pairDerivative}
     * read), called once per pair of elements and structure.
     *
     * @throws PotentialException naming the element the potential has no parameters for
     */
    public abstract double[] pairParameters(Element a, Element b) throws PotentialException;

    /** The untruncated pair energy φ(r) in eV at distance r (Å). */
    protected abstract double pairEnergy(double r, double[] parameters);

    /** Its derivative φ'(r) in eV/Å. */
    protected abstract double pairDerivative(double r, double[] parameters);

    @Override
    public final PotentialResult compute(Structure structure) throws PotentialException {
        Potential.requireFullOccupancy(structure, name);
        int n = structure.size();
        List<Element> elements = new ArrayList<>();
        int[] kind = new int[n];
        for (int i = 0; i < n; i++) {
            Element e = structure.site(i).element();
            int k = elements.indexOf(e);
            if (k < 0) {
                k = elements.size();
                elements.add(e);
            }
            kind[i] = k;
        }
        int m = elements.size();
        double[][][] parameters = new double[m][m][];
        double[][] shiftEnergy = new double[m][m];
        double[][] shiftForce = new double[m][m];
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < m; q++) {
                parameters[p][q] = pairParameters(elements.get(p), elements.get(q));
                shiftEnergy[p][q] = pairEnergy(cutoff, parameters[p][q]);
                shiftForce[p][q] = pairDerivative(cutoff, parameters[p][q]);
            }
        }
        Lattice lattice = structure.lattice();
        double[][] positions = structure.cartCoords();
        List<double[]> translations = translations(lattice);
        double cutoff2 = cutoff * cutoff;
        double energy = 0;
        double[][] forces = new double[n][3];
        double[][] virial = new double[3][3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int p = kind[i];
                int q = kind[j];
                double[] base = {positions[j][0] - positions[i][0], positions[j][1] - positions[i][1],
                    positions[j][2] - positions[i][2]};
                for (double[] t : translations) {
                    double dx = base[0] + t[0];
                    double dy = base[1] + t[1];
                    double dz = base[2] + t[2];
                    double r2 = dx * dx + dy * dy + dz * dz;
                    if (r2 >= cutoff2 || i == j && t[3] == 0) {
                        continue;
                    }
                    double r = Math.sqrt(r2);
                    if (r < MIN_DISTANCE) {
                        throw new PotentialException(String.format(Locale.ROOT,
                                "%s: sites %d (%s) and %d (%s) overlap (%.2e Å apart)", name, i + 1,
                                structure.site(i).label(), j + 1, structure.site(j).label(), r));
                    }
                    energy += 0.5 * (pairEnergy(r, parameters[p][q]) - shiftEnergy[p][q]
                            - (r - cutoff) * shiftForce[p][q]);
                    double dPhiOverR = (pairDerivative(r, parameters[p][q]) - shiftForce[p][q]) / r;
                    double[] d = {dx, dy, dz};
                    for (int a = 0; a < 3; a++) {
                        forces[i][a] += dPhiOverR * d[a];
                        for (int b = 0; b < 3; b++) {
                            virial[a][b] += 0.5 * dPhiOverR * d[a] * d[b];
                        }
                    }
                }
            }
        }
        double volume = lattice.volume();
        for (double[] row : virial) {
            for (int b = 0; b < 3; b++) {
                row[b] /= volume;
            }
        }
        if (!Double.isFinite(energy)) {
            throw new PotentialException(name + ": the energy of " + structure.name() + " is not finite");
        }
        return new PotentialResult(energy, forces, virial);
    }

    /**
     * The lattice translations n·M with |n_k| ≤ ⌊r_c·|a*_k|⌋ + 1, each as {x, y, z, flag} with flag 0 for the
     * zero translation and 1 otherwise.
     */
    private List<double[]> translations(Lattice lattice) {
        double[][] m = lattice.matrix();
        double[][] reciprocal = lattice.reciprocalCrystallographic().matrix();
        int[] range = new int[3];
        for (int k = 0; k < 3; k++) {
            range[k] = (int) Math.floor(cutoff * Matrix3.norm(reciprocal[k])) + 1;
        }
        List<double[]> list = new ArrayList<>();
        for (int n1 = -range[0]; n1 <= range[0]; n1++) {
            for (int n2 = -range[1]; n2 <= range[1]; n2++) {
                for (int n3 = -range[2]; n3 <= range[2]; n3++) {
                    double[] t = Matrix3.multiply(new double[] {n1, n2, n3}, m);
                    list.add(new double[] {t[0], t[1], t[2], n1 == 0 && n2 == 0 && n3 == 0 ? 0 : 1});
                }
            }
        }
        return list;
    }
}
