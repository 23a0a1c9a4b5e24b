package org.pxrd.diffraction;

import java.util.Arrays;

/**
 * Sums pseudo-Voigt peaks on the bins of a {@link TwoThetaGrid} and evaluates the adjoint of that sum: given dL/dy at
 * every bin, the derivatives of L with respect to each peak's intensity, centre, width and the mixing η. One renderer
 * belongs to one thread (it owns its buffers; nothing is allocated per call).
 *
 * <h2>Exact tails</h2>
 * {@link TailMode#EXACT} evaluates every peak at every bin. {@link TailMode#MULTILEVEL} computes the same sum with
 * far fewer evaluations, without cutting any tail:
 * <ol>
 * <li>Grids: level 0 has spacing h_0 = r δ, δ the pattern's bin width and r the base ratio: the largest integer up to
 * {@value #MAX_BASE_RATIO} that leaves {@value #BASE_POINTS_PER_FWHM} points of level 0 across the narrowest FWHM
 * H_min of the plan (r = 1, level 0 = the bins, unless the bins oversample the peaks; the study's profile, FWHM 0.32°
 * and more on 0.01° bins, has r = 2). Level l has spacing h_l = 4^l h_0, aligned with the bins and padded at both
 * ends for interpolation.</li>
 * <li>Windows: w_0 = max({@value #CORE_FWHMS} H_max, {@value #RESOLUTION} h_1 / t_a), w_1 = 4 w_0 and, from level 2 on,
 * w_l = max(w_{l−1}/t_a, {@value #MIN_WINDOW_POINTS} h_l) (see {@link #nextWindow}), with t_a = {@value #RAMP_START};
 * H_max is the largest FWHM of the plan. Levels are added until t_a w_l exceeds the 2θ span or
 * the next level's whole grid has no more points than its window would; the last level has no outer window.</li>
 * <li>Partition of unity: with the smooth step S_w(d) = 1 for |d| ≤ t_a w, 1 − P((|d|/w − t_a)/(1 − t_a)) up to
 * |d| = w, 0 beyond (P of degree 9, C⁴ at both ends: {@link #step}), level l carries the Lorentzian part times
 * ψ_l = S_{w_l} − S_{w_{l−1}} (S_{w_{−1}} = 0, S for the last level = 1). The ψ_l sum to 1 at every distance, so
 * the levels together carry every peak's whole Lorentzian, tails included.</li>
 * <li>Each peak's piece on level l is evaluated on that level's grid only where ψ_l ≠ 0: |d| ∈ [t_a w_{l−1}, w_l].
 * There the piece is smooth on the scale of the grid: the Lorentzian varies on the scale of |d|, which on level 1 is
 * at least {@value #RESOLUTION} grid points and about one FWHM; further out, where the tails are 16 and more times
 * smaller, at least t_a·{@value #MIN_WINDOW_POINTS}/4 = 6 points; the ramps span (1 − t_a) w_{l−1}.</li>
 * <li>The Gaussian part is evaluated on level 0 within ±{@value #GAUSS_CUTOFF_FWHMS} H, beyond which it is below
 * exp(−4 ln2 · 3.2²) = 5e-13 of its height (and 1e-11 of the Lorentzian part there).</li>
 * <li>Prolongation: from the last level down, each level is interpolated onto the next finer one with the 6-point
 * (quintic) Lagrange rule, at the four phases 0, ¼, ½, ¾ of a 4× refinement, and added to it; level 0 is interpolated
 * onto the bins by the same rule at the phases q/r (a copy when r = 1).</li>
 * </ol>
 * The adjoint runs the same steps transposed: dL/dy is carried from the bins to level 0 and up the levels (the
 * transpose of the interpolation), and each peak's derivatives are inner products of the level adjoints with the
 * derivatives of its pieces. The gradient is thus exact for the computed pattern.
 *
 * <p>Error bound: the approximations are the interpolation of smooth tails (and, when r &gt; 1, of the whole profile
 * from level 0 onto the bins) and the Gaussian cut-off (5e-13). On every reference structure (study profile, r = 2)
 * the multilevel pattern differs from the exact one by less than {@value #STATED_ERROR_BOUND} of the pattern maximum
 * at every bin (2.6e-5 at most on the 63 reference structures; 1.6e-5 with r = 1; cosine similarity above
 * 1 − 1e-9), and a single peak of any η is reproduced within {@value #STATED_ERROR_BOUND} of its height for FWHM from
 * H_min to H_max (300 random peaks on the study's grid: 2.4e-5 at most for H_min = 0.05° (r = 1), 4.2e-5 for 0.29°
 * (r = 2), 4.9e-5 for 0.49° (r = 4)); tests check both. Cost with the study's profile and grid: about 410 Lorentzian
 * and 130 Gaussian evaluations per peak (560 and 220 with r = 1), instead of 9000 for every bin. (t_a = 0.45 had a
 * quarter of these errors and took 25% longer per refinement step; t_a = 0.7 reaches 7.6e-5.)
 */
