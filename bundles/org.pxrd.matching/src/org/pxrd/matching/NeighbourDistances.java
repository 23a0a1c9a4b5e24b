package org.pxrd.matching;

import java.util.Arrays;

import org.pxrd.model.Matrix3;
import org.pxrd.model.Structure;

/**
 * The distances (Å) from each atom of a periodic set's motif to its k nearest neighbours in the whole periodic set
 * (all atoms of all cells, the atom's own translates included, itself excluded), sorted ascending: the rows of the
 * pointwise distance distribution before weighting and collapsing (Widdowson &amp; Kurlin, NeurIPS 2022).
 * Species, occupancies and displacement parameters are ignored: the periodic set is the atom positions.
 *
 * <p>Method: all points within a cutoff r of each motif atom are enumerated over the lattice translations that can
 * reach the sphere (|nᵢ| ≤ r·|b*ᵢ| + 1 along each axis, b* the crystallographic reciprocal vectors); r starts at the
 * radius of a sphere holding about 2(k + 1) atoms at the mean density and grows by {@value #GROWTH} until every atom
 * has at least k neighbours within it. Distances are |(f_j + n − f_i)·M| from fractional coordinates, so they do
 * not depend on the orientation of the cell.
 */
final class NeighbourDistances {

    /** Factor by which the cutoff grows when some atom has fewer than k neighbours inside it. */
    static final double GROWTH = 1.5;

    private NeighbourDistances() {
    }

    /**
     * The m x k matrix of sorted neighbour distances (Å), m the number of sites.
     *
     * @throws IllegalArgumentException when k &lt; 1
     */
    static double[][] of(Structure structure, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("the number of neighbours k = " + k + " must be at least 1");
        }
        double[][] m = structure.lattice().matrix();
        double[][] recip = Matrix3.transpose(Matrix3.inverse(m));
        double[][] f = structure.fracCoords();
        int n = f.length;
        double volume = structure.lattice().volume();
        double r = Math.cbrt(3 * 2 * (k + 1) * volume / (4 * Math.PI * n));
        while (true) {
            double[][] rows = within(f, m, recip, r, k);
            if (rows != null) {
                return rows;
            }
            r *= GROWTH;
        }
    }

    /** The k nearest distances of every atom when all have at least k neighbours within r, else null. */
    private static double[][] within(double[][] f, double[][] m, double[][] recip, double r, int k) {
        int[] bound = new int[3];
        for (int i = 0; i < 3; i++) {
            bound[i] = (int) Math.ceil(r * Matrix3.norm(recip[i])) + 1;
        }
        int n = f.length;
        double r2 = r * r;
        double[][] rows = new double[n][];
        double[] buffer = new double[64];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = 0; j < n; j++) {
                double dx = f[j][0] - f[i][0];
                double dy = f[j][1] - f[i][1];
                double dz = f[j][2] - f[i][2];
                for (int a = -bound[0]; a <= bound[0]; a++) {
                    for (int b = -bound[1]; b <= bound[1]; b++) {
                        for (int c = -bound[2]; c <= bound[2]; c++) {
                            if (i == j && a == 0 && b == 0 && c == 0) {
                                continue;
                            }
                            double u = dx + a;
                            double v = dy + b;
                            double w = dz + c;
                            double x = u * m[0][0] + v * m[1][0] + w * m[2][0];
                            double y = u * m[0][1] + v * m[1][1] + w * m[2][1];
                            double z = u * m[0][2] + v * m[1][2] + w * m[2][2];
                            double d2 = x * x + y * y + z * z;
                            if (d2 <= r2) {
                                if (count == buffer.length) {
                                    buffer = Arrays.copyOf(buffer, 2 * count);
                                }
                                buffer[count++] = d2;
                            }
                        }
                    }
                }
            }
            if (count < k) {
                return null;
            }
            Arrays.sort(buffer, 0, count);
            double[] row = new double[k];
            for (int t = 0; t < k; t++) {
                row[t] = Math.sqrt(buffer[t]);
            }
            rows[i] = row;
        }
        return rows;
    }
}
