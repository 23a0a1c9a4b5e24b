package org.pxrd.diffraction.measured;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The agreement indices of a profile fit as Rietveld programs report them (R. A. Young, "Introduction to the Rietveld
 * method", in The Rietveld Method, IUCr/Oxford University Press 1993, ch. 1, Table 1.2; the same definitions as the
 * powder CIF items {@code _pd_proc_ls_prof_R_factor}, {@code _wR_factor}, {@code _wR_expected}). With observed
 * y_o,i, calculated y_c,i (background included), weights w_i = 1/σ_i² over the N points used and P refined
 * parameters:
 * <pre>
 *   R_p   = Σ |y_o − y_c| / Σ |y_o|
 *   R_wp  = [ Σ w (y_o − y_c)² / Σ w y_o² ]^½
 *   R_exp = [ (N − P) / Σ w y_o² ]^½
 *   χ²    = Σ w (y_o − y_c)² / (N − P) = (R_wp / R_exp)²,     GoF = S = χ = R_wp / R_exp
 * </pre>
 * (|y_o| equals Young's y_o for counts; it keeps R_p meaningful for background-subtracted data with negative
 * points.) R values are fractions (multiply by 100 for the per cent that programs print).
 *
 * <p>Number of parameters: P is every parameter the fit refined (scale, zero shift, profile, lattice, coordinates,
 * background coefficients ...), as FullProf's "N−P+C" with no constraints C; a background estimated before the fit
 * and held fixed counts for nothing. The caller states P.
 *
 * <p>With a background b_i known (estimated or refined), the "conventional" background-corrected indices that
 * FullProf prints beside them are also given (the denominators take y_o − b):
 * <pre>
 *   R_p,b   = Σ |y_o − y_c| / Σ |y_o − b|
 *   R_wp,b  = [ Σ w (y_o − y_c)² / Σ w (y_o − b)² ]^½
 *   R_exp,b = [ (N − P) / Σ w (y_o − b)² ]^½
 * </pre>
 * R_wp,b and R_exp,b agree with FullProf 8.10's .sum file on the RbNb2O5F data (tested); its conventional R_p
 * uses another numerator (see the test), so R_p,b is ours only.
 *
 * @param points N
 * @param parameters P
 * @param rp R_p
 * @param rwp R_wp
 * @param rexp R_exp
 * @param chi2 χ²
 * @param rpBackground R_p,b (NaN without a background)
 * @param rwpBackground R_wp,b (NaN without a background)
 * @param rexpBackground R_exp,b (NaN without a background)
 */
public record AgreementStatistics(int points, int parameters, double rp, double rwp, double rexp, double chi2,
        double rpBackground, double rwpBackground, double rexpBackground) {

    /**
     * The indices of a fit.
     *
     * @param observed y_o
     * @param calculated y_c (background included)
     * @param weights w = 1/σ², positive
     * @param background b, or null
     * @param parameters P, 0 ≤ P &lt; N
     * @throws IllegalArgumentException for arrays of different lengths, P ≥ N, non-positive weights or nothing
     *         observed (Σ w y_o² = 0)
     */
    public static AgreementStatistics of(double[] observed, double[] calculated, double[] weights,
            double[] background, int parameters) {
        int n = observed.length;
        if (calculated.length != n || weights.length != n || (background != null && background.length != n)) {
            throw new IllegalArgumentException("observed, calculated, weights" + (background == null ? "" : ", "
                    + "background") + " must have the same length, got " + n + ", " + calculated.length + ", "
                    + weights.length + (background == null ? "" : ", " + background.length));
        }
        if (parameters < 0 || parameters >= n) {
            throw new IllegalArgumentException("the number of refined parameters P = " + parameters
                    + " must lie in [0, N) with N = " + n + " points");
        }
        double absResidual = 0;
        double absObserved = 0;
        double absNet = 0;
        double weightedResidual = 0;
        double weightedObserved = 0;
        double weightedNet = 0;
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            if (!(w > 0 && Double.isFinite(w))) {
                throw new IllegalArgumentException("weight " + w + " at point " + (i + 1) + " must be positive");
            }
            double d = observed[i] - calculated[i];
            absResidual += Math.abs(d);
            absObserved += Math.abs(observed[i]);
            weightedResidual += w * d * d;
            weightedObserved += w * observed[i] * observed[i];
            if (background != null) {
                double net = observed[i] - background[i];
                absNet += Math.abs(net);
                weightedNet += w * net * net;
            }
        }
        if (!(weightedObserved > 0)) {
            throw new IllegalArgumentException("nothing observed: every observed intensity is 0");
        }
        int dof = n - parameters;
        double rwp = Math.sqrt(weightedResidual / weightedObserved);
        double rexp = Math.sqrt(dof / weightedObserved);
        double chi2 = weightedResidual / dof;
        double rpb = Double.NaN;
        double rwpb = Double.NaN;
        double rexpb = Double.NaN;
        if (background != null && weightedNet > 0) {
            rpb = absResidual / absNet;
            rwpb = Math.sqrt(weightedResidual / weightedNet);
            rexpb = Math.sqrt(dof / weightedNet);
        }
        return new AgreementStatistics(n, parameters, absResidual / absObserved, rwp, rexp, chi2, rpb, rwpb, rexpb);
    }

    /** GoF = S = √χ² = R_wp/R_exp. */
    public double gof() {
        return Math.sqrt(chi2);
    }

    /** Whether the background-corrected indices are given. */
    public boolean hasBackground() {
        return !Double.isNaN(rwpBackground);
    }

    /** The indices by name (R values as fractions), for JSON lines and reports. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", points);
        m.put("parameters", parameters);
        m.put("rp", rp);
        m.put("rwp", rwp);
        m.put("rexp", rexp);
        m.put("chi2", chi2);
        m.put("gof", gof());
        if (hasBackground()) {
            m.put("rp_background", rpBackground);
            m.put("rwp_background", rwpBackground);
            m.put("rexp_background", rexpBackground);
        }
        return m;
    }

    /** One line in per cent as programs print it, e.g. {@code Rp=1.76% Rwp=2.74% Rexp=0.85% chi2=10.4 GoF=3.22}. */
    public String describe() {
        String s = String.format(Locale.ROOT, "Rp=%.2f%% Rwp=%.2f%% Rexp=%.2f%% chi2=%.4g GoF=%.3f (N=%d, P=%d)",
                100 * rp, 100 * rwp, 100 * rexp, chi2, gof(), points, parameters);
        if (hasBackground()) {
            s += String.format(Locale.ROOT, "; background-corrected Rp=%.2f%% Rwp=%.2f%% Rexp=%.2f%%", 100 * rpBackground,
                    100 * rwpBackground, 100 * rexpBackground);
        }
        return s;
    }
}
