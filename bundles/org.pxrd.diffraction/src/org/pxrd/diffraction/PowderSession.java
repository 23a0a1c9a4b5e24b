package org.pxrd.diffraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pxrd.diffraction.ScatteringFactorTable.AtomicScatteringFactor;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Pattern;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;

/**
 * The built-in {@link XrdSession}: forward model and hand-written adjoint of {@link XrdPhysics}.
 *
 * <h2>Forward pass (after a parameter change)</h2>
 * <ol>
 * <li>Lattice: G* and ∂(G*)/∂(a, b, c, α, β, γ) ({@link MetricTensors}).</li>
 * <li>Reflections: candidate Miller indices, one of each Friedel pair, are enumerated once within a sphere of radius
 * (1 + {@value #CANDIDATE_MARGIN})·g_max; they stay valid while ‖G*_new − G*_enumerated‖_F ≤ λ_min(G*_enumerated)·(1 −
 * 1/(1 + m)²), which guarantees that no reflection outside the sphere can enter the range (otherwise they are
 * enumerated again). Each step keeps those with 0 &lt; Q ≤ g_max².</li>
 * <li>Scattering: per atom type (element, B), f(s²)·exp(−B s²) and its derivative for all reflections at once.</li>
 * <li>Structure factors: exp(2πi g·x_j) = e_x^h e_y^k e_z^l from per-site tables of the powers of exp(2πi x), built
 * by complex multiplication (no sine or cosine per reflection); F = Σ_t c_t(Q) Σ_{j∈t} occ_j exp(2πi g·x_j).</li>
 * <li>Peaks: each reflection and wavelength line gives a peak at c = 2θ + Z + Δ_s(θ) (zero shift, sample
 * displacement) with width H(θ) and intensity w_line·2|F|²·LP (2 for the Friedel pair); peaks are sorted by position
 * and those at the same position (within {@value #COINCIDENCE_DEG}°, i.e. symmetry-equivalent reflections) share one
 * profile evaluation. A position whose summed intensity is at most {@value #EXTINCT_RELATIVE} of the strongest peak's
 * (a systematic or site extinction: |F|² is then rounding noise, e.g. the half of all reflections a centred cell
 * extinguishes) is not rendered: its share of the pattern is below that fraction, and its share of the gradient,
 * ∝ |F| through ∂|F|²/∂x = 2 Re(F* ∂F/∂x) and ∝ |F|² through the lattice, below 1e-10 of the strongest.</li>
 * <li>Profile: {@link ProfileRenderer}; then the optional division by the maximum and the scale factor k.</li>
 * </ol>
 * <h2>Adjoint</h2>
 * The chain is taken backwards by hand: scale factor and pattern scaling (dL/dk = Σ_j dL/dy_j · P_j/m, m the
 * divisor) → per-peak ⟨dL/dy, ∂profile⟩ ({@link ProfileRenderer#adjoint}) → dL/d(intensity, centre, FWHM) per peak →
 * dL/dZ = Σ dL/dc, dL/ds = Σ dL/dc · ∂Δ_s/∂s, dL/dr = Σ over Kα2 peaks of dL/dI · 2|F|²·LP, dL/d(U, V, W) through
 * H → dL/d|F|² and dL/dQ per reflection (through LP(θ), c(θ), H(θ) and f(s²)) → dL/dx_j = Σ_r dL/d|F_r|² · 4π occ_j
 * c_t (B_r cos φ_rj − A_r sin φ_rj)·(h, k, l) (F = A + iB) and dL/dG*_u = Σ_r dL/dQ_r ∂Q_r/∂g*_u →
 * dL/d(a, b, c, α, β, γ).
 */
final class PowderSession implements XrdSession {

    /** Relative margin of the candidate sphere over the reflection sphere. */
    static final double CANDIDATE_MARGIN = 0.2;
    /** Peaks closer than this (degrees) share one profile: it is far below rounding of symmetry-equivalent |g|. */
    static final double COINCIDENCE_DEG = 1e-10;
    /** Peaks with at most this fraction of the strongest peak's intensity are extinct: not rendered. */
    static final double EXTINCT_RELATIVE = 1e-20;
    /**
     * The profile plan ({@link ProfileRenderer}) is made for FWHM from the current smallest divided by this factor to
     * the current largest times it, and made again only when {@link #setProfile} takes the peaks outside that range.
     */
    static final double FWHM_HEADROOM = 1.1;

    /** What sessions of one structure share: immutable. */
    private record Prepared(Structure structure, int sites, int types, int[] siteType, double[] occupancy,
            AtomicScatteringFactor[] typeFactor, double[] typeB) {
    }

