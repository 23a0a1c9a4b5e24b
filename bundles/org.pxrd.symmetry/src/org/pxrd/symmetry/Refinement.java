package org.pxrd.symmetry;

import java.util.ArrayList;
import java.util.List;

import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.model.SymmetryOperation;

/**
 * Step 6 of {@link SymmetryFinder}: from a match to a {@link SymmetryDataset}. Builds the idealized conventional
 * cell in the standard setting, symmetrizes the positions, assigns Wyckoff letters and maps everything back to
 * the atoms of the input structure.
 */
final class Refinement {

    private Refinement() {
    }

    static SymmetryDataset build(Structure structure, SymmetryFinder.Cell input, SymmetryFinder.Primitive prim,
            List<SymmetryFinder.Op> ops, List<SymmetryFinder.Match> matches, double tol) {
        SymmetryFinder.Match match = matches.get(0);
        SpaceGroup group = match.group();
        int[][] basis = match.basis();
        double[][] p = IntMatrix.toDouble(basis);
        double[][] pInv = Matrix3.inverse(p);
        double[] shift = match.originShift();
        int n = prim.frac().length;

        // conventional lattice before and after idealization
        double[][] conventionalRows = Matrix3.multiply(Matrix3.transpose(p), prim.lattice());
        Lattice raw = Lattice.fromMatrix(conventionalRows);
        Lattice ideal = idealize(raw, group.crystalSystem());
        double[][] rawRows = raw.matrix();

        // primitive atoms in standard conventional coordinates
        double[][] u = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] v = Matrix3.multiply(pInv, prim.frac()[i]);
            for (int k = 0; k < 3; k++) {
                v[k] += shift[k];
            }
            u[i] = SymmetryFinder.wrap(v);
        }

        // orbits of the primitive atoms under the found operations
        int[] orbit = new int[n];
        for (int i = 0; i < n; i++) {
            orbit[i] = i;
        }
        for (SymmetryFinder.Op op : ops) {
            for (int i = 0; i < n; i++) {
                double[] y = IntMatrix.multiply(op.r(), prim.frac()[i]);
                for (int k = 0; k < 3; k++) {
                    y[k] += op.t()[k];
                }
                int best = -1;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if (prim.types()[j] == prim.types()[i]) {
                        double d = SymmetryFinder.distance(prim.lattice(), y, prim.frac()[j]);
                        if (d < bestDistance) {
                            bestDistance = d;
                            best = j;
                        }
                    }
                }
                union(orbit, i, best);
            }
        }
        List<SymmetryOperation> table = group.operations();
        String[] letters = new String[n];
        String[] siteSymmetry = new String[n];
        for (int i = 0; i < n; i++) {
            if (root(orbit, i) != i) {
                continue;
            }
            double[] rep = symmetrize(u[i], table, rawRows, tol);
            u[i] = rep;
            WyckoffPosition w = wyckoff(group, rep);
            letters[i] = w.letter();
            siteSymmetry[i] = w.siteSymmetry();
            for (int j = 0; j < n; j++) {
                if (j != i && root(orbit, j) == i) {
                    u[j] = image(rep, u[j], table, rawRows);
                    letters[j] = w.letter();
                    siteSymmetry[j] = w.siteSymmetry();
                }
            }
        }

        // the refined conventional cell: every primitive atom plus the centring translations
        List<double[]> centring = new ArrayList<>();
        for (SymmetryOperation op : table) {
            if (IntMatrix.equal(op.rotation(), IntMatrix.identity())) {
                centring.add(op.translation());
            }
        }
        int[] representativeInput = new int[n];
        java.util.Arrays.fill(representativeInput, -1);
        for (int i = 0; i < prim.mapping().length; i++) {
            if (representativeInput[prim.mapping()[i]] < 0) {
                representativeInput[prim.mapping()[i]] = i;
            }
        }
        List<Site> refinedSites = new ArrayList<>();
        for (double[] c : centring) {
            for (int i = 0; i < n; i++) {
                Site template = structure.site(representativeInput[i]);
                double[] x = {u[i][0] + c[0], u[i][1] + c[1], u[i][2] + c[2]};
                refinedSites.add(template.withFrac(x));
            }
        }
        Structure refined = new Structure(structure.name(), ideal, refinedSites, group.toCrystalSymmetry());

        // back to the input atoms
        int size = structure.size();
        int[] equivalent = new int[size];
        String[] inputLetters = new String[size];
        String[] inputSiteSymmetry = new String[size];
        int[] firstOfOrbit = new int[n];
        java.util.Arrays.fill(firstOfOrbit, -1);
        double[][] symmetrized = new double[size][];
        double[][] toInput = Matrix3.inverse(prim.inputToCell());
        for (int i = 0; i < size; i++) {
            int m = prim.mapping()[i];
            int r = root(orbit, m);
            if (firstOfOrbit[r] < 0) {
                firstOfOrbit[r] = i;
            }
            equivalent[i] = firstOfOrbit[r];
            inputLetters[i] = letters[m];
            inputSiteSymmetry[i] = siteSymmetry[m];
            // symmetrized primitive position, moved next to the input atom's own primitive image
            double[] yIdeal = Matrix3.multiply(p, minus(u[m], shift));
            double[] yInput = Matrix3.multiply(prim.inputToCell(), input.frac()[i]);
            double[] delta = new double[3];
            for (int k = 0; k < 3; k++) {
                delta[k] = SymmetryFinder.centred(yIdeal[k] - yInput[k]);
            }
            double[] dx = Matrix3.multiply(toInput, delta);
            symmetrized[i] = new double[] {input.frac()[i][0] + dx[0], input.frac()[i][1] + dx[1],
                input.frac()[i][2] + dx[2]};
        }
        Structure symmetrizedStructure = structure.withFracCoords(symmetrized);
        List<SymmetryOperation> inputOps = inputOperations(prim, ops);
        int[] orbitOfInput = new int[size];
        for (int i = 0; i < size; i++) {
            orbitOfInput[i] = root(orbit, prim.mapping()[i]);
        }
        java.util.function.Supplier<List<List<String>>> alternatives = () -> {
            java.util.Set<List<String>> all = new java.util.LinkedHashSet<>();
            for (SymmetryFinder.Match m : matches) {
                String[] l = letters(m, prim, orbit, tol);
                String[] perInput = new String[size];
                for (int i = 0; i < size; i++) {
                    perInput[i] = l[orbitOfInput[i]];
                }
                all.add(SymmetryDataset.symbols(equivalent, perInput));
            }
            return List.copyOf(all);
        };
        return new SymmetryDataset(group, inputOps, equivalent, inputLetters, inputSiteSymmetry, refined,
                symmetrizedStructure, basis, shift, tol, alternatives);
    }

    /** The Wyckoff letter of every orbit (indexed by its root primitive atom) in another description. */
    private static String[] letters(SymmetryFinder.Match m, SymmetryFinder.Primitive prim, int[] orbit, double tol) {
        double[][] pInv = Matrix3.inverse(IntMatrix.toDouble(m.basis()));
        double[][] rawRows = Matrix3.multiply(Matrix3.transpose(IntMatrix.toDouble(m.basis())), prim.lattice());
        int n = prim.frac().length;
        String[] letters = new String[n];
        for (int i = 0; i < n; i++) {
            if (root(orbit, i) == i) {
                double[] v = Matrix3.multiply(pInv, prim.frac()[i]);
                for (int k = 0; k < 3; k++) {
                    v[k] += m.originShift()[k];
                }
                double[] rep = symmetrize(SymmetryFinder.wrap(v), m.group().operations(), rawRows, tol);
                letters[i] = wyckoff(m.group(), rep).letter();
            }
        }
        return letters;
    }

    private static double[] minus(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    /**
     * The operations in the coordinates of the input cell: each primitive operation (W, w) becomes
     * (M⁻¹WM, M⁻¹w) with y = M·x the change to primitive coordinates, combined with every pure translation of the
     * input cell (the primitive lattice points inside it). A rotation that is not integral in the input basis (the
     * input is a supercell whose lattice lacks that symmetry) is left out.
     */
    private static List<SymmetryOperation> inputOperations(SymmetryFinder.Primitive prim,
            List<SymmetryFinder.Op> ops) {
        double[][] m = prim.inputToCell();
        double[][] mInv = Matrix3.inverse(m);
        List<double[]> translations = new ArrayList<>();
        int range = prim.inputPoints();
        for (int i = -range; i <= range && translations.size() < prim.inputPoints(); i++) {
            for (int j = -range; j <= range; j++) {
                for (int k = -range; k <= range; k++) {
                    double[] t = SymmetryFinder.wrap(Matrix3.multiply(mInv, new double[] {i, j, k}));
                    boolean known = false;
                    for (double[] s : translations) {
                        known |= maxCentred(s, t) < 1e-6;
                    }
                    if (!known) {
                        translations.add(t);
                    }
                }
            }
        }
        List<SymmetryOperation> result = new ArrayList<>();
        for (double[] pure : translations) {
            for (SymmetryFinder.Op op : ops) {
                int[][] r = IntMatrix.rounded(Matrix3.multiply(Matrix3.multiply(mInv, IntMatrix.toDouble(op.r())), m));
                if (r == null) {
                    continue; // a rotation of the crystal that the input supercell's lattice lacks
                }
                double[] t = Matrix3.multiply(mInv, op.t());
                for (int k = 0; k < 3; k++) {
                    t[k] = Site.wrap(t[k] + pure[k]);
                }
                result.add(new SymmetryOperation(r, t));
            }
        }
        return result;
    }

    /**
     * The ideal conventional lattice of a crystal system: lengths of symmetry-equivalent axes averaged, angles
     * fixed by symmetry set exactly, the others kept.
     */
    static Lattice idealize(Lattice raw, CrystalSystem system) {
        double a = raw.a();
        double b = raw.b();
        double c = raw.c();
        return switch (system) {
            case CUBIC -> {
                double m = (a + b + c) / 3;
                yield Lattice.fromParameters(m, m, m, 90, 90, 90);
            }
            case TETRAGONAL -> Lattice.fromParameters((a + b) / 2, (a + b) / 2, c, 90, 90, 90);
            case TRIGONAL, HEXAGONAL -> Lattice.fromParameters((a + b) / 2, (a + b) / 2, c, 90, 90, 120);
            case ORTHORHOMBIC -> Lattice.fromParameters(a, b, c, 90, 90, 90);
            case MONOCLINIC -> Lattice.fromParameters(a, b, c, 90, raw.beta(), 90);
            case TRICLINIC -> raw;
        };
    }

    /** x moved onto the subspace fixed by its site-symmetry group: x + mean over g of (g·x − x), nearest images. */
    static double[] symmetrize(double[] x, List<SymmetryOperation> ops, double[][] lattice, double tol) {
        double[] sum = new double[3];
        int count = 0;
        for (SymmetryOperation g : ops) {
            double[] y = g.apply(x);
            if (SymmetryFinder.distance(lattice, y, x) < tol * OriginMatcher.RESIDUAL_FACTOR) {
                for (int k = 0; k < 3; k++) {
                    sum[k] += SymmetryFinder.centred(y[k] - x[k]);
                }
                count++;
            }
        }
        return SymmetryFinder.wrap(new double[] {x[0] + sum[0] / count, x[1] + sum[1] / count, x[2] + sum[2] / count});
    }

    /** The image g·rep nearest to x (the exact symmetric position of an atom equivalent to rep). */
    private static double[] image(double[] rep, double[] x, List<SymmetryOperation> ops, double[][] lattice) {
        double[] best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (SymmetryOperation g : ops) {
            double[] y = g.apply(rep);
            double d = SymmetryFinder.distance(lattice, y, x);
            if (d < bestDistance) {
                bestDistance = d;
                best = y;
            }
        }
        return SymmetryFinder.wrap(best);
    }

    /**
     * The Wyckoff position of an exactly symmetric point: the multiplicity is |G| divided by the number of
     * operations fixing the point; the letter is the first tabulated position of that multiplicity whose
     * representative subspace holds an image g·x (modulo lattice translations).
     */
    static WyckoffPosition wyckoff(SpaceGroup group, double[] x) {
        int fixing = 0;
        for (SymmetryOperation g : group.operations()) {
            double[] y = g.apply(x);
            if (maxCentred(y, x) < SymmetryFinder.EXACT) {
                fixing++;
            }
        }
        int multiplicity = group.order() / Math.max(fixing, 1);
        WyckoffPosition general = group.wyckoffPositions().get(group.wyckoffPositions().size() - 1);
        for (WyckoffPosition w : group.wyckoffPositions()) {
            if (w.multiplicity() != multiplicity) {
                continue;
            }
            for (SymmetryOperation g : group.operations()) {
                if (onSubspace(w.representative(), g.apply(x))) {
                    return w;
                }
            }
        }
        return general;
    }

    private static double maxCentred(double[] y, double[] x) {
        double m = 0;
        for (int k = 0; k < 3; k++) {
            m = Math.max(m, Math.abs(SymmetryFinder.centred(y[k] - x[k])));
        }
        return m;
    }

    /** Whether y ≡ R·v + t (mod ℤ³) for some v: the residual of y − t after projection on the columns of R. */
    static boolean onSubspace(SymmetryOperation representative, double[] y) {
        int[][] r = representative.rotation();
        double[] t = representative.translation();
        List<double[]> basis = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            double[] col = {r[0][j], r[1][j], r[2][j]};
            for (double[] q : basis) {
                double d = Matrix3.dot(col, q);
                for (int k = 0; k < 3; k++) {
                    col[k] -= d * q[k];
                }
            }
            double norm = Matrix3.norm(col);
            if (norm > 1e-9) {
                basis.add(new double[] {col[0] / norm, col[1] / norm, col[2] / norm});
            }
        }
        double[] d0 = new double[3];
        for (int k = 0; k < 3; k++) {
            d0[k] = SymmetryFinder.centred(y[k] - t[k]);
        }
        for (int i = -2; i <= 2; i++) {
            for (int j = -2; j <= 2; j++) {
                for (int l = -2; l <= 2; l++) {
                    double[] d = {d0[0] + i, d0[1] + j, d0[2] + l};
                    for (double[] q : basis) {
                        double s = Matrix3.dot(d, q);
                        for (int k = 0; k < 3; k++) {
                            d[k] -= s * q[k];
                        }
                    }
                    if (Matrix3.norm(d) < SymmetryFinder.EXACT) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int i, int j) {
        int a = root(parent, i);
        int b = root(parent, j);
        if (a != b) {
            parent[Math.max(a, b)] = Math.min(a, b);
        }
    }
}
