package org.pxrd.matching;

import java.util.ArrayList;
import java.util.List;

import org.pxrd.model.IntMatrix3;
import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;

/**
 * The bases of one lattice that look like another lattice (pymatgen's {@code Lattice.find_all_mappings}): triples
 * of lattice vectors (u, v, w) = S·L with an integer matrix S, non-singular, whose lengths match the target's a,
 * b, c within a ratio of 1 + ltol (1/(1 + ltol) &lt; |u|/a &lt; 1 + ltol) and whose angles match α, β, γ within
 * angleTol degrees. Both handednesses are accepted, so a structure and its mirror image can be matched.
 */
final class LatticeMappings {

    private LatticeMappings() {
    }

    /**
     * The integer matrices S (rows: the new vectors in the basis of {@code lattice}) with |det S| = {@code det},
     * of every basis of {@code lattice} that matches {@code target}.
     */
    static List<int[][]> find(Lattice lattice, Lattice target, double ltol, double angleTol, int det) {
        double[] lengths = {target.a(), target.b(), target.c()};
        double[] angles = {target.alpha(), target.beta(), target.gamma()};
        double radius = Math.max(lengths[0], Math.max(lengths[1], lengths[2])) * (1 + ltol);
        double[][] m = lattice.matrix();
        double[][] recip = Matrix3.transpose(Matrix3.inverse(m));
        int[] bound = new int[3];
        for (int i = 0; i < 3; i++) {
            bound[i] = (int) Math.ceil(radius * Matrix3.norm(recip[i]));
        }
        List<List<double[]>> candidates = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        double[] v = new double[3];
        for (int i = -bound[0]; i <= bound[0]; i++) {
            for (int j = -bound[1]; j <= bound[1]; j++) {
                for (int k = -bound[2]; k <= bound[2]; k++) {
                    for (int c = 0; c < 3; c++) {
                        v[c] = i * m[0][c] + j * m[1][c] + k * m[2][c];
                    }
                    double length = Matrix3.norm(v);
                    if (length > radius || length == 0) {
                        continue;
                    }
                    for (int t = 0; t < 3; t++) {
                        double ratio = length / lengths[t];
                        if (ratio < 1 + ltol && ratio > 1 / (1 + ltol)) {
                            // {n1, n2, n3, x, y, z, |v|}
                            candidates.get(t).add(new double[] {i, j, k, v[0], v[1], v[2], length});
                        }
                    }
                }
            }
        }
        List<double[]> as = candidates.get(0);
        List<double[]> bs = candidates.get(1);
        List<double[]> cs = candidates.get(2);
        boolean[][] alphaOk = anglesMatch(bs, cs, angles[0], angleTol);
        boolean[][] betaOk = anglesMatch(as, cs, angles[1], angleTol);
        boolean[][] gammaOk = anglesMatch(as, bs, angles[2], angleTol);
        List<int[][]> found = new ArrayList<>();
        for (int i = 0; i < as.size(); i++) {
            for (int j = 0; j < bs.size(); j++) {
                if (!gammaOk[i][j]) {
                    continue;
                }
                for (int k = 0; k < cs.size(); k++) {
                    if (alphaOk[j][k] && betaOk[i][k]) {
                        int[][] s = {index(as.get(i)), index(bs.get(j)), index(cs.get(k))};
                        long d = Math.abs(IntMatrix3.det(s));
                        if (d == det) {
                            found.add(s);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static int[] index(double[] candidate) {
        return new int[] {(int) candidate[0], (int) candidate[1], (int) candidate[2]};
    }

    /** ok[i][j]: the angle between u_i and v_j (degrees) is within tol of target (strictly). */
    private static boolean[][] anglesMatch(List<double[]> us, List<double[]> vs, double target, double tol) {
        boolean[][] ok = new boolean[us.size()][vs.size()];
        for (int i = 0; i < us.size(); i++) {
            double[] u = us.get(i);
            for (int j = 0; j < vs.size(); j++) {
                double[] w = vs.get(j);
                double cos = (u[3] * w[3] + u[4] * w[4] + u[5] * w[5]) / (u[6] * w[6]);
                double angle = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
                ok[i][j] = Math.abs(angle - target) < tol;
            }
        }
        return ok;
    }
}