    private final Prepared prepared;
    private InstrumentSettings instrument;
    private final double[] parameters = new double[6];
    private final double[] frac;

    private boolean latticeChanged = true;
    private boolean coordinatesChanged = true;
    private boolean forwardValid;

    private final double[] gstar = new double[6];
    private final double[] dgstar = new double[36];
    private final double qMax;

    // candidates (one per Friedel pair)
    private int candidates;
    private int[] ch = new int[0];
    private int[] ck = new int[0];
    private int[] cl = new int[0];
    private int maxH;
    private int maxK;
    private int maxL;
    private final double[] enumeratedGstar = new double[6];
    private double candidateTolerance = -1;

    // active reflections
    private int active;
    private int[] act = new int[0];
    private double[] q = new double[0];
    private double[] s2 = new double[0];
    private double[] scratchF = new double[0];
    private double[] scratchDf = new double[0];
    private double[] typeC = new double[0];
    private double[] typeDc = new double[0];
    private double[] fRe = new double[0];
    private double[] fIm = new double[0];
    private double[] i0 = new double[0];
    private double[] di0dq = new double[0];
    private double[] phaseCos = new double[0];
    private double[] phaseSin = new double[0];
    /** Σ over the sites j of type t of occ_j exp(2πi h·x_j), index r·types + t: depends on coordinates and hkl only. */
    private double[] typeSumRe = new double[0];
    private double[] typeSumIm = new double[0];
    /** Whether phaseCos/Sin and typeSumRe/Im hold the current coordinates and active reflections. */
    private boolean phasesValid;
    private double[] dI0 = new double[0];
    private double[] dQ = new double[0];

    // phase tables, index (m + max)·sites + j
    private double[] txc = new double[0];
    private double[] txs = new double[0];
    private double[] tyc = new double[0];
    private double[] tys = new double[0];
    private double[] tzc = new double[0];
    private double[] tzs = new double[0];

    // peaks (reflection × line)
    private int peaks;
    private int[] peakRef = new int[0];
    private int[] peakLine = new int[0];
    private double[] peakSin = new double[0];
    private double[] peakTan = new double[0];
    private double[] peakCentre = new double[0];
    private double[] peakFwhm = new double[0];
    private double[] peakLp = new double[0];
    private double[] peakIntensity = new double[0];
    private int[] order = new int[0];
    private int[] sortScratch = new int[0];
    private long peakKey = -1;

    // profile groups
    private int groups;
    private int[] groupStart = new int[0];
    private int[] groupEnd = new int[0];
    private double[] groupCentre = new double[0];
    private double[] groupFwhm = new double[0];
    private double[] groupIntensity = new double[0];
    private double[] groupValue = new double[0];
    private double[] groupDc = new double[0];
    private double[] groupDh = new double[0];
    private double[] groupDe = new double[0];

    private ProfileRenderer renderer;
    private final double[] raw;
    private final double[] rawAdjoint;
    private double divisor = 1;
    private boolean scaled;
    private int argMax;
    private final double[] dGstar = new double[6];

    private PowderSession(Prepared prepared, InstrumentSettings instrument) {
        this.prepared = prepared;
        this.instrument = instrument;
        this.frac = new double[3 * prepared.sites];
        this.qMax = XrdPhysics.maxQ(instrument.grid().max(), instrument.radiation().shortestWavelength());
        this.raw = new double[instrument.grid().bins()];
        this.rawAdjoint = new double[instrument.grid().bins()];
        this.renderer = planRenderer(instrument.profile());
    }

    /**
     * A session for a structure.
     *
     * @throws IllegalArgumentException when an element has no scattering factor in the table
     */
    static PowderSession open(Structure structure, InstrumentSettings instrument, ScatteringFactorTable table) {
        int n = structure.size();
        int[] siteType = new int[n];
        double[] occupancy = new double[n];
        Map<String, Integer> typeIndex = new HashMap<>();
        List<AtomicScatteringFactor> factors = new ArrayList<>();
        List<Double> bs = new ArrayList<>();
        Map<Element, AtomicScatteringFactor> byElement = new HashMap<>();
        for (int j = 0; j < n; j++) {
            Site site = structure.site(j);
            double b = site.hasDisplacement() ? site.bIso() : 0;
            String key = site.element().symbol() + "|" + b;
            Integer t = typeIndex.get(key);
            if (t == null) {
                AtomicScatteringFactor f = byElement.get(site.element());
                if (f == null) {
                    f = table.factor(site.element());
                    byElement.put(site.element(), f);
                }
                t = factors.size();
                typeIndex.put(key, t);
                factors.add(f);
                bs.add(b);
            }
            siteType[j] = t;
            occupancy[j] = site.occupancy();
        }
        double[] typeB = new double[bs.size()];
        for (int t = 0; t < typeB.length; t++) {
            typeB[t] = bs.get(t);
        }
        Prepared prepared = new Prepared(structure, n, factors.size(), siteType, occupancy,
                factors.toArray(new AtomicScatteringFactor[0]), typeB);
        PowderSession session = new PowderSession(prepared, instrument);
        session.setLatticeParameters(structure.lattice().parameters());
        double[] x = new double[3 * n];
        for (int j = 0; j < n; j++) {
            for (int a = 0; a < 3; a++) {
                x[3 * j + a] = structure.site(j).frac(a);
            }
        }
        session.setFractionalCoordinates(x);
        return session;
    }