final class ProfileRenderer {

    /** The window of level 0 is at least this many of the largest FWHM. */
    static final double CORE_FWHMS = 2.2;
    /** Grid points of level l across the inner radius t_a·w_{l−1} of its piece: sets the interpolation accuracy. */
    static final double RESOLUTION = 12;
    /** From level 2 on, a window spans at least this many grid points of its level. */
    static final double MIN_WINDOW_POINTS = 40;
    /** Where the smooth step starts, as a fraction t_a of the window. */
    static final double RAMP_START = 0.6;
    /** Spacing ratio of consecutive levels. */
    static final int RATIO = 4;
    /** Gaussian evaluated within this many FWHM of the centre: beyond, exp(−4 ln2 u²) &lt; 5e-13. */
    static final double GAUSS_CUTOFF_FWHMS = 3.2;
    /** Beyond this many FWHM exp(−4 ln2 u²) underflows to 0 in double precision: the exact mode stops there. */
    static final double GAUSS_UNDERFLOW_FWHMS = 16;
    /** Largest |exponent| the Gaussian recurrence's ratio may reach; beyond, exp() is evaluated at every point. */
    private static final double RECURRENCE_EXPONENT_LIMIT = 600;
    /** Bound on |multilevel − exact| relative to the pattern maximum (or to one peak's height), tested. */
    static final double STATED_ERROR_BOUND = 1e-4;
    /** The Gaussian recurrence restarts from exp() after this many points. */
    private static final int GAUSS_RESTART = 64;
    /** Level 0 has at least this many points across the narrowest FWHM when it is coarser than the bins. */
    static final double BASE_POINTS_PER_FWHM = 12;
    /** Level 0 spans at most this many bins per point. */
    static final int MAX_BASE_RATIO = 4;
    /** Points of the interpolation stencil: nodes base−2 .. base+3. */
    private static final int STENCIL = 6;

    private static final int PLAIN = 0;
    private static final int INNER_RAMP = 1;
    private static final int OUTER_RAMP = 2;

    private final int bins;
    private final int levels;
    private final double[] spacing;
    private final double[] inverseSpacing;
    private final double[] origin;
    private final int[] size;
    private final int[] offset;
    private final double[] window;
    private final double fwhmMax;
    private final double gaussCutoff;
    /** Bins per point of level 0 (1: level 0 is the bins). */
    private final int baseRatio;
    private final double fwhmMin;
    /** Lagrange weights of the phases 0, ¼, ½, ¾ between levels. */
    private final double[][] weights;
    /** Lagrange weights of the phases q / baseRatio from level 0 onto the bins. */
    private final double[][] baseWeights;
    private final double[][] level;
    private final double[][] levelAdjoint;
    /** Inner products of one segment: value, d-weighted, d²-weighted, ramp-derivative. */
    private double sum0;
    private double sum1;
    private double sum2;
    private double sumRamp;

