package org.pxrd.optimization.potentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pxrd.core.extensions.Settings;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;
import org.pxrd.model.Structure;

/**
 * A 12-6 Lennard-Jones pair potential with the per-element parameters of the Universal Force Field
 * ({@link UffParameters}: Rappé et al., J. Am. Chem. Soc. 114 (1992) 10024), in UFF's form
 * <pre>
 *   φ(r) = D_ij·[(x_ij/r)¹² − 2·(x_ij/r)⁶]          (minimum −D_ij at r = x_ij)
 * </pre>
 * with the combination rule of UFF, geometric means x_ij = √(x_i·x_j), D_ij = √(D_i·D_j) (Rappé et al.,
 * eqs. 20-21), or Lorentz-Berthelot, x_ij = (x_i + x_j)/2, D_ij = √(D_i·D_j).
 *
 * <p>Periodic images are summed up to a cutoff r_c with the shifted-force truncation (energy and force both go
 * to zero continuously at r_c, so relaxations see a smooth surface):
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
 * Cost: n² times the number of translations; fine for the unit cells of the study (up to a few tens of atoms).
 * Instances are immutable and thread-safe.
 */
public final class LennardJonesPotential implements Potential {

    /** Default cutoff in Å (about 3 UFF distances x of light elements). */
    public static final double DEFAULT_CUTOFF = 10.0;
    /** Pairs closer than this (Å) are overlapping atoms: the energy would be astronomically large or infinite. */
    public static final double MIN_DISTANCE = 1e-3;

    /** How the parameters of two elements combine. */
    public enum Combination {
        /** UFF's own rule: x_ij = √(x_i·x_j), D_ij = √(D_i·D_j). */
        GEOMETRIC,
        /** Lorentz-Berthelot: x_ij = (x_i + x_j)/2, D_ij = √(D_i·D_j). */
        LORENTZ_BERTHELOT;

        /** Parses {@code geometric} or {@code lorentz-berthelot}. */
        public static Combination parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "geometric" -> GEOMETRIC;
                case "lorentz-berthelot" -> LORENTZ_BERTHELOT;
                default -> throw new IllegalArgumentException("unknown combination rule '" + text
                        + "' (expected geometric or lorentz-berthelot)");
            };
        }
    }

    private static final String NAME = "Lennard-Jones (UFF)";

    private final double cutoff;
    private final Combination combination;
    private final UffParameters parameters;

    /** From the contribution's settings {@code cutoff} (Å) and {@code combination}. */
    public LennardJonesPotential(Settings settings) {
        this(settings.getDouble("cutoff"), Combination.parse(settings.getString("combination")));
    }

    /**
     * @param cutoff r_c in Å
     * @throws IllegalArgumentException when the cutoff is not positive and finite
     */
    public LennardJonesPotential(double cutoff, Combination combination) {
        if (!(cutoff > 0 && Double.isFinite(cutoff))) {
            throw new IllegalArgumentException("cutoff must be a positive number of Å, got " + cutoff);
        }
        this.cutoff = cutoff;
        this.combination = combination;
        this.parameters = UffParameters.standard();
    }

    public double cutoff() {
        return cutoff;
    }

    public Combination combination() {
        return combination;
    }

    /** The pair parameters {x_ij (Å), D_ij (eV)} of two elements. */
    public double[] pairParameters(Element a, Element b) throws PotentialException {
        UffParameters.Entry pa = entry(a);
        UffParameters.Entry pb = entry(b);
        double x = combination == Combination.GEOMETRIC ? Math.sqrt(pa.x() * pb.x()) : (pa.x() + pb.x()) / 2;
        return new double[] {x, Math.sqrt(pa.dEv() * pb.dEv())};
    }

    private UffParameters.Entry entry(Element e) throws PotentialException {
        return parameters.get(e).orElseThrow(() -> new PotentialException(NAME + ": UFF has no parameters for "
                + e.symbol()));
    }

    /** The untruncated pair energy φ(r) = D·[(x/r)¹² − 2(x/r)⁶] in eV. */
    static double pairEnergy(double r, double x, double d) {
        double s6 = Math.pow(x / r, 6);
        return d * (s6 * s6 - 2 * s6);
    }

    /** Its derivative φ'(r) = (12·D/r)·[(x/r)⁶ − (x/r)¹²] in eV/Å. */
    static double pairDerivative(double r, double x, double d) {
        double s6 = Math.pow(x / r, 6);
        return 12 * d / r * (s6 - s6 * s6);
    }

    @Override
    public PotentialResult compute(Structure structure) throws PotentialException {
        Potential.requireFullOccupancy(structure, NAME);
        int n = structure.size();
        // species of each site as an index into the distinct elements, and the pair tables
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
        double[][] x = new double[m][m];
        double[][] depth = new double[m][m];
        double[][] shiftEnergy = new double[m][m];
        double[][] shiftForce = new double[m][m];
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < m; q++) {
                double[] xd = pairParameters(elements.get(p), elements.get(q));
                x[p][q] = xd[0];
                depth[p][q] = xd[1];
                shiftEnergy[p][q] = pairEnergy(cutoff, xd[0], xd[1]);
                shiftForce[p][q] = pairDerivative(cutoff, xd[0], xd[1]);
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
                                "%s: sites %d (%s) and %d (%s) overlap (%.2e Å apart)", NAME, i + 1,
                                structure.site(i).label(), j + 1, structure.site(j).label(), r));
                    }
                    energy += 0.5 * (pairEnergy(r, x[p][q], depth[p][q]) - shiftEnergy[p][q]
                            - (r - cutoff) * shiftForce[p][q]);
                    double dPhiOverR = (pairDerivative(r, x[p][q], depth[p][q]) - shiftForce[p][q]) / r;
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
            throw new PotentialException(NAME + ": the energy of " + structure.name() + " is not finite");
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