    @Override
    public XrdSession copy() {
        PowderSession c = new PowderSession(prepared, instrument);
        c.setLatticeParameters(parameters);
        c.setFractionalCoordinates(frac);
        return c;
    }

    @Override
    public InstrumentSettings instrument() {
        return instrument;
    }

    @Override
    public int siteCount() {
        return prepared.sites;
    }

    @Override
    public int patternSize() {
        return raw.length;
    }

    @Override
    public Structure structure() {
        Structure s = prepared.structure.withLattice(Lattice.fromParameters(parameters));
        double[][] x = new double[prepared.sites][3];
        for (int j = 0; j < prepared.sites; j++) {
            for (int a = 0; a < 3; a++) {
                x[j][a] = frac[3 * j + a];
            }
        }
        return s.withFracCoords(x);
    }

    @Override
    public void setLatticeParameters(double[] p) {
        MetricTensors.reciprocal(p, gstar, dgstar);
        System.arraycopy(p, 0, parameters, 0, 6);
        latticeChanged = true;
        forwardValid = false;
    }

    @Override
    public void setFractionalCoordinates(double[] x) {
        if (x.length != frac.length) {
            throw new IllegalArgumentException("expected " + frac.length + " fractional coordinates (3 per site), got "
                    + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("fractional coordinate " + "xyz".charAt(i % 3) + " of site "
                        + (i / 3 + 1) + " is " + x[i]);
            }
        }
        System.arraycopy(x, 0, frac, 0, x.length);
        coordinatesChanged = true;
        forwardValid = false;
    }

    @Override
    public void setProfile(ProfileParameters profile) {
        InstrumentSettings updated = instrument.withProfile(profile);
        replanIfOutside(profile);
        instrument = updated;
        forwardValid = false;
    }

    @Override
    public void setInstrument(InstrumentSettings updated) {
        if (!instrument.sameFixedParts(updated)) {
            throw new IllegalArgumentException("an open session refines only scale, zero shift, sample displacement, "
                    + "U, V, W, eta and the Kα2 ratio; for another grid, wavelength, goniometer radius, normalisation, "
                    + "scaling or tail mode open a new session");
        }
        boolean onlyScale = updated.withScale(instrument.scale()).equals(instrument);
        if (!onlyScale) {
            replanIfOutside(updated.profile());
            forwardValid = false;
        }
        instrument = updated;
    }

    /** A new profile plan when the peaks of {@code profile} are wider or narrower than the current plan serves. */
    private void replanIfOutside(ProfileParameters profile) {
        double[] range = fwhmRange(profile);
        if (range[1] > renderer.fwhmMax() || range[0] < renderer.fwhmMin()) {
            renderer = planRenderer(profile);
        }
    }

    private ProfileRenderer planRenderer(ProfileParameters profile) {
        double[] range = fwhmRange(profile);
        return new ProfileRenderer(instrument.grid(), instrument.tails(), range[0] / FWHM_HEADROOM,
                FWHM_HEADROOM * range[1]);
    }

    /** The smallest and largest FWHM (degrees) of {@code profile} over the grid. */
    private double[] fwhmRange(ProfileParameters profile) {
        double[] squared = profile.fwhmSquaredRange(Math.toRadians(instrument.grid().max() / 2));
        return new double[] {Math.sqrt(Math.max(0, squared[0])), Math.sqrt(squared[1])};
    }

    @Override
    public int reflectionCount() {
        ensureForward();
        return 2 * active;
    }

    @Override
    public int profilePeakCount() {
        ensureForward();
        return groups;
    }

    // ------------------------------------------------------------------ forward

    @Override
    public void computePattern(double[] out) {
        ensureForward();
        double factor = instrument.scale() / divisor;
        for (int j = 0; j < raw.length; j++) {
            out[j] = raw[j] * factor;
        }
    }