    /**
     * @param grid the pattern's bins
     * @param tails exact or multilevel
     * @param fwhmMin the smallest peak FWHM (degrees) the plan must serve accurately: sets the base spacing
     * @param fwhmMax the largest peak FWHM (degrees) the plan must serve accurately: sets the core window
     */
    ProfileRenderer(TwoThetaGrid grid, TailMode tails, double fwhmMin, double fwhmMax) {
        this.bins = grid.bins();
        this.fwhmMin = fwhmMin;
        this.fwhmMax = fwhmMax;
        double delta = grid.step();
        double x0 = grid.centre(0);
        double span = grid.max();
        this.baseRatio = tails == TailMode.MULTILEVEL ? baseRatio(fwhmMin, delta) : 1;
        double h0 = baseRatio * delta;
        int n = 1;
        double w0 = Math.max(CORE_FWHMS * fwhmMax, RESOLUTION * RATIO * h0 / RAMP_START);
        if (tails == TailMode.MULTILEVEL) {
            // level n is the last when its window reaches beyond the span, or covers as many points as its grid has
            double w = w0;
            double h = h0;
            while (RAMP_START * w < span && (grid.max() - grid.min()) / (h * RATIO) + 2 * STENCIL > 2 * w / h) {
                h *= RATIO;
                w = nextWindow(w, h, n + 1);
                n++;
            }
        }
        this.levels = n;
        this.gaussCutoff = tails == TailMode.EXACT ? GAUSS_UNDERFLOW_FWHMS : GAUSS_CUTOFF_FWHMS;
        spacing = new double[n];
        inverseSpacing = new double[n];
        origin = new double[n];
        size = new int[n];
        offset = new int[n];
        window = new double[n];
        level = new double[n][];
        levelAdjoint = new double[n][];
        for (int l = 0; l < n; l++) {
            spacing[l] = l == 0 ? h0 : spacing[l - 1] * RATIO;
            inverseSpacing[l] = 1 / spacing[l];
            double finite = l == 0 ? w0 : nextWindow(window[l - 1], spacing[l], l);
            window[l] = finite;
            if (l == n - 1) {
                window[l] = Double.POSITIVE_INFINITY;
            }
            if (l == 0) {
                // the bins themselves, or a coarser base padded for the stencil that interpolates it onto the bins
                offset[l] = baseRatio == 1 ? 0 : 3;
                size[l] = baseRatio == 1 ? bins : (bins - 1) / baseRatio + offset[l] + 4;
            } else {
                offset[l] = (offset[l - 1] + RATIO - 1) / RATIO + 3;
                int baseMax = Math.floorDiv(size[l - 1] - 1 - offset[l - 1], RATIO) + offset[l];
                size[l] = baseMax + 4;
            }
            origin[l] = x0 - offset[l] * spacing[l];
            level[l] = new double[size[l]];
            levelAdjoint[l] = new double[size[l]];
        }
        weights = lagrangeWeights(RATIO);
        baseWeights = lagrangeWeights(baseRatio);
    }

    /**
     * Bins per base point: the largest ratio, up to {@value #MAX_BASE_RATIO}, that leaves at least
     * {@value #BASE_POINTS_PER_FWHM} base points across the narrowest peak.
     */
    static int baseRatio(double fwhmMin, double binWidth) {
        double r = Math.floor(fwhmMin / (BASE_POINTS_PER_FWHM * binWidth));
        return r >= MAX_BASE_RATIO ? MAX_BASE_RATIO : Math.max(1, (int) r);
    }

    /**
     * The 6-point Lagrange weights (nodes −2 .. 3) at the phases q/ratio, q = 0 .. ratio − 1, of a refinement by
     * {@code ratio}; phase 0 is the coarse value itself.
     */
    private static double[][] lagrangeWeights(int ratio) {
        double[][] w = new double[ratio][STENCIL];
        w[0][2] = 1;
        for (int phase = 1; phase < ratio; phase++) {
            double f = (double) phase / ratio;
            for (int m = 0; m < STENCIL; m++) {
                double product = 1;
                for (int o = 0; o < STENCIL; o++) {
                    if (o != m) {
                        product *= (f - (o - 2)) / (double) (m - o);
                    }
                }
                w[phase][m] = product;
            }
        }
        return w;
    }

    /**
     * The window of level l ≥ 1 (spacing h): level 1 takes 4 w_0, so that level 2 resolves the tails nearest the core
     * as level 1 does; from level 2 on, where the tails are ≥ 16 times smaller, the smallest window that keeps the
     * ramps of consecutive levels apart (w_{l−1} &lt; t_a w_l) and spans {@value #MIN_WINDOW_POINTS} grid points.
     */
    private static double nextWindow(double previous, double h, int l) {
        if (l < 2) {
            return previous * RATIO;
        }
        return Math.max(previous / RAMP_START * (1 + 1e-9), MIN_WINDOW_POINTS * h);
    }

    /** The smallest FWHM this renderer was planned for (degrees). */
    double fwhmMin() {
        return fwhmMin;
    }

    /** The largest FWHM this renderer was planned for (degrees). */
    double fwhmMax() {
        return fwhmMax;
    }

    /** Number of grid levels (1 for exact tails). */
    int levels() {
        return levels;
    }

