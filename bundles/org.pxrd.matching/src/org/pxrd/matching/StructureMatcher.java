package org.pxrd.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pxrd.core.extensions.Settings;
import org.pxrd.model.IntMatrix3;
import org.pxrd.model.InvalidModelException;
import org.pxrd.model.Lattice;
import org.pxrd.model.LllReduction;
import org.pxrd.model.Matrix3;
import org.pxrd.model.Structure;

/**
 * Decides whether two crystal structures are the same crystal, following the documented algorithm of pymatgen's
 * {@code StructureMatcher} (Ong et al., Comput. Mater. Sci. 68 (2013) 314; pymatgen 2022.11.7 semantics), and
 * measures how far apart their sites are.
 *
 * <p>Algorithm for structures A and B with options {@link MatchOptions} (ltol, stol, angle_tol, ...):
 * <ol>
 * <li>Without {@code allow_subset}, the reduced formulas must be equal.</li>
 * <li>Both cells are Niggli reduced ({@link org.pxrd.model.NiggliReduction}); with {@code primitive_cell} they are
 * replaced by their primitive cells ({@link PrimitiveCellFinder}, tolerance 0.25 Å, Niggli reduced).</li>
 * <li>With {@code attempt_supercell}, the supercell factor f is the ratio of the numbers of sites (rounded; the
 * smaller structure is the one expanded). With {@code scale}, both lattices are scaled to their geometric-mean
 * volume: A by r = (V_B/(V_A·f_A))^(1/6), B by 1/r.</li>
 * <li>The structure with more sites is S1, the other S2. S1 must have a species-preserving injection from S2
 * (a bijection without {@code allow_subset}).</li>
 * <li>Lattice correspondences: every basis of the (super)lattice of the expanded structure whose lengths and angles
 * match the other lattice within ltol and angle_tol ({@link LatticeMappings}). For each, S1's sites are expressed
 * in that basis, and distances are measured in the lattice with the mean parameters of the two cells; the
 * normalisation length is (V/n)^(1/3) with that lattice's volume V and n sites of S1.</li>
 * <li>Translations: the S2 site of the rarest species (first such) is put exactly onto each S1 site of its
 * species. A translation is kept when every S2 site then has a same-species S1 site within
 * stol·(V/n)^(1/3)·2|b*ᵢ| along each fractional axis i (b* reciprocal vectors, crystallographic).</li>
 * <li>For a kept translation: shortest periodic vectors between all same-species pairs (minimum image in the
 * LLL-reduced mean lattice, pairs beyond the same fractional window in that basis excluded), an optimal
 * assignment minimising the sum of squared distances ({@link LinearAssignment}), then the mean of the assigned
 * vectors is removed (the best common translation); the normalised distances follow.</li>
 * <li>Verdict: some correspondence has all normalised distances below stol. Reported rms: the smallest rms over all
 * correspondences when below stol, with its largest distance and its mapping.</li>
 * </ol>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class StructureMatcher implements CrystalMatcher {

    /** Distance given to excluded pairs (other species, outside the fractional window), as pymatgen. */
    private static final double EXCLUDED = 1e20;
    /** A correspondence this close is exact (up to rounding): the search ends there, as in pymatgen. */
    static final double EXACT_RMS = 1e-5;
    /** Fractional slack when listing the lattice points inside a supercell (rounding of S⁻¹). */
    private static final double LATTICE_POINT_SLACK = 1e-10;

    private static final double[][] IMAGES = new double[27][];

    static {
        int n = 0;
        for (int i = -1; i <= 1; i++) {
            for (int j = -1; j <= 1; j++) {
                for (int k = -1; k <= 1; k++) {
                    IMAGES[n++] = new double[] {i, j, k};
                }
            }
        }
    }

    private final MatchOptions options;

    /** A matcher with the study's tolerances ({@link MatchOptions#STUDY}). */
    public StructureMatcher() {
        this(MatchOptions.STUDY);
    }

    public StructureMatcher(MatchOptions options) {
        this.options = options;
    }

    /**
     * A matcher from the settings of its contribution: {@code ltol}, {@code stol}, {@code angle_tol},
     * {@code primitive_cell}, {@code scale}, {@code attempt_supercell}, {@code allow_subset}.
     */
    public StructureMatcher(Settings settings) {
        this(new MatchOptions(settings.getDouble("ltol"), settings.getDouble("stol"), settings.getDouble("angle_tol"),
                settings.getBoolean("primitive_cell"), settings.getBoolean("scale"),
                settings.getBoolean("attempt_supercell"), settings.getBoolean("allow_subset")));
    }

    public MatchOptions options() {
        return options;
    }

    @Override
    public Map<String, Object> settings() {
        return options.asMap();
    }

    /** The verdict, rms and max distance, with the tolerances; distance = rms (normalised, NaN without match). */
    @Override
    public Comparison compare(Structure a, Structure b) {
        MatchResult r = match(a, b);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rms", r.match() ? r.rms() : null);
        details.put("max_dist", r.match() ? r.maxDistance() : null);
        return new Comparison(r.match(), r.rms(), "rms", details, options.asMap());
    }

    /** Whether the structures match (pymatgen's {@code fit}); stops at the first correspondence within stol. */
    public boolean fit(Structure a, Structure b) {
        return run(a, b, true).match();
    }

    /** The verdict, the smallest rms distance and its mapping (pymatgen's {@code fit} and {@code get_rms_dist}). */
    public MatchResult match(Structure a, Structure b) {
        return run(a, b, false);
    }

    private MatchResult run(Structure a, Structure b, boolean verdictOnly) {
        SpeciesTable table = new SpeciesTable();
        Cell cellA = Cell.of(a, table);
        Cell cellB = Cell.of(b, table);
        if (!options.allowSubset() && !a.reducedFormula().equals(b.reducedFormula())) {
            return new MatchResult(false, Double.NaN, Double.NaN, List.of(), 1, a, b, options);
        }
        cellA = cellA.niggliReduced();
        cellB = cellB.niggliReduced();
        if (options.primitiveCell()) {
            cellA = PrimitiveCellFinder.find(cellA, PrimitiveCellFinder.DEFAULT_TOLERANCE, table);
            cellB = PrimitiveCellFinder.find(cellB, PrimitiveCellFinder.DEFAULT_TOLERANCE, table);
        }
        Structure reducedA = cellA.toStructure(a.name(), table);
        Structure reducedB = cellB.toStructure(b.name(), table);
        int fu = 1;
        boolean aIsSupercell = true;
        if (options.attemptSupercell()) {
            double ratio = (double) cellB.size() / cellA.size();
            if (ratio < 2.0 / 3) {
                fu = (int) Math.rint(1 / ratio);
                aIsSupercell = false;
            } else {
                fu = (int) Math.rint(ratio);
            }
        }
        if (options.scale()) {
            double multiple = aIsSupercell ? fu : 1.0 / fu;
            double r = Math.pow(cellB.lattice.volume() / (cellA.lattice.volume() * multiple), 1.0 / 6);
            cellA = cellA.scaled(r);
            cellB = cellB.scaled(1 / r);
        }
        double sizeRatio = aIsSupercell ? fu : 1.0 / fu;
        Best best;
        boolean aIsFirst = cellA.size() * sizeRatio >= cellB.size();
        if (aIsFirst) {
            best = strictMatch(cellA, cellB, fu, aIsSupercell, verdictOnly);
        } else {
            best = strictMatch(cellB, cellA, fu, !aIsSupercell, verdictOnly);
        }
        if (best == null || !best.verdict) {
            return new MatchResult(false, Double.NaN, Double.NaN, List.of(), fu, reducedA, reducedB, options);
        }
        List<MatchResult.SitePair> pairs = new ArrayList<>();
        for (int q = 0; q < best.assignment.length; q++) {
            int s1Site = best.assignment[q] / best.s1Images;
            int s2Site = q / best.s2Images;
            pairs.add(aIsFirst ? new MatchResult.SitePair(s1Site, s2Site, best.distances[q])
                    : new MatchResult.SitePair(s2Site, s1Site, best.distances[q]));
        }
        double rms = best.rms < options.stol() ? best.rms : Double.NaN;
        return new MatchResult(true, rms, Double.isNaN(rms) ? Double.NaN : best.max, pairs, fu, reducedA, reducedB,
                options);
    }

    /** The best correspondence found: the verdict over all, and the one of smallest rms. */
    private static final class Best {
        boolean verdict;
        double rms = Double.POSITIVE_INFINITY;
        double max;
        double[] distances;
        int[] assignment;
        int s1Images;
        int s2Images;
    }

    /**
     * Matches S2 onto S1 (S1 has at least as many sites after expansion). {@code s1Supercell}: whether the supercell
     * expansion (factor fu) applies to S1 (else to S2).
     */
    private Best strictMatch(Cell s1, Cell s2, int fu, boolean s1Supercell, boolean verdictOnly) {
        int s1Images = s1Supercell ? fu : 1;
        int s2Images = s1Supercell ? 1 : fu;
        int nP = s1.size() * s1Images;
        int nQ = s2.size() * s2Images;
        if (nQ > nP || (!options.allowSubset() && nQ != nP)) {
            return null;
        }
        int[] pSpecies = new int[nP];
        int[] qSpecies = new int[nQ];
        for (int p = 0; p < nP; p++) {
            pSpecies[p] = s1.species[p / s1Images];
        }
        for (int q = 0; q < nQ; q++) {
            qSpecies[q] = s2.species[q / s2Images];
        }
        if (!injectionExists(pSpecies, qSpecies)) {
            return null;
        }
        boolean[] allowed = new boolean[nQ * nP];
        int anchor = 0;
        int mostExcluded = -1;
        for (int q = 0; q < nQ; q++) {
            int excluded = 0;
            for (int p = 0; p < nP; p++) {
                allowed[q * nP + p] = pSpecies[p] == qSpecies[q];
                if (!allowed[q * nP + p]) {
                    excluded++;
                }
            }
            if (excluded > mostExcluded) {
                mostExcluded = excluded;
                anchor = q;
            }
        }
        int[] translationSites = translationSites(allowed, anchor, nP, s1Images);

        Cell expanded = s1Supercell ? s1 : s2;
        Cell target = s1Supercell ? s2 : s1;
        Search search = new Search(nP, nQ, allowed, options.stol(), verdictOnly);
        search.best.s1Images = s1Images;
        search.best.s2Images = s2Images;
        for (int[][] sc : LatticeMappings.find(expanded.lattice, target.lattice, options.ltol(), options.angleTol(),
                fu)) {
            Lattice aligned = Lattice.fromMatrix(IntMatrix3.multiply(sc, expanded.lattice.matrix()));
            double[][] expandedFrac = expand(expanded.frac, sc, fu);
            Lattice mean;
            try {
                mean = meanLattice(aligned, target.lattice);
            } catch (InvalidModelException e) {
                continue;
            }
            double[][] pFrac = s1Supercell ? expandedFrac : target.frac;
            double[][] qFrac = s1Supercell ? target.frac : expandedFrac;
            if (search.tryLattice(mean, pFrac, qFrac, anchor, translationSites)) {
                break;
            }
        }
        return search.best;
    }

    /** The S1 sites the anchor may sit on: its species, first copy of each site in a supercell. */
    private static int[] translationSites(boolean[] allowed, int anchor, int nP, int s1Images) {
        int[] sites = new int[nP];
        int n = 0;
        for (int p = 0; p < nP; p += s1Images) {
            if (allowed[anchor * nP + p]) {
                sites[n++] = p;
            }
        }
        return Arrays.copyOf(sites, n);
    }

    /** Whether every species of Q can be given its own site of P (counts per species). */
    private static boolean injectionExists(int[] pSpecies, int[] qSpecies) {
        int max = 0;
        for (int s : pSpecies) {
            max = Math.max(max, s);
        }
        for (int s : qSpecies) {
            max = Math.max(max, s);
        }
        int[] count = new int[max + 1];
        for (int s : pSpecies) {
            count[s]++;
        }
        for (int s : qSpecies) {
            if (--count[s] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The lattice with the mean of the parameters (a, b, c, α, β, γ) of two lattices. */
    private static Lattice meanLattice(Lattice l1, Lattice l2) {
        double[] p = l1.parameters();
        double[] q = l2.parameters();
        double[] m = new double[6];
        for (int i = 0; i < 6; i++) {
            m[i] = (p[i] + q[i]) / 2;
        }
        return Lattice.fromParameters(m);
    }

    /**
     * Fractional coordinates of sites (in a cell L) in the supercell with rows S·L, each site followed by its
     * det S − 1 translated copies, wrapped to [0, 1).
     */
    private static double[][] expand(double[][] frac, int[][] sc, int fu) {
        double[][] inverse = Matrix3.inverse(IntMatrix3.toDouble(sc));
        List<double[]> points = latticePoints(sc, inverse);
        if (points.size() != fu) {
            throw new IllegalStateException("supercell " + Arrays.deepToString(sc) + " holds " + points.size()
                    + " lattice points, expected " + fu);
        }
        double[][] out = new double[frac.length * fu][];
        for (int i = 0; i < frac.length; i++) {
            double[] f = Matrix3.multiply(frac[i], inverse);
            for (int k = 0; k < fu; k++) {
                double[] t = points.get(k);
                out[i * fu + k] = Cell.wrap(new double[] {f[0] + t[0], f[1] + t[1], f[2] + t[2]});
            }
        }
        return out;
    }

    /** The lattice points of L inside the supercell S·L, in the supercell's fractional coordinates. */
    private static List<double[]> latticePoints(int[][] sc, double[][] inverse) {
        int[] min = new int[3];
        int[] max = new int[3];
        for (int corner = 0; corner < 8; corner++) {
            for (int c = 0; c < 3; c++) {
                int v = 0;
                for (int r = 0; r < 3; r++) {
                    v += ((corner >> (2 - r)) & 1) * sc[r][c];
                }
                min[c] = Math.min(min[c], v);
                max[c] = Math.max(max[c], v);
            }
        }
        List<double[]> points = new ArrayList<>();
        for (int i = min[0]; i <= max[0]; i++) {
            for (int j = min[1]; j <= max[1]; j++) {
                for (int k = min[2]; k <= max[2]; k++) {
                    double[] f = Matrix3.multiply(new double[] {i, j, k}, inverse);
                    if (f[0] >= -LATTICE_POINT_SLACK && f[0] < 1 - LATTICE_POINT_SLACK
                            && f[1] >= -LATTICE_POINT_SLACK && f[1] < 1 - LATTICE_POINT_SLACK
                            && f[2] >= -LATTICE_POINT_SLACK && f[2] < 1 - LATTICE_POINT_SLACK) {
                        points.add(f);
                    }
                }
            }
        }
        return points;
    }

    /** The translation and assignment search within lattice correspondences, with its work arrays. */
    private static final class Search {
        final int nP;
        final int nQ;
        final boolean[] allowed;
        final double stol;
        final boolean verdictOnly;
        final Best best = new Best();
        final LinearAssignment assignment = new LinearAssignment();
        final double[] cost;
        final double[][] vectors;
        final double[][] qShifted;
        final double[][] pLll;
        final double[][] qLll;
        final double[][] pCart;
        final double[][] qCart;
        final double[][] images = new double[27][];
        final double[] dist;

        Search(int nP, int nQ, boolean[] allowed, double stol, boolean verdictOnly) {
            this.nP = nP;
            this.nQ = nQ;
            this.allowed = allowed;
            this.stol = stol;
            this.verdictOnly = verdictOnly;
            this.cost = new double[nQ * nP];
            this.vectors = new double[nQ * nP][3];
            this.qShifted = new double[nQ][3];
            this.pLll = new double[nP][3];
            this.qLll = new double[nQ][3];
            this.pCart = new double[nP][];
            this.qCart = new double[nQ][];
            this.dist = new double[nQ];
        }

        /** Tries every translation in one lattice correspondence; true when the search can stop. */
        boolean tryLattice(Lattice mean, double[][] pFrac, double[][] qFrac, int anchor, int[] translationSites) {
            double normalization = Math.cbrt(nP / mean.volume());
            double[] fracTol = windows(mean, normalization);
            double[][] lllMatrix = null;
            double[][] lllInverse = null;
            double[] lllTol = null;
            for (int p0 : translationSites) {
                double[] t = {pFrac[p0][0] - qFrac[anchor][0], pFrac[p0][1] - qFrac[anchor][1],
                        pFrac[p0][2] - qFrac[anchor][2]};
                for (int q = 0; q < nQ; q++) {
                    for (int k = 0; k < 3; k++) {
                        qShifted[q][k] = qFrac[q][k] + t[k];
                    }
                }
                if (!everySiteHasPartner(pFrac, fracTol)) {
                    continue;
                }
                if (lllMatrix == null) {
                    LllReduction.Result lll = LllReduction.reduce(mean.matrix(), LllReduction.DEFAULT_DELTA);
                    lllMatrix = lll.matrix();
                    lllInverse = IntMatrix3.toDouble(IntMatrix3.inverseUnimodular(lll.transformation()));
                    lllTol = windows(Lattice.fromMatrix(lllMatrix), normalization);
                    for (int p = 0; p < nP; p++) {
                        toLll(pFrac[p], lllInverse, pLll[p]);
                        pCart[p] = Matrix3.multiply(pLll[p], lllMatrix);
                    }
                    for (int i = 0; i < 27; i++) {
                        images[i] = Matrix3.multiply(IMAGES[i], lllMatrix);
                    }
                }
                for (int q = 0; q < nQ; q++) {
                    toLll(qShifted[q], lllInverse, qLll[q]);
                    qCart[q] = Matrix3.multiply(qLll[q], lllMatrix);
                }
                if (evaluate(lllTol, normalization)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The fractional window along each axis: stol·(V/n)^(1/3)·2|b*ᵢ|, i.e. pymatgen's |b*ᵢ|(2π)·stol/(π·norm)
         * with norm = (n/V)^(1/3).
         */
        private static double[] windows(Lattice lattice, double normalization) {
            double[][] recip = Matrix3.transpose(Matrix3.inverse(lattice.matrix()));
            double[] w = new double[3];
            for (int i = 0; i < 3; i++) {
                w[i] = 2 * Matrix3.norm(recip[i]) / normalization;
            }
            return w;
        }

        private double[] scaled(double[] w) {
            return new double[] {w[0] * stol, w[1] * stol, w[2] * stol};
        }

        /** Whether each shifted Q site has an allowed P site within the window along every axis. */
        private boolean everySiteHasPartner(double[][] pFrac, double[] window) {
            double t0 = window[0] * stol;
            double t1 = window[1] * stol;
            double t2 = window[2] * stol;
            for (int q = 0; q < nQ; q++) {
                double[] f = qShifted[q];
                boolean found = false;
                for (int p = 0; p < nP && !found; p++) {
                    if (!allowed[q * nP + p]) {
                        continue;
                    }
                    double[] g = pFrac[p];
                    found = Math.abs(Cell.periodic(f[0] - g[0])) <= t0 && Math.abs(Cell.periodic(f[1] - g[1])) <= t1
                            && Math.abs(Cell.periodic(f[2] - g[2])) <= t2;
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }

        private static void toLll(double[] f, double[][] inverse, double[] out) {
            for (int c = 0; c < 3; c++) {
                double x = f[0] * inverse[0][c] + f[1] * inverse[1][c] + f[2] * inverse[2][c];
                out[c] = x - Math.floor(x);
            }
        }

        /** Distances for the current translation; updates the best; true when the search can stop. */
        private boolean evaluate(double[] lllWindow, double normalization) {
            double[] tol = scaled(lllWindow);
            for (int q = 0; q < nQ; q++) {
                double[] fq = qLll[q];
                double[] cq = qCart[q];
                for (int p = 0; p < nP; p++) {
                    int idx = q * nP + p;
                    double[] fp = pLll[p];
                    if (!allowed[idx] || Math.abs(Cell.periodic(fq[0] - fp[0])) > tol[0]
                            || Math.abs(Cell.periodic(fq[1] - fp[1])) > tol[1]
                            || Math.abs(Cell.periodic(fq[2] - fp[2])) > tol[2]) {
                        cost[idx] = EXCLUDED;
                        continue;
                    }
                    double[] cp = pCart[p];
                    double dx = cp[0] - cq[0];
                    double dy = cp[1] - cq[1];
                    double dz = cp[2] - cq[2];
                    double bestD = Double.POSITIVE_INFINITY;
                    int bestImage = 0;
                    for (int i = 0; i < 27; i++) {
                        double[] im = images[i];
                        double x = dx + im[0];
                        double y = dy + im[1];
                        double z = dz + im[2];
                        double d = x * x + y * y + z * z;
                        if (d < bestD) {
                            bestD = d;
                            bestImage = i;
                        }
                    }
                    cost[idx] = bestD;
                    double[] vec = vectors[idx];
                    vec[0] = dx + images[bestImage][0];
                    vec[1] = dy + images[bestImage][1];
                    vec[2] = dz + images[bestImage][2];
                }
            }
            int[] solution = assignment.solve(cost, nQ, nP);
            double mx = 0;
            double my = 0;
            double mz = 0;
            for (int q = 0; q < nQ; q++) {
                int idx = q * nP + solution[q];
                if (cost[idx] >= EXCLUDED) {
                    return false;
                }
                mx += vectors[idx][0];
                my += vectors[idx][1];
                mz += vectors[idx][2];
            }
            mx /= nQ;
            my /= nQ;
            mz /= nQ;
            double max = 0;
            double sum2 = 0;
            for (int q = 0; q < nQ; q++) {
                double[] v = vectors[q * nP + solution[q]];
                double x = v[0] - mx;
                double y = v[1] - my;
                double z = v[2] - mz;
                double d2 = x * x + y * y + z * z;
                dist[q] = Math.sqrt(d2) * normalization;
                sum2 += dist[q] * dist[q];
                max = Math.max(max, dist[q]);
            }
            double rms = Math.sqrt(sum2 / nQ);
            if (max < stol) {
                best.verdict = true;
            }
            if (rms < best.rms) {
                best.rms = rms;
                best.max = max;
                best.distances = dist.clone();
                best.assignment = solution.clone();
            }
            return best.verdict && (verdictOnly || rms < EXACT_RMS);
        }
    }
}
