package org.pxrd.matching;

import java.util.Arrays;

/**
 * The earth mover's distance between two weighted point sets (Rubner, Tomasi &amp; Guibas 2000): the cheapest way to
 * move the weights of one set onto the other, EMD = min Σᵢⱼ f_ij c_ij / Σ f_ij over flows f ≥ 0 with row sums the
 * supplies and column sums the demands.
 *
 * <p>Solved exactly on integer weights as a min-cost flow by successive shortest paths: node potentials keep the
 * reduced costs c_ij + πᵢ − πⱼ non-negative, a Dijkstra search from every source with supply left finds the
 * cheapest augmenting path (forward along any source→sink edge, backward along edges that carry flow) to a sink
 * with demand left, and the largest amount that path allows is sent. Each augmentation empties a source, fills a
 * sink or empties a backward edge; the final flow is optimal (no negative cycle in the residual graph).
 */
public final class EarthMoversDistance {

    private EarthMoversDistance() {
    }

    /**
     * The minimal total cost Σ f_ij c_ij of moving the supplies onto the demands.
     *
     * @param supply non-negative amounts at the sources
     * @param demand non-negative amounts at the sinks, with the same total as the supplies
     * @param cost c_ij ≥ 0, finite, sources by sinks
     * @throws IllegalArgumentException when the totals differ or an amount or cost is invalid
     */
    public static double transport(long[] supply, long[] demand, double[][] cost) {
        int n1 = supply.length;
        int n2 = demand.length;
        long total = check(supply, "supply");
        if (total != check(demand, "demand")) {
            throw new IllegalArgumentException("supplies and demands have different totals");
        }
        for (double[] row : cost) {
            for (double c : row) {
                if (!(c >= 0) || !Double.isFinite(c)) {
                    throw new IllegalArgumentException("transport cost " + c + " must be finite and >= 0");
                }
            }
        }
        long[] left = supply.clone();
        long[] need = demand.clone();
        long[][] flow = new long[n1][n2];
        double[] potential = new double[n1 + n2];
        double[] dist = new double[n1 + n2];
        int[] previous = new int[n1 + n2];
        boolean[] done = new boolean[n1 + n2];
        long remaining = total;
        while (remaining > 0) {
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            Arrays.fill(previous, -1);
            Arrays.fill(done, false);
            for (int i = 0; i < n1; i++) {
                if (left[i] > 0) {
                    dist[i] = 0;
                }
            }
            while (true) {
                int u = -1;
                for (int v = 0; v < n1 + n2; v++) {
                    if (!done[v] && dist[v] < Double.POSITIVE_INFINITY && (u < 0 || dist[v] < dist[u])) {
                        u = v;
                    }
                }
                if (u < 0) {
                    break;
                }
                done[u] = true;
                if (u < n1) {
                    for (int j = 0; j < n2; j++) {
                        int v = n1 + j;
                        double reduced = Math.max(0, cost[u][j] + potential[u] - potential[v]);
                        if (!done[v] && dist[u] + reduced < dist[v]) {
                            dist[v] = dist[u] + reduced;
                            previous[v] = u;
                        }
                    }
                } else {
                    int j = u - n1;
                    for (int i = 0; i < n1; i++) {
                        if (flow[i][j] > 0 && !done[i]) {
                            double reduced = Math.max(0, -cost[i][j] + potential[u] - potential[i]);
                            if (dist[u] + reduced < dist[i]) {
                                dist[i] = dist[u] + reduced;
                                previous[i] = u;
                            }
                        }
                    }
                }
            }
            int sink = -1;
            for (int j = 0; j < n2; j++) {
                if (need[j] > 0 && dist[n1 + j] < Double.POSITIVE_INFINITY
                        && (sink < 0 || dist[n1 + j] < dist[n1 + sink])) {
                    sink = j;
                }
            }
            if (sink < 0) {
                throw new IllegalStateException("no augmenting path although " + remaining + " units remain");
            }
            double reach = dist[n1 + sink];
            for (int v = 0; v < n1 + n2; v++) {
                potential[v] += Math.min(dist[v], reach);
            }
            long amount = need[sink];
            int v = n1 + sink;
            while (previous[v] >= 0) {
                int u = previous[v];
                if (u >= n1) {
                    amount = Math.min(amount, flow[v][u - n1]);
                }
                v = u;
            }
            amount = Math.min(amount, left[v]);
            need[sink] -= amount;
            left[v] -= amount;
            v = n1 + sink;
            while (previous[v] >= 0) {
                int u = previous[v];
                if (u < n1) {
                    flow[u][v - n1] += amount;
                } else {
                    flow[v][u - n1] -= amount;
                }
                v = u;
            }
            remaining -= amount;
        }
        double sum = 0;
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                sum += flow[i][j] * cost[i][j];
            }
        }
        return sum;
    }

    private static long check(long[] amounts, String what) {
        long total = 0;
        for (long a : amounts) {
            if (a < 0) {
                throw new IllegalArgumentException(what + " " + a + " must be >= 0");
            }
            total += a;
        }
        return total;
    }
}