    /**
     * Sums the peaks into {@code out} (raw, unscaled): out[j] = Σ_p I_p pV_p(x_j).
     *
     * @param count number of peaks
     * @param centre peak centres in degrees 2θ
     * @param fwhm peak FWHM in degrees
     * @param intensity peak intensities
     */
    void render(int count, double[] centre, double[] fwhm, double[] intensity, double eta,
            PeakNormalisation normalisation, double[] out) {
        for (double[] a : level) {
            Arrays.fill(a, 0);
        }
        for (int p = 0; p < count; p++) {
            double c = centre[p];
            double h = fwhm[p];
            double kappa = 4 / (h * h);
            double lorentz = intensity[p] * XrdPhysics.lorentzAmplitude(normalisation, eta, h);
            double gauss = intensity[p] * XrdPhysics.gaussAmplitude(normalisation, eta, h);
            if (lorentz != 0) {
                for (int l = 0; l < levels; l++) {
                    forEachSegment(l, c, lorentz, kappa, true);
                }
            }
            if (gauss != 0) {
                double alpha = XrdPhysics.GAUSS_EXPONENT / (h * h);
                double reach = gaussCutoff * h;
                int k0 = firstIndex(c - reach);
                int k1 = firstIndex(c + reach);
                gaussForward(level[0], k0, k1, origin[0] - c, spacing[0], gauss, alpha);
            }
        }
        prolongAll();
        toBins(out);
    }

    /**
     * The adjoint of {@link #render}: for each peak, with P_p the unit-intensity profile, writes
     * value[p] = ⟨g, P_p⟩, dCentre[p] = ⟨g, ∂P_p/∂c⟩, dFwhm[p] = ⟨g, ∂P_p/∂H⟩ and dEta[p] = ⟨g, ∂P_p/∂η⟩, g = dL/dy.
     */
    void adjoint(double[] gradient, int count, double[] centre, double[] fwhm, double eta,
            PeakNormalisation normalisation, double[] value, double[] dCentre, double[] dFwhm, double[] dEta) {
        fromBins(gradient);
        restrictAll();
        for (int p = 0; p < count; p++) {
            double c = centre[p];
            double h = fwhm[p];
            double kappa = 4 / (h * h);
            double nL = XrdPhysics.lorentzAmplitude(normalisation, eta, h);
            double nG = XrdPhysics.gaussAmplitude(normalisation, eta, h);
            double l0 = 0;
            double l1 = 0;
            double l2 = 0;
            double lr = 0;
            for (int l = 0; l < levels; l++) {
                sum0 = 0;
                sum1 = 0;
                sum2 = 0;
                sumRamp = 0;
                forEachSegment(l, c, 1, kappa, false);
                l0 += sum0;
                l1 += sum1;
                l2 += sum2;
                lr += sumRamp;
            }
            double alpha = XrdPhysics.GAUSS_EXPONENT / (h * h);
            double reach = gaussCutoff * h;
            gaussAdjoint(levelAdjoint[0], firstIndex(c - reach), firstIndex(c + reach), origin[0] - c,
                    spacing[0], alpha);
            double g0 = sum0;
            double g1 = sum1;
            double g2 = sum2;
            // L = ψ/(1 + κd²): ∂/∂c = 2κ d q² ψ − q ψ', ∂/∂H = (2κ/H) d² q² ψ
            // G = exp(−αd²): ∂/∂c = 2α d G, ∂/∂H = (2α/H) d² G
            value[p] = nL * l0 + nG * g0;
            dCentre[p] = nL * (2 * kappa * l1 - lr) + nG * 2 * alpha * g1;
            dFwhm[p] = nL * 2 * kappa / h * l2 + nG * 2 * alpha / h * g2
                    + XrdPhysics.lorentzAmplitudeDfwhm(normalisation, eta, h) * l0
                    + XrdPhysics.gaussAmplitudeDfwhm(normalisation, eta, h) * g0;
            dEta[p] = XrdPhysics.lorentzAmplitudeDeta(normalisation, h) * l0
                    + XrdPhysics.gaussAmplitudeDeta(normalisation, h) * g0;
        }
    }