    private void ensureForward() {
        if (forwardValid) {
            return;
        }
        boolean reflectionsChanged = latticeChanged;
        if (latticeChanged) {
            updateReflections();
        }
        if (coordinatesChanged || !phasesValid) {
            if (coordinatesChanged || tablesTooSmall()) {
                buildPhaseTables();
            }
            sumPhasesByType();
            phasesValid = true;
        }
        if (coordinatesChanged || reflectionsChanged) {
            structureFactors();
        }
        buildPeaks();
        groupPeaks();
        renderer.render(groups, groupCentre, groupFwhm, groupIntensity, instrument.profile().eta(),
                instrument.normalisation(), raw);
        divisor = 1;
        argMax = 0;
        scaled = false;
        if (instrument.scaling() == PatternScaling.MAX_ONE) {
            for (int j = 1; j < raw.length; j++) {
                if (raw[j] > raw[argMax]) {
                    argMax = j;
                }
            }
            scaled = raw[argMax] > 0;
            divisor = scaled ? raw[argMax] : 1;
        }
        latticeChanged = false;
        coordinatesChanged = false;
        forwardValid = true;
    }

    /** Keeps the candidates with 0 &lt; Q ≤ Q_max; re-enumerates candidates when the lattice moved too far. */
    private void updateReflections() {
        if (!candidatesValid()) {
            enumerateCandidates();
        }
        int n = 0;
        boolean same = true;
        for (int c = 0; c < candidates; c++) {
            int h = ch[c];
            int k = ck[c];
            int l = cl[c];
            double qc = MetricTensors.q(gstar, h, k, l);
            if (qc <= qMax && qc > 0) {
                same &= n < active && act[n] == c;
                act[n] = c;
                q[n] = qc;
                s2[n] = qc / 4;
                n++;
            }
        }
        phasesValid &= same && n == active;
        active = n;
        int types = prepared.types;
        for (int t = 0; t < types; t++) {
            prepared.typeFactor[t].evaluate(s2, n, scratchF, scratchDf);
            double b = prepared.typeB[t];
            int base = t * act.length;
            for (int r = 0; r < n; r++) {
                double dw = b == 0 ? 1 : XrdPhysics.debyeWaller(b, s2[r]);
                typeC[base + r] = scratchF[r] * dw;
                // c = f·DW(s²) with s² = Q/4: dc/dQ = (f' − B f)·DW / 4
                typeDc[base + r] = (scratchDf[r] - b * scratchF[r]) * dw / 4;
            }
        }
    }

    private boolean candidatesValid() {
        if (candidateTolerance < 0) {
            return false;
        }
        double frob = 0;
        for (int u = 0; u < 6; u++) {
            double d = gstar[u] - enumeratedGstar[u];
            frob += (u < 3 ? 1 : 2) * d * d;
        }
        return Math.sqrt(frob) <= candidateTolerance;
    }

    /**
     * Every (h, k, l) of the half space h &gt; 0, or h = 0 and k &gt; 0, or h = k = 0 and l &gt; 0, with
     * Q ≤ (1 + m)² Q_max.
     * Bounds: |h| ≤ |g|·|a| (h = g·a), |a| = √(G⁻¹*)_11 = √G_11.
     */
    private void enumerateCandidates() {
        double radius2 = (1 + CANDIDATE_MARGIN) * (1 + CANDIDATE_MARGIN) * qMax;
        double[] g = directMetricDiagonal();
        int hm = (int) Math.floor(Math.sqrt(radius2 * g[0]));
        int km = (int) Math.floor(Math.sqrt(radius2 * g[1]));
        int lm = (int) Math.floor(Math.sqrt(radius2 * g[2]));
        List<int[]> found = new ArrayList<>();
        for (int h = 0; h <= hm; h++) {
            for (int k = h == 0 ? 0 : -km; k <= km; k++) {
                for (int l = (h == 0 && k == 0) ? 1 : -lm; l <= lm; l++) {
                    if (MetricTensors.q(gstar, h, k, l) <= radius2) {
                        found.add(new int[] {h, k, l});
                    }
                }
            }
        }
        candidates = found.size();
        ch = new int[candidates];
        ck = new int[candidates];
        cl = new int[candidates];
        for (int c = 0; c < candidates; c++) {
            ch[c] = found.get(c)[0];
            ck[c] = found.get(c)[1];
            cl[c] = found.get(c)[2];
        }
        maxH = hm;
        maxK = km;
        maxL = lm;
        System.arraycopy(gstar, 0, enumeratedGstar, 0, 6);
        double m = 1 + CANDIDATE_MARGIN;
        candidateTolerance = MetricTensors.smallestEigenvalue(gstar) * (1 - 1 / (m * m));
        int cap = candidates;
        int lines = instrument.radiation().lineCount();
        int n = prepared.sites;
        int types = prepared.types;
        act = new int[cap];
        q = new double[cap];
        s2 = new double[cap];
        scratchF = new double[cap];
        scratchDf = new double[cap];
        typeC = new double[types * cap];
        typeDc = new double[types * cap];
        fRe = new double[cap];
        fIm = new double[cap];
        i0 = new double[cap];
        di0dq = new double[cap];
        dI0 = new double[cap];
        dQ = new double[cap];
        phaseCos = new double[cap * n];
        phaseSin = new double[cap * n];
        typeSumRe = new double[cap * types];
        typeSumIm = new double[cap * types];
        phasesValid = false;
        active = 0;
        int pc = cap * lines;
        peakRef = new int[pc];
        peakLine = new int[pc];
        peakSin = new double[pc];
        peakTan = new double[pc];
        peakCentre = new double[pc];
        peakFwhm = new double[pc];
        peakLp = new double[pc];
        peakIntensity = new double[pc];
        order = new int[pc];
        sortScratch = new int[pc];
        groupStart = new int[pc];
        groupEnd = new int[pc];
        groupCentre = new double[pc];
        groupFwhm = new double[pc];
        groupIntensity = new double[pc];
        groupValue = new double[pc];
        groupDc = new double[pc];
        groupDh = new double[pc];
        groupDe = new double[pc];
        peakKey = -1;
        txc = new double[0];
    }

