package org.pxrd.symmetry;

import java.util.ArrayList;
import java.util.List;

import org.pxrd.core.extensions.Settings;
import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.model.SymmetryOperation;

/**
 * Beyond the study: projects the lattice and the fractional coordinates onto the configurations that have the
 * full symmetry of a space group, for coordinate refinement.
 *
 * <p>The operations (W, w) are those of the group named by the setting {@code spaceGroup} (number,
 * Hermann-Mauguin or Hall symbol, taken to describe the reference's own cell), or, when the setting is empty,
 * those {@link SymmetryFinder} finds in the reference cell at {@code symprec} Å. {@link #prepare} splits the
 * reference's sites into orbits: site j belongs to the orbit of representative r through the operation g_j with
 * g_j·x_r ≈ x_j (modulo lattice translations, within {@code symprec} Å); the site-symmetry operations S_r fix
 * x_r.
 *
 * <p>Projection, for parameters p:
 * <ol>
 * <li>lattice: the metric tensor G = M·Mᵀ is averaged over the rotations, G' = (1/|G|) Σ Wᵀ·G·W (written in the
 * cell's basis, so any setting works), and a, b, c, α, β, γ are read from G';</li>
 * <li>coordinates: for each orbit, x_r ← mean over members j of g_j⁻¹·x_j (each image taken next to the first),
 * then x_r ← mean over s ∈ S_r of s·x_r (the nearest point of the site-symmetry subspace), and every member is
 * set to x_j = g_j·x_r, wrapped to [0, 1).</li>
 * </ol>
 * Both steps are averages over a group, hence idempotent, and they leave a symmetric structure unchanged. The
 * means are taken in fractional coordinates; for a lattice consistent with the group they are the Euclidean
 * (least-squares) projections.
 */
public final class SpaceGroupProjector implements SymmetryProjector {

    private final String spaceGroup;
    private final double symprec;

    public SpaceGroupProjector(String spaceGroup, double symprec) {
        if (!(symprec > 0)) {
            throw new IllegalArgumentException("symprec " + symprec + " Å must be positive");
        }
        this.spaceGroup = spaceGroup == null ? "" : spaceGroup.trim();
        this.symprec = symprec;
    }

    /** From the settings {@code spaceGroup} (empty: find it) and {@code symprec} (Å). */
    public SpaceGroupProjector(Settings settings) {
        this(settings.getString("spaceGroup"), settings.getDouble("symprec"));
    }

    /** The standard setting named by a number, or the setting named by a Hermann-Mauguin or Hall symbol. */
    static SpaceGroup named(String name) {
        SpaceGroups table = SpaceGroups.table();
        String text = name.trim();
        if (text.matches("\\d+")) {
            return table.byNumber(Integer.parseInt(text));
        }
        return table.byHermannMauguin(text).or(() -> {
            try {
                return table.byHall(text);
            } catch (IllegalArgumentException notHall) {
                return java.util.Optional.empty();
            }
        }).orElseThrow(() -> new IllegalArgumentException("unknown space group '" + name + "'"));
    }

    @Override
    public Projection prepare(Structure reference) {
        List<SymmetryOperation> ops = spaceGroup.isEmpty()
                ? new SymmetryFinder(symprec, SymmetryFinder.DEFAULT_ANGLE_TOLERANCE).analyze(reference).operations()
                : named(spaceGroup).operations();
        return new Plan(reference, ops, symprec);
    }

    /** The prepared projection: operations as flat arrays and the orbits of the reference's sites. */
    private static final class Plan implements Projection {

        private final int n;
        private final double[][] rotations;
        private final double[][] inverseRotations;
        private final double[][] translations;
        /** Per orbit: representative, members, operation of each member, site-symmetry operations. */
        private final int[] representative;
        private final int[][] members;
        private final int[][] memberOps;
        private final int[][] siteOps;

        Plan(Structure reference, List<SymmetryOperation> ops, double tol) {
            n = reference.size();
            int m = ops.size();
            rotations = new double[m][];
            inverseRotations = new double[m][];
            translations = new double[m][];
            for (int k = 0; k < m; k++) {
                double[][] r = IntMatrix.toDouble(ops.get(k).rotation());
                rotations[k] = flat(r);
                inverseRotations[k] = flat(Matrix3.inverse(r));
                translations[k] = ops.get(k).translation();
            }
            Lattice lattice = reference.lattice();
            double[][] latticeRows = lattice.matrix();
            int[] orbitOf = new int[n];
            java.util.Arrays.fill(orbitOf, -1);
            List<Integer> reps = new ArrayList<>();
            List<int[]> memberList = new ArrayList<>();
            List<int[]> memberOpList = new ArrayList<>();
            List<int[]> siteList = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                if (orbitOf[r] >= 0) {
                    continue;
                }
                orbitOf[r] = reps.size();
                List<Integer> mem = new ArrayList<>(List.of(r));
                List<Integer> memOps = new ArrayList<>(List.of(identityIndex(ops)));
                List<Integer> site = new ArrayList<>();
                Site rep = reference.site(r);
                for (int k = 0; k < m; k++) {
                    double[] y = ops.get(k).apply(rep.frac());
                    if (SymmetryFinder.distance(latticeRows, y, rep.frac()) < tol) {
                        site.add(k);
                    }
                    for (int j = 0; j < n; j++) {
                        if (orbitOf[j] < 0 && reference.site(j).species().equals(rep.species())
                                && SymmetryFinder.distance(latticeRows, y, reference.site(j).frac()) < tol) {
                            orbitOf[j] = reps.size();
                            mem.add(j);
                            memOps.add(k);
                        }
                    }
                }
                reps.add(r);
                memberList.add(mem.stream().mapToInt(Integer::intValue).toArray());
                memberOpList.add(memOps.stream().mapToInt(Integer::intValue).toArray());
                siteList.add(site.stream().mapToInt(Integer::intValue).toArray());
            }
            representative = reps.stream().mapToInt(Integer::intValue).toArray();
            members = memberList.toArray(new int[0][]);
            memberOps = memberOpList.toArray(new int[0][]);
            siteOps = siteList.toArray(new int[0][]);
        }