    /**
     * Visits the Lorentzian segments of one peak on level l: forward adds amplitude·ψ/(1 + κd²) to the level; adjoint
     * adds the segment's inner products to the sums. The segments lie between the grid indices of the distances
     * |d| = t_a w_{l−1}, w_{l−1}, t_a w_l and w_l on either side of the centre (level 0: no inner ramp; last level: no
     * outer ramp).
     */
    private void forEachSegment(int l, double c, double amplitude, double kappa, boolean forward) {
        double inner = l == 0 ? 0 : window[l - 1];
        double outer = window[l];
        double hInv = inverseSpacing[l];
        double u = (c - origin[l]) * hInv;
        int n = size[l];
        int outerLeft = index(u - outer * hInv, n);
        int plainLeft = index(u - RAMP_START * outer * hInv, n);
        int innerLeft = index(u - inner * hInv, n);
        int coreLeft = index(u - RAMP_START * inner * hInv, n);
        int coreRight = index(u + RAMP_START * inner * hInv, n);
        int innerRight = index(u + inner * hInv, n);
        int plainRight = index(u + RAMP_START * outer * hInv, n);
        int outerRight = index(u + outer * hInv, n);
        double[] y = forward ? level[l] : levelAdjoint[l];
        double base = origin[l] - c;
        double h = spacing[l];
        if (l > 0) {
            segment(y, innerLeft, coreLeft, base, h, amplitude, kappa, INNER_RAMP, inner, -1, forward);
            segment(y, coreRight, innerRight, base, h, amplitude, kappa, INNER_RAMP, inner, 1, forward);
            segment(y, plainLeft, innerLeft, base, h, amplitude, kappa, PLAIN, 0, 1, forward);
            segment(y, innerRight, plainRight, base, h, amplitude, kappa, PLAIN, 0, 1, forward);
        } else {
            segment(y, plainLeft, plainRight, base, h, amplitude, kappa, PLAIN, 0, 1, forward);
        }
        if (outer != Double.POSITIVE_INFINITY) {
            segment(y, outerLeft, plainLeft, base, h, amplitude, kappa, OUTER_RAMP, outer, -1, forward);
            segment(y, plainRight, outerRight, base, h, amplitude, kappa, OUTER_RAMP, outer, 1, forward);
        }
    }

    /** The grid points k0 ≤ k &lt; k1 of one level (d_k = base + k h), on the side {@code side} (±1) of the centre. */
    private void segment(double[] y, int k0, int k1, double base, double h, double amplitude, double kappa, int kind,
            double rampWindow, double side, boolean forward) {
        if (k1 <= k0) {
            return;
        }
        if (forward) {
            if (kind == PLAIN) {
                lorentzForward(y, k0, k1, base, h, amplitude, kappa);
            } else {
                lorentzRampForward(y, k0, k1, base, h, amplitude, kappa, rampWindow, kind == INNER_RAMP, side);
            }
        } else if (kind == PLAIN) {
            lorentzAdjoint(y, k0, k1, base, h, kappa);
        } else {
            lorentzRampAdjoint(y, k0, k1, base, h, kappa, rampWindow, kind == INNER_RAMP, side);
        }
    }

    /** The first index of level 0 whose position is ≥ x, clamped to [0, size]. */
    private int firstIndex(double x) {
        return index((x - origin[0]) * inverseSpacing[0], size[0]);
    }

    /** ⌈t⌉ clamped to [0, n]: the first grid index at or after t grid spacings from the level's first point. */
    private static int index(double t, int n) {
        double k = Math.ceil(t);
        if (!(k > 0)) {
            return 0;
        }
        return k >= n ? n : (int) k;
    }

    private static void lorentzForward(double[] y, int k0, int k1, double base, double h, double a, double kappa) {
        for (int k = k0; k < k1; k++) {
            double d = base + k * h;
            y[k] += a / (1 + kappa * d * d);
        }
    }