    /** The diagonal of the direct metric tensor G = (G*)⁻¹: a², b², c². */
    private double[] directMetricDiagonal() {
        double g11 = gstar[1] * gstar[2] - gstar[5] * gstar[5];
        double g22 = gstar[0] * gstar[2] - gstar[4] * gstar[4];
        double g33 = gstar[0] * gstar[1] - gstar[3] * gstar[3];
        double det = gstar[0] * g11 + gstar[3] * (gstar[4] * gstar[5] - gstar[3] * gstar[2])
                + gstar[4] * (gstar[3] * gstar[5] - gstar[4] * gstar[1]);
        return new double[] {g11 / det, g22 / det, g33 / det};
    }

    private boolean tablesTooSmall() {
        return txc.length != (2 * maxH + 1) * prepared.sites;
    }

    /** exp(2πi m x) for m = −max..max per site and axis, by repeated complex multiplication from m = 0. */
    private void buildPhaseTables() {
        int n = prepared.sites;
        if (tablesTooSmall()) {
            txc = new double[(2 * maxH + 1) * n];
            txs = new double[(2 * maxH + 1) * n];
            tyc = new double[(2 * maxK + 1) * n];
            tys = new double[(2 * maxK + 1) * n];
            tzc = new double[(2 * maxL + 1) * n];
            tzs = new double[(2 * maxL + 1) * n];
        }
        for (int j = 0; j < n; j++) {
            powers(frac[3 * j], maxH, j, n, txc, txs);
            powers(frac[3 * j + 1], maxK, j, n, tyc, tys);
            powers(frac[3 * j + 2], maxL, j, n, tzc, tzs);
        }
    }

    private static void powers(double x, int max, int j, int n, double[] cos, double[] sin) {
        double angle = 2 * Math.PI * (x - Math.floor(x));
        double c1 = Math.cos(angle);
        double s1 = Math.sin(angle);
        double c = 1;
        double s = 0;
        cos[max * n + j] = 1;
        sin[max * n + j] = 0;
        for (int m = 1; m <= max; m++) {
            double cn = c * c1 - s * s1;
            s = c * s1 + s * c1;
            c = cn;
            cos[(max + m) * n + j] = c;
            sin[(max + m) * n + j] = s;
            cos[(max - m) * n + j] = c;
            sin[(max - m) * n + j] = -s;
        }
    }

    /**
     * The phases φ_rj = 2π h_r·x_j of every active reflection and site (kept for the adjoint) and their sums per
     * scattering type weighted by occupancy: what |F|² needs besides the scattering factors. A lattice step that keeps
     * the same active reflections reuses them.
     */
    private void sumPhasesByType() {
        int n = prepared.sites;
        int types = prepared.types;
        int[] siteType = prepared.siteType;
        double[] occ = prepared.occupancy;
        Arrays.fill(typeSumRe, 0, active * types, 0);
        Arrays.fill(typeSumIm, 0, active * types, 0);
        for (int r = 0; r < active; r++) {
            int c = act[r];
            int bx = (ch[c] + maxH) * n;
            int by = (ck[c] + maxK) * n;
            int bz = (cl[c] + maxL) * n;
            int pr = r * n;
            int rt = r * types;
            for (int j = 0; j < n; j++) {
                double xc = txc[bx + j];
                double xs = txs[bx + j];
                double yc = tyc[by + j];
                double ys = tys[by + j];
                double zc = tzc[bz + j];
                double zs = tzs[bz + j];
                double c1 = xc * yc - xs * ys;
                double s1 = xc * ys + xs * yc;
                double cosPhi = c1 * zc - s1 * zs;
                double sinPhi = c1 * zs + s1 * zc;
                phaseCos[pr + j] = cosPhi;
                phaseSin[pr + j] = sinPhi;
                int t = rt + siteType[j];
                typeSumRe[t] += occ[j] * cosPhi;
                typeSumIm[t] += occ[j] * sinPhi;
            }
        }
    }