        private static int identityIndex(List<SymmetryOperation> ops) {
            for (int k = 0; k < ops.size(); k++) {
                if (IntMatrix.equal(ops.get(k).rotation(), IntMatrix.identity())
                        && Math.abs(SymmetryFinder.centred(ops.get(k).translation()[0])) < 1e-9
                        && Math.abs(SymmetryFinder.centred(ops.get(k).translation()[1])) < 1e-9
                        && Math.abs(SymmetryFinder.centred(ops.get(k).translation()[2])) < 1e-9) {
                    return k;
                }
            }
            throw new IllegalArgumentException("the operations lack the identity");
        }

        @Override
        public void apply(double[] in, double[] out) {
            if (in.length != ParameterVector.COORDINATES + 3 * n) {
                throw new IllegalArgumentException("parameter vector of length " + in.length + " does not fit "
                        + n + " sites");
            }
            projectLattice(in, out);
            if (out != in) {
                System.arraycopy(in, ParameterVector.COORDINATES, out, ParameterVector.COORDINATES, 3 * n);
            }
            for (int o = 0; o < representative.length; o++) {
                projectOrbit(o, out);
            }
        }

        /** G' = (1/|G|) Σ Wᵀ G W and the parameters of G'. */
        private void projectLattice(double[] in, double[] out) {
            double a = in[0];
            double b = in[1];
            double c = in[2];
            double ca = Math.cos(Math.toRadians(in[3]));
            double cb = Math.cos(Math.toRadians(in[4]));
            double cg = Math.cos(Math.toRadians(in[5]));
            double[] g = {a * a, a * b * cg, a * c * cb, a * b * cg, b * b, b * c * ca, a * c * cb, b * c * ca, c * c};
            double[] s = new double[9];
            for (double[] w : rotations) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        double v = 0;
                        for (int k = 0; k < 3; k++) {
                            for (int l = 0; l < 3; l++) {
                                v += w[3 * k + i] * g[3 * k + l] * w[3 * l + j];
                            }
                        }
                        s[3 * i + j] += v;
                    }
                }
            }
            int count = rotations.length;
            double na = Math.sqrt(s[0] / count);
            double nb = Math.sqrt(s[4] / count);
            double nc = Math.sqrt(s[8] / count);
            out[0] = na;
            out[1] = nb;
            out[2] = nc;
            out[3] = Math.toDegrees(Math.acos(clamp(s[5] / count / (nb * nc))));
            out[4] = Math.toDegrees(Math.acos(clamp(s[2] / count / (na * nc))));
            out[5] = Math.toDegrees(Math.acos(clamp(s[1] / count / (na * nb))));
        }

        private void projectOrbit(int o, double[] p) {
            int[] mem = members[o];
            int[] memOps = memberOps[o];
            double x0 = 0;
            double y0 = 0;
            double z0 = 0;
            double sx = 0;
            double sy = 0;
            double sz = 0;
            for (int q = 0; q < mem.length; q++) {
                int base = ParameterVector.COORDINATES + 3 * mem[q];
                int k = memOps[q];
                double[] ri = inverseRotations[k];
                double[] t = translations[k];
                double dx = p[base] - t[0];
                double dy = p[base + 1] - t[1];
                double dz = p[base + 2] - t[2];
                double ux = ri[0] * dx + ri[1] * dy + ri[2] * dz;
                double uy = ri[3] * dx + ri[4] * dy + ri[5] * dz;
                double uz = ri[6] * dx + ri[7] * dy + ri[8] * dz;
                if (q == 0) {
                    x0 = ux;
                    y0 = uy;
                    z0 = uz;
                }
                sx += ux - Math.rint(ux - x0);
                sy += uy - Math.rint(uy - y0);
                sz += uz - Math.rint(uz - z0);
            }
            double rx = sx / mem.length;
            double ry = sy / mem.length;
            double rz = sz / mem.length;
            int[] site = siteOps[o];
            if (site.length > 1) {
                double ax = 0;
                double ay = 0;
                double az = 0;
                for (int k : site) {
                    double[] w = rotations[k];
                    double[] t = translations[k];
                    double ux = w[0] * rx + w[1] * ry + w[2] * rz + t[0];
                    double uy = w[3] * rx + w[4] * ry + w[5] * rz + t[1];
                    double uz = w[6] * rx + w[7] * ry + w[8] * rz + t[2];
                    ax += ux - Math.rint(ux - rx);
                    ay += uy - Math.rint(uy - ry);
                    az += uz - Math.rint(uz - rz);
                }
                rx = ax / site.length;
                ry = ay / site.length;
                rz = az / site.length;
            }
            for (int q = 0; q < mem.length; q++) {
                int base = ParameterVector.COORDINATES + 3 * mem[q];
                double[] w = rotations[memOps[q]];
                double[] t = translations[memOps[q]];
                p[base] = Site.wrap(w[0] * rx + w[1] * ry + w[2] * rz + t[0]);
                p[base + 1] = Site.wrap(w[3] * rx + w[4] * ry + w[5] * rz + t[1]);
                p[base + 2] = Site.wrap(w[6] * rx + w[7] * ry + w[8] * rz + t[2]);
            }
        }

        private static double clamp(double x) {
            return Math.max(-1, Math.min(1, x));
        }

        private static double[] flat(double[][] m) {
            return new double[] {m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]};
        }
    }
}