    private void lorentzAdjoint(double[] g, int k0, int k1, double base, double h, double kappa) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        for (int k = k0; k < k1; k++) {
            double d = base + k * h;
            double q = 1 / (1 + kappa * d * d);
            double gq = g[k] * q;
            double gqqd = gq * q * d;
            s0 += gq;
            s1 += gqqd;
            s2 += gqqd * d;
        }
        sum0 += s0;
        sum1 += s1;
        sum2 += s2;
    }

    /**
     * A ramp segment: ψ = P(u) (inner ramp, rising) or 1 − P(u) (outer ramp, falling), u = (|d| − t_a w)/((1 − t_a) w),
     * |d| = side·d. Within a segment u ∈ [0, 1] up to rounding, where P is flat (P' = 0 at both ends), so no clamp.
     * Adjoint: dψ/dd = ±P'(u)·du/dd, the sign carried by {@code scale}.
     */
    private static void lorentzRampForward(double[] y, int k0, int k1, double base, double h, double a, double kappa,
            double w, boolean inner, double side) {
        double scale = side / ((1 - RAMP_START) * w);
        double shift = RAMP_START / (1 - RAMP_START);
        double psi0 = inner ? 0 : a;
        double psi1 = inner ? a : -a;
        for (int k = k0; k < k1; k++) {
            double d = base + k * h;
            double u = d * scale - shift;
            double p = step(u);
            y[k] += (psi0 + psi1 * p) / (1 + kappa * d * d);
        }
    }

    private void lorentzRampAdjoint(double[] g, int k0, int k1, double base, double h, double kappa, double w,
            boolean inner, double side) {
        double scale = side / ((1 - RAMP_START) * w);
        double shift = RAMP_START / (1 - RAMP_START);
        double psi0 = inner ? 0 : 1;
        double psi1 = inner ? 1 : -1;
        // dψ/dd = psi1 · P'(u) · du/dd with P'(u) = 30 u²(1 − u)² and du/dd = scale (the side's sign included)
        double dpsi1 = psi1 * scale;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double sr = 0;
        for (int k = k0; k < k1; k++) {
            double d = base + k * h;
            double u = d * scale - shift;
            double psi = psi0 + psi1 * step(u);
            double q = 1 / (1 + kappa * d * d);
            double gq = g[k] * q;
            double gqqd = gq * q * d * psi;
            s0 += gq * psi;
            s1 += gqqd;
            s2 += gqqd * d;
            sr += gq * dpsi1 * stepDerivative(u);
        }
        sum0 += s0;
        sum1 += s1;
        sum2 += s2;
        sumRamp += sr;
    }

    /** The smooth step P(u) = 126u⁵ − 420u⁶ + 540u⁷ − 315u⁸ + 70u⁹: 0 at u = 0, 1 at u = 1, C⁴ at both ends. */
    static double step(double u) {
        double u2 = u * u;
        return u2 * u2 * u * (126 + u * (-420 + u * (540 + u * (-315 + 70 * u))));
    }

    /** P'(u) = 630 u⁴ (1 − u)⁴. */
    static double stepDerivative(double u) {
        double v = u * (1 - u);
        double v2 = v * v;
        return 630 * v2 * v2;
    }

    /**
     * Gaussian a·exp(−α d²) at d_k = base + k h by the recurrence g_{k+1} = g_k r_k, r_{k+1} = r_k exp(−2αh²),
     * restarted from exp() every {@value #GAUSS_RESTART} points (rounding stays below 1e-12 relative). The window is
     * run as two halves side by side: two independent chains of multiplications instead of one.
     */
    private static void gaussForward(double[] y, int k0, int k1, double base, double h, double a, double alpha) {
        if (!recurrenceSafe(k0, k1, base, h, alpha)) {
            for (int k = k0; k < k1; k++) {
                double d = base + k * h;
                y[k] += a * Math.exp(-alpha * d * d);
            }
            return;
        }
        double rho = Math.exp(-2 * alpha * h * h);
        int half = (k1 - k0) / 2;
        int mid = k0 + half;
        for (int start = 0; start < half; start += GAUSS_RESTART) {
            int end = Math.min(half, start + GAUSS_RESTART);
            double da = base + (k0 + start) * h;
            double db = base + (mid + start) * h;
            double ga = a * Math.exp(-alpha * da * da);
            double gb = a * Math.exp(-alpha * db * db);
            double ra = Math.exp(-alpha * h * (2 * da + h));
            double rb = Math.exp(-alpha * h * (2 * db + h));
            for (int m = start; m < end; m++) {
                y[k0 + m] += ga;
                y[mid + m] += gb;
                ga *= ra;
                gb *= rb;
                ra *= rho;
                rb *= rho;
            }
        }
        for (int k = mid + half; k < k1; k++) {
            double d = base + k * h;
            y[k] += a * Math.exp(-alpha * d * d);
        }
    }

    private void gaussAdjoint(double[] y, int k0, int k1, double base, double h, double alpha) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        if (!recurrenceSafe(k0, k1, base, h, alpha)) {
            for (int k = k0; k < k1; k++) {
                double d = base + k * h;
                double gg = y[k] * Math.exp(-alpha * d * d);
                s0 += gg;
                s1 += gg * d;
                s2 += gg * d * d;
            }
            sum0 = s0;
            sum1 = s1;
            sum2 = s2;
            return;
        }
        double rho = Math.exp(-2 * alpha * h * h);
        int half = (k1 - k0) / 2;
        int mid = k0 + half;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        for (int start = 0; start < half; start += GAUSS_RESTART) {
            int end = Math.min(half, start + GAUSS_RESTART);
            double da = base + (k0 + start) * h;
            double db = base + (mid + start) * h;
            double ga = Math.exp(-alpha * da * da);
            double gb = Math.exp(-alpha * db * db);
            double ra = Math.exp(-alpha * h * (2 * da + h));
            double rb = Math.exp(-alpha * h * (2 * db + h));
            for (int m = start; m < end; m++) {
                double a = y[k0 + m] * ga;
                double b = y[mid + m] * gb;
                double dka = base + (k0 + m) * h;
                double dkb = base + (mid + m) * h;
                s0 += a;
                t0 += b;
                s1 += a * dka;
                t1 += b * dkb;
                s2 += a * dka * dka;
                t2 += b * dkb * dkb;
                ga *= ra;
                gb *= rb;
                ra *= rho;
                rb *= rho;
            }
        }
        for (int k = mid + half; k < k1; k++) {
            double d = base + k * h;
            double gg = y[k] * Math.exp(-alpha * d * d);
            s0 += gg;
            s1 += gg * d;
            s2 += gg * d * d;
        }
        sum0 = s0 + t0;
        sum1 = s1 + t1;
        sum2 = s2 + t2;
    }

    /**
     * Whether the recurrence ratio exp(−αh(2d + h)) stays representable over the window (it overflows for peaks much
     * narrower than a bin far from their centre).
     */
    private static boolean recurrenceSafe(int k0, int k1, double base, double h, double alpha) {
        double far = Math.max(Math.abs(base + k0 * h), Math.abs(base + k1 * h));
        return alpha * h * (2 * far + h) < RECURRENCE_EXPONENT_LIMIT;
    }

    /**
     * Interpolates every level onto the next finer one, from the coarsest down, adding to it. Coarse point b carries
     * the fine points i = 4(b − offset_coarse) + offset_fine + phase, phase 0..3; the interior loop (all four fine
     * points inside the finer grid) has no branches and the weights in locals.
     */
    private void prolongAll() {
        double[] w1 = weights[1];
        double[] w2 = weights[2];
        double[] w3 = weights[3];
        double a0 = w1[0], a1 = w1[1], a2 = w1[2], a3 = w1[3], a4 = w1[4], a5 = w1[5];
        double b0 = w2[0], b1 = w2[1], b2 = w2[2], b3 = w2[3], b4 = w2[4], b5 = w2[5];
        double e0 = w3[0], e1 = w3[1], e2 = w3[2], e3 = w3[3], e4 = w3[4], e5 = w3[5];
        for (int l = levels - 1; l > 0; l--) {
            double[] coarse = level[l];
            double[] fine = level[l - 1];
            int fineSize = size[l - 1];
            int shift = offset[l - 1] - RATIO * offset[l];
            int first = firstCoarse(l);
            int last = lastCoarse(l);
            int innerFirst = Math.max(first, Math.floorDiv(-shift + RATIO - 1, RATIO));
            int innerLast = Math.min(last, Math.floorDiv(fineSize - RATIO - shift, RATIO));
            for (int b = first; b <= last; b++) {
                if (b == innerFirst && innerFirst <= innerLast) {
                    for (; b <= innerLast; b++) {
                        int i = shift + RATIO * b;
                        double c0 = coarse[b - 2];
                        double c1 = coarse[b - 1];
                        double c2 = coarse[b];
                        double c3 = coarse[b + 1];
                        double c4 = coarse[b + 2];
                        double c5 = coarse[b + 3];
                        fine[i] += c2;
                        fine[i + 1] += a0 * c0 + a1 * c1 + a2 * c2 + a3 * c3 + a4 * c4 + a5 * c5;
                        fine[i + 2] += b0 * c0 + b1 * c1 + b2 * c2 + b3 * c3 + b4 * c4 + b5 * c5;
                        fine[i + 3] += e0 * c0 + e1 * c1 + e2 * c2 + e3 * c3 + e4 * c4 + e5 * c5;
                    }
                    if (b > last) {
                        break;
                    }
                }
                int i = shift + RATIO * b;
                for (int phase = 0; phase < RATIO; phase++) {
                    if (i + phase >= 0 && i + phase < fineSize) {
                        fine[i + phase] += interpolate(weights[phase], coarse[b - 2], coarse[b - 1], coarse[b],
                                coarse[b + 1], coarse[b + 2], coarse[b + 3]);
                    }
                }
            }
        }
    }

    /**
     * Level 0 onto the bins: a copy, or the 6-point interpolation at the phases q / baseRatio. Bin j = r·i + q (r the
     * base ratio) lies q/r of a base spacing after base point b = i + offset_0. One pass per phase, its weights in
     * locals (a loop over the phases inside the loop over the bins costs twice as much).
     */
    private void toBins(double[] out) {
        double[] base = level[0];
        int r = baseRatio;
        int o = offset[0];
        if (r == 1) {
            System.arraycopy(base, 0, out, 0, bins);
            return;
        }
        for (int i = 0, n = pointsOfPhase(0); i < n; i++) {
            out[r * i] = base[o + i];
        }
        for (int q = 1; q < r; q++) {
            double[] w = baseWeights[q];
            double w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3], w4 = w[4], w5 = w[5];
            for (int i = 0, n = pointsOfPhase(q); i < n; i++) {
                out[r * i + q] = w0 * base[o + i - 2] + w1 * base[o + i - 1] + w2 * base[o + i]
                        + w3 * base[o + i + 1] + w4 * base[o + i + 2] + w5 * base[o + i + 3];
            }
        }
    }

    /** The number of bins r·i + q at phase q of level 0 (r the base ratio): one loop counter indexes both grids. */
    private int pointsOfPhase(int q) {
        return (bins - q + baseRatio - 1) / baseRatio;
    }

    /** The transpose of {@link #toBins}: dL/dy on the bins carried to level 0, one pass per phase. */
    private void fromBins(double[] gradient) {
        double[] base = levelAdjoint[0];
        int r = baseRatio;
        int o = offset[0];
        if (r == 1) {
            System.arraycopy(gradient, 0, base, 0, bins);
            return;
        }
        Arrays.fill(base, 0);
        for (int i = 0, n = pointsOfPhase(0); i < n; i++) {
            base[o + i] = gradient[r * i];
        }
        for (int q = 1; q < r; q++) {
            double[] w = baseWeights[q];
            double w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3], w4 = w[4], w5 = w[5];
            for (int i = 0, n = pointsOfPhase(q); i < n; i++) {
                double g = gradient[r * i + q];
                base[o + i - 2] += w0 * g;
                base[o + i - 1] += w1 * g;
                base[o + i] += w2 * g;
                base[o + i + 1] += w3 * g;
                base[o + i + 2] += w4 * g;
                base[o + i + 3] += w5 * g;
            }
        }
    }

    /** The transpose of {@link #prolongAll}: carries the adjoint from level 0 up to every level. */
    private void restrictAll() {
        double[] w1 = weights[1];
        double[] w2 = weights[2];
        double[] w3 = weights[3];
        double a0 = w1[0], a1 = w1[1], a2 = w1[2], a3 = w1[3], a4 = w1[4], a5 = w1[5];
        double b0 = w2[0], b1 = w2[1], b2 = w2[2], b3 = w2[3], b4 = w2[4], b5 = w2[5];
        double e0 = w3[0], e1 = w3[1], e2 = w3[2], e3 = w3[3], e4 = w3[4], e5 = w3[5];
        for (int l = 1; l < levels; l++) {
            double[] coarse = levelAdjoint[l];
            double[] fine = levelAdjoint[l - 1];
            Arrays.fill(coarse, 0);
            int fineSize = size[l - 1];
            int shift = offset[l - 1] - RATIO * offset[l];
            int first = firstCoarse(l);
            int last = lastCoarse(l);
            for (int b = first; b <= last; b++) {
                int i = shift + RATIO * b;
                double g0;
                double g1;
                double g2;
                double g3;
                if (i >= 0 && i + 3 < fineSize) {
                    g0 = fine[i];
                    g1 = fine[i + 1];
                    g2 = fine[i + 2];
                    g3 = fine[i + 3];
                } else {
                    g0 = i >= 0 && i < fineSize ? fine[i] : 0;
                    g1 = i + 1 >= 0 && i + 1 < fineSize ? fine[i + 1] : 0;
                    g2 = i + 2 >= 0 && i + 2 < fineSize ? fine[i + 2] : 0;
                    g3 = i + 3 >= 0 && i + 3 < fineSize ? fine[i + 3] : 0;
                }
                coarse[b - 2] += a0 * g1 + b0 * g2 + e0 * g3;
                coarse[b - 1] += a1 * g1 + b1 * g2 + e1 * g3;
                coarse[b] += g0 + a2 * g1 + b2 * g2 + e2 * g3;
                coarse[b + 1] += a3 * g1 + b3 * g2 + e3 * g3;
                coarse[b + 2] += a4 * g1 + b4 * g2 + e4 * g3;
                coarse[b + 3] += a5 * g1 + b5 * g2 + e5 * g3;
            }
        }
    }

    private static double interpolate(double[] w, double c0, double c1, double c2, double c3, double c4, double c5) {
        return w[0] * c0 + w[1] * c1 + w[2] * c2 + w[3] * c3 + w[4] * c4 + w[5] * c5;
    }

    /** The first coarse point of level l that carries a point of level l − 1. */
    private int firstCoarse(int l) {
        return Math.floorDiv(-offset[l - 1], RATIO) + offset[l];
    }

    /** The last coarse point of level l that carries a point of level l − 1. */
    private int lastCoarse(int l) {
        return Math.floorDiv(size[l - 1] - 1 - offset[l - 1], RATIO) + offset[l];
    }
}