    /** F = A + iB = Σ_t c_t(s²)·(type sum), |F|² and d|F|²/dQ for every active reflection. */
    private void structureFactors() {
        int types = prepared.types;
        int stride = act.length;
        for (int r = 0; r < active; r++) {
            int rt = r * types;
            double a = 0;
            double b = 0;
            double da = 0;
            double db = 0;
            for (int t = 0; t < types; t++) {
                double ct = typeC[t * stride + r];
                double dct = typeDc[t * stride + r];
                double re = typeSumRe[rt + t];
                double im = typeSumIm[rt + t];
                a += ct * re;
                b += ct * im;
                da += dct * re;
                db += dct * im;
            }
            fRe[r] = a;
            fIm[r] = b;
            i0[r] = a * a + b * b;
            di0dq[r] = 2 * (a * da + b * db);
        }
    }

    /** One peak per active reflection and line within the 2θ range. */
    private void buildPeaks() {
        Radiation radiation = instrument.radiation();
        ProfileParameters profile = instrument.profile();
        double displacement = instrument.goniometer().displacementOverRadius();
        double sinMax = Math.sin(Math.toRadians(instrument.grid().max() / 2));
        int lines = radiation.lineCount();
        int n = 0;
        long key = 1469598103934665603L;
        for (int r = 0; r < active; r++) {
            for (int line = 0; line < lines; line++) {
                double lambda = radiation.lineWavelength(line);
                double sinTheta = XrdPhysics.sinTheta(q[r], lambda);
                if (sinTheta > sinMax) {
                    continue;
                }
                double lp = XrdPhysics.lorentzPolarization(sinTheta);
                double tan = XrdPhysics.tanTheta(sinTheta);
                peakRef[n] = r;
                peakLine[n] = line;
                peakSin[n] = sinTheta;
                peakTan[n] = tan;
                peakCentre[n] = XrdPhysics.twoThetaDegrees(sinTheta) + profile.zeroShift()
                        + XrdPhysics.displacementShift(displacement, Math.sqrt(1 - sinTheta * sinTheta));
                peakFwhm[n] = profile.fwhmAtTan(tan);
                peakLp[n] = lp;
                peakIntensity[n] = radiation.lineWeight(line) * 2 * i0[r] * lp;
                key = (key ^ (act[r] * 2L + line)) * 1099511628211L;
                n++;
            }
        }
        key ^= n;
        if (key != peakKey || n != peaks) {
            for (int p = 0; p < n; p++) {
                order[p] = p;
            }
            peaks = n;
            mergeSort(0, n);
            peakKey = key;
        } else {
            insertionSort();
        }
    }

    private void insertionSort() {
        for (int i = 1; i < peaks; i++) {
            int v = order[i];
            double c = peakCentre[v];
            int j = i - 1;
            while (j >= 0 && peakCentre[order[j]] > c) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = v;
        }
    }

