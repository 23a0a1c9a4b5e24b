package org.pxrd.matching;

import java.util.Arrays;

/**
 * Optimal assignment of n rows to distinct columns of an n x m cost matrix (n ≤ m) minimising the total cost: the
 * Hungarian method (Kuhn 1955, Munkres 1957) in its shortest-augmenting-path form with row and column potentials
 * (as in Jonker &amp; Volgenant, Computing 38 (1987) 325), O(n²m).
 *
 * <p>Rows are added one at a time. For row i, a Dijkstra-like search over the columns grows a tree of
 * alternating paths, keeping for every column the smallest reduced cost c(r, j) − u(r) − v(j) of reaching it; the
 * cheapest column is labelled, and the potentials are shifted by that amount so that reduced costs stay
 * non-negative and the labelled tree stays tight. When a free column is labelled, the matching is augmented along
 * the path back to row i. After all rows, the assignment is optimal (complementary slackness).
 *
 * <p>An instance holds work arrays sized for the largest problem seen; it is not thread-safe (use one per
 * thread).
 */
final class LinearAssignment {

    private double[] u = new double[0];
    private double[] v = new double[0];
    private double[] minReduced = new double[0];
    private int[] rowOfColumn = new int[0];
    private int[] previous = new int[0];
    private boolean[] labelled = new boolean[0];

    /**
     * The optimal assignment.
     *
     * @param cost row-major cost matrix, {@code cost[i * m + j]}; entries finite
     * @param n rows
     * @param m columns, at least n
     * @return column of each row
     */
    int[] solve(double[] cost, int n, int m) {
        if (n > m) {
            throw new IllegalArgumentException("more rows (" + n + ") than columns (" + m + ")");
        }
        ensure(n, m);
        // index 0 of the column arrays is a virtual column holding the row being inserted; rows are 1-based
        Arrays.fill(u, 0, n + 1, 0);
        Arrays.fill(v, 0, m + 1, 0);
        Arrays.fill(rowOfColumn, 0, m + 1, 0);
        for (int row = 1; row <= n; row++) {
            rowOfColumn[0] = row;
            int column = 0;
            Arrays.fill(minReduced, 0, m + 1, Double.POSITIVE_INFINITY);
            Arrays.fill(labelled, 0, m + 1, false);
            do {
                labelled[column] = true;
                int r = rowOfColumn[column];
                int base = (r - 1) * m;
                double delta = Double.POSITIVE_INFINITY;
                int next = -1;
                for (int j = 1; j <= m; j++) {
                    if (labelled[j]) {
                        continue;
                    }
                    double reduced = cost[base + j - 1] - u[r] - v[j];
                    if (reduced < minReduced[j]) {
                        minReduced[j] = reduced;
                        previous[j] = column;
                    }
                    if (minReduced[j] < delta) {
                        delta = minReduced[j];
                        next = j;
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (labelled[j]) {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minReduced[j] -= delta;
                    }
                }
                column = next;
            } while (rowOfColumn[column] != 0);
            do {
                int back = previous[column];
                rowOfColumn[column] = rowOfColumn[back];
                column = back;
            } while (column != 0);
        }
        int[] assignment = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOfColumn[j] != 0) {
                assignment[rowOfColumn[j] - 1] = j - 1;
            }
        }
        return assignment;
    }

    private void ensure(int n, int m) {
        if (u.length < n + 1) {
            u = new double[n + 1];
        }
        if (v.length < m + 1) {
            v = new double[m + 1];
            minReduced = new double[m + 1];
            rowOfColumn = new int[m + 1];
            previous = new int[m + 1];
            labelled = new boolean[m + 1];
        }
    }
}