    private void mergeSort(int from, int to) {
        if (to - from < 16) {
            for (int i = from + 1; i < to; i++) {
                int v = order[i];
                double c = peakCentre[v];
                int j = i - 1;
                while (j >= from && peakCentre[order[j]] > c) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(from, mid);
        mergeSort(mid, to);
        int i = from;
        int j = mid;
        int o = from;
        while (i < mid && j < to) {
            sortScratch[o++] = peakCentre[order[j]] < peakCentre[order[i]] ? order[j++] : order[i++];
        }
        while (i < mid) {
            sortScratch[o++] = order[i++];
        }
        while (j < to) {
            sortScratch[o++] = order[j++];
        }
        System.arraycopy(sortScratch, from, order, from, to - from);
    }

    /**
     * Peaks at the same position (symmetry-equivalent reflections) form one group with the summed intensity; groups
     * of extinct peaks (at most {@value #EXTINCT_RELATIVE} of the strongest peak) are dropped.
     */
    private void groupPeaks() {
        double strongest = 0;
        for (int p = 0; p < peaks; p++) {
            strongest = Math.max(strongest, peakIntensity[p]);
        }
        double extinct = EXTINCT_RELATIVE * strongest;
        int g = 0;
        int i = 0;
        while (i < peaks) {
            int p = order[i];
            double first = peakCentre[p];
            groupStart[g] = i;
            groupCentre[g] = first;
            groupFwhm[g] = peakFwhm[p];
            double sum = 0;
            for (; i < peaks && peakCentre[order[i]] - first <= COINCIDENCE_DEG; i++) {
                sum += peakIntensity[order[i]];
            }
            groupEnd[g] = i;
            groupIntensity[g] = sum;
            if (sum > extinct) {
                g++;
            }
        }
        groups = g;
    }

    // ------------------------------------------------------------------ adjoint

    @Override
    public void computeGradient(double[] dLdy, XrdGradient out) {
        if (dLdy.length != raw.length) {
            throw new IllegalArgumentException("dL/dpattern has " + dLdy.length + " values, the pattern " + raw.length);
        }
        ensureForward();
        out.clear();
        // y = k raw / m with m = raw[argMax] (or 1): dL/draw_j = k g_j/m − [j = argMax] k Σ_i g_i raw_i / m²,
        // dL/dk = Σ_i g_i raw_i / m
        double factor = instrument.scale();
        double inv = 1 / divisor;
        double dot = 0;
        for (int j = 0; j < raw.length; j++) {
            rawAdjoint[j] = dLdy[j] * factor * inv;
            dot += dLdy[j] * raw[j];
        }
        if (scaled) {
            rawAdjoint[argMax] -= factor * dot * inv * inv;
        }
        out.scale = dot * inv;
        ProfileParameters profile = instrument.profile();
        renderer.adjoint(rawAdjoint, groups, groupCentre, groupFwhm, profile.eta(), instrument.normalisation(),
                groupValue, groupDc, groupDh, groupDe);

        Arrays.fill(dI0, 0, active, 0);
        Arrays.fill(dQ, 0, active, 0);
        Radiation radiation = instrument.radiation();
        double displacement = instrument.goniometer().displacementOverRadius();
        double dEta = 0;
        double dZero = 0;
        double dDisplacement = 0;
        double dRatio = 0;
        double dU = 0;
        double dV = 0;
        double dW = 0;
        for (int g = 0; g < groups; g++) {
            for (int i = groupStart[g]; i < groupEnd[g]; i++) {
                int p = order[i];
                int r = peakRef[p];
                int line = peakLine[p];
                double intensity = peakIntensity[p];
                double dIntensity = groupValue[g];
                double dCentre = intensity * groupDc[g];
                double dFwhm = intensity * groupDh[g];
                dEta += intensity * groupDe[g];
                dZero += dCentre;
                double sin = peakSin[p];
                dDisplacement += dCentre * XrdPhysics.displacementShiftDerivative(Math.sqrt(1 - sin * sin));
                double h = peakFwhm[p];
                double tan = peakTan[p];
                // H² = U tan²θ + V tanθ + W
                dU += dFwhm * tan * tan / (2 * h);
                dV += dFwhm * tan / (2 * h);
                dW += dFwhm / (2 * h);
                double lambda = radiation.lineWavelength(line);
                double weight = radiation.lineWeight(line);
                double dThetaDq = XrdPhysics.dThetaDq(q[r], lambda, sin);
                // I = w·2|F|²·LP(θ), c = (360/π)θ + Z + Δ_s(θ), H = H(θ)
                dI0[r] += dIntensity * weight * 2 * peakLp[p];
                if (line == 1) {
                    dRatio += dIntensity * 2 * i0[r] * peakLp[p];
                }
                double dTheta = dIntensity * weight * 2 * i0[r] * XrdPhysics.lorentzPolarizationDerivative(sin)
                        + dCentre * XrdPhysics.dCentreDtheta(displacement, sin)
                        + dFwhm * XrdPhysics.dFwhmDtheta(profile.u(), profile.v(), tan, h);
                dQ[r] += dTheta * dThetaDq;
            }
        }
        out.profile[0] = dU;
        out.profile[1] = dV;
        out.profile[2] = dW;
        out.profile[3] = dEta;
        out.profile[4] = dZero;
        out.displacement = dDisplacement / instrument.goniometer().radius();
        out.alpha2Ratio = dRatio;

        int n = prepared.sites;
        int stride = act.length;
        int[] siteType = prepared.siteType;
        double[] occ = prepared.occupancy;
        double[] dg = dGstar;
        Arrays.fill(dg, 0);
        double[] dx = out.coordinates;
        for (int r = 0; r < active; r++) {
            double dq = dQ[r] + dI0[r] * di0dq[r];
            int c = act[r];
            int h = ch[c];
            int k = ck[c];
            int l = cl[c];
            dg[0] += dq * h * h;
            dg[1] += dq * k * k;
            dg[2] += dq * l * l;
            dg[3] += dq * 2 * h * k;
            dg[4] += dq * 2 * h * l;
            dg[5] += dq * 2 * k * l;
            double di = dI0[r];
            if (di == 0) {
                continue;
            }
            // ∂|F|²/∂x_j = 4π (h,k,l) occ_j c_t (B cos φ − A sin φ)
            double a = fRe[r];
            double b = fIm[r];
            double common = 4 * Math.PI * di;
            int pr = r * n;
            for (int j = 0; j < n; j++) {
                double coef = common * occ[j] * typeC[siteType[j] * stride + r]
                        * (b * phaseCos[pr + j] - a * phaseSin[pr + j]);
                dx[3 * j] += coef * h;
                dx[3 * j + 1] += coef * k;
                dx[3 * j + 2] += coef * l;
            }
        }
        for (int p = 0; p < 6; p++) {
            double s = 0;
            for (int u = 0; u < 6; u++) {
                s += dg[u] * dgstar[6 * p + u];
            }
            out.lattice[p] = s;
        }
    }

    // ------------------------------------------------------------------ outputs

    @Override
    public Pattern pattern() {
        double[] y = new double[raw.length];
        computePattern(y);
        return new Pattern(prepared.structure.name(), instrument.grid().centres(), y,
                instrument.radiation().wavelength());
    }

    @Override
    public PeakList peaks() {
        ensureForward();
        double lambda = instrument.radiation().wavelength();
        double sinMax = Math.sin(Math.toRadians(instrument.grid().max() / 2));
        Integer[] idx = new Integer[active];
        for (int r = 0; r < active; r++) {
            idx[r] = r;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(q[x], q[y]));
        List<double[]> positions = new ArrayList<>(); // {2θ, intensity, d}
        List<List<int[]>> members = new ArrayList<>();
        for (int r : idx) {
            double sinTheta = XrdPhysics.sinTheta(q[r], lambda);
            if (sinTheta > sinMax) {
                continue;
            }
            double twoTheta = XrdPhysics.twoThetaDegrees(sinTheta);
            double intensity = 2 * i0[r] * XrdPhysics.lorentzPolarization(sinTheta);
            int target = -1;
            for (int p = positions.size() - 1; p >= 0 && positions.get(p)[0] > twoTheta - XrdPhysics.MERGE_TOLERANCE_DEG
                    ; p--) {
                if (Math.abs(positions.get(p)[0] - twoTheta) < XrdPhysics.MERGE_TOLERANCE_DEG) {
                    target = p;
                }
            }
            int c = act[r];
            int[] hkl = {ch[c], ck[c], cl[c]};
            int[] mate = {-ch[c], -ck[c], -cl[c]};
            if (target < 0) {
                positions.add(new double[] {twoTheta, intensity, 1 / Math.sqrt(q[r])});
                List<int[]> m = new ArrayList<>();
                m.add(hkl);
                m.add(mate);
                members.add(m);
            } else {
                positions.get(target)[1] += intensity;
                members.get(target).add(hkl);
                members.get(target).add(mate);
            }
        }
        double max = 0;
        for (double[] p : positions) {
            max = Math.max(max, p[1]);
        }
        List<Peak> list = new ArrayList<>();
        for (int p = 0; p < positions.size(); p++) {
            double[] v = positions.get(p);
            if (max > 0 && 100 * v[1] / max > PeakList.SCALED_INTENSITY_CUTOFF) {
                list.add(new Peak(v[0], v[1], v[2], families(members.get(p))));
            }
        }
        return new PeakList(instrument.radiation(), list);
    }

    /** Groups reflections by the multiset {|h|, |k|, |l|}; label = largest member; largest family first. */
    static List<HklFamily> families(List<int[]> reflections) {
        Map<String, int[]> label = new java.util.LinkedHashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (int[] hkl : reflections) {
            int[] abs = {Math.abs(hkl[0]), Math.abs(hkl[1]), Math.abs(hkl[2])};
            Arrays.sort(abs);
            String key = abs[0] + " " + abs[1] + " " + abs[2];
            count.merge(key, 1, Integer::sum);
            int[] best = label.get(key);
            if (best == null || Arrays.compare(hkl, best) > 0) {
                label.put(key, hkl);
            }
        }
        List<HklFamily> families = new ArrayList<>();
        label.forEach((key, hkl) -> families.add(new HklFamily(hkl[0], hkl[1], hkl[2], count.get(key))));
        families.sort((a, b) -> Integer.compare(b.multiplicity(), a.multiplicity()));
        return families;
    }
}
