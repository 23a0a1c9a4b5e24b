package org.pxrd.optimization.refine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.pxrd.diffraction.InstrumentParameter;
import org.pxrd.diffraction.InstrumentParameters;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.PatternScaling;
import org.pxrd.diffraction.ProfileParameters;
import org.pxrd.diffraction.XrdGradient;
import org.pxrd.diffraction.XrdSession;
import org.pxrd.diffraction.XrdSimulator;
import org.pxrd.diffraction.measured.MeasuredTarget;
import org.pxrd.losses.PreparedLoss;
import org.pxrd.model.InvalidModelException;
import org.pxrd.model.Lattice;
import org.pxrd.model.Structure;
import org.pxrd.optimization.potentials.Potential;
import org.pxrd.optimization.potentials.PotentialResult;
import org.pxrd.optimization.run.EvaluationException;

/**
 * The objective of one refinement on the full parameter vector ({@link ParameterLayout}):
 * <pre>
 *   f(θ) = s · L(y(θ), t) + λ · E(θ)/N
 * </pre>
 * with y(θ) the simulated pattern (resampled onto the target's points when the target is a pattern), t the target
 * pattern, L the loss and s = ±1 its sign (+1 when lower is better), and the optional energy term. The gradient is
 * the simulator's adjoint of s·∂L/∂y plus λ/N times {@link EnergyGradient}. The instrument block of θ
 * ({@link ParameterLayout#instrument()}) is set on the session through {@code InstrumentParameters.apply}, and its
 * derivatives are read from the simulator's gradient by {@code InstrumentParameters.gradient}.
 *
 * <p>Against a measured pattern ({@link MeasuredTarget}) the calculated pattern at its points is
 * <pre>
 *   y_c = k·s + b,   s = P·y_sim(θ)   (raw intensities, scale 1 in the session when k is solved)
 * </pre>
 * with the fixed background b and, when the scale is selected ({@link ParameterLayout#solvesScale()}), the weighted
 * least-squares scale k(s) = Σ w s (y_o − b) / Σ w s² (variable projection: the optimizer never sees k). The loss
 * is the Rietveld residual L = Σ w (y_o − y_c)² / Σ w y_o² = R_wp² ({@link RefinementOptions#RESIDUAL}) or a loss
 * of the registry applied to (y_c, y_o); with g = ∂L/∂y_c the exact derivative through the solved scale is
 * <pre>
 *   ∂L/∂s_i = k g_i + (Σ_j g_j s_j) ∂k/∂s_i,   ∂k/∂s_i = (w_i (y_o,i − b_i) − 2 k w_i s_i) / Σ w s²
 * </pre>
 * (for the residual Σ g s = 0 at the solved k, the envelope theorem); a k clamped at 0 has no derivative.
 *
 * <p>A point outside the domain gives NaN and {@link #problem()} says why: a non-finite parameter, a lattice
 * length that left [start/{@value #DIVERGENCE_FACTOR}, start·{@value #DIVERGENCE_FACTOR}] (divergence), a cell that
 * cannot exist, a profile without positive widths, a loss or gradient that is not finite. A potential that fails
 * throws. One instance belongs to one run (one thread); evaluations allocate nothing unless an energy term is on.
 */
final class Objective {

    /**
     * A lattice length more than this factor away from its start means the refinement diverged: far beyond any
     * distortion a refinement corrects (the study's largest noise changes lengths by about 20%), and before the
     * number of reflections of a runaway cell grows without bound.
     */
    static final double DIVERGENCE_FACTOR = 2;

    private static final String[] LATTICE_NAMES = {"a", "b", "c", "alpha", "beta", "gamma"};

    private final ParameterLayout layout;
    private final List<String> names;
    private final XrdSimulator simulator;
    private final Structure reference;
    private final InstrumentSettings instrument;
    private final XrdSession targetSession;
    private XrdSession session;
    private final PreparedLoss loss;
    private final double sign;
    private final double[] target;
    private final Resampling resampling;
    private final double[] sim;
    private final double[] simOnTarget;
    private final double[] dLossOnTarget;
    private final double[] dLossDSim;
    private final XrdGradient xrd;
    private final double[] lattice = new double[6];
    private final double[] coordinates;
    /** What the session was last given: a group that did not change is not set again (it would be recomputed). */
    private final double[] sessionLattice = new double[6];
    private final double[] sessionCoordinates;
    private boolean sessionSet;
    private final double[] latticeStart;
    private final Potential potential;
    private final double lambda;
    private final double[] energyLattice = new double[6];
    private final double[] energyCoordinates;
    private final InstrumentParameters block;
    private final double[] blockValues;
    private final double[] blockGradient;
    private final int scaleIndex;
    private InstrumentSettings current;
    private final MeasuredTarget measured;
    private final double[] shape;
    private final double[] calculated;
    private final double[] weights;
    private final double[] net;
    private final double observedNorm;
    private double scale = Double.NaN;

    private String problem;
    private double xrdLoss = Double.NaN;
    private double energyPerAtom = Double.NaN;

    /**
     * @param reference the start structure (its sites: species, occupancies, displacement parameters)
     * @param instrument the instrument of the simulation (its grid is the resampling's)
     * @param targetSession a session of the target structure (re-simulated when annealing), or null for a pattern
     * @param target the target pattern at the loss's points (filled here for a structure target)
     * @param potential the energy potential, or null
     * @param lambda the energy weight λ
     */
    Objective(ParameterLayout layout, XrdSimulator simulator, Structure reference, InstrumentSettings instrument,
            XrdSession targetSession, double[] target, Resampling resampling, PreparedLoss loss, double sign,
            Potential potential, double lambda) {
        this(layout, simulator, reference, instrument, targetSession, target, resampling, null, loss, sign, potential,
                lambda);
    }

    /**
     * Against a measured pattern.
     *
     * @param instrument the instrument; its grid and scaling are replaced by the target's grid and raw intensities
     * @param loss the loss on (y_c, y_o), or null for the Rietveld residual
     */
    Objective(ParameterLayout layout, XrdSimulator simulator, Structure reference, InstrumentSettings instrument,
            MeasuredTarget measured, PreparedLoss loss, double sign, Potential potential, double lambda) {
        this(layout, simulator, reference, instrument.withGrid(measured.simulationGrid())
                .withScaling(PatternScaling.RAW), null, measured.observed(), null, measured, loss, sign, potential,
                lambda);
    }

    private Objective(ParameterLayout layout, XrdSimulator simulator, Structure reference,
            InstrumentSettings instrument, XrdSession targetSession, double[] target, Resampling resampling,
            MeasuredTarget measured, PreparedLoss loss, double sign, Potential potential, double lambda) {
        this.layout = layout;
        this.names = layout.names();
        this.simulator = simulator;
        this.reference = reference;
        this.block = layout.instrument();
        this.scaleIndex = layout.solvesScale() ? block.parameters().indexOf(InstrumentParameter.SCALE) : -1;
        InstrumentSettings start = scaleIndex >= 0 ? instrument.withScale(1) : instrument;
        this.instrument = start;
        this.current = start;
        this.blockValues = block.values(start);
        this.blockGradient = new double[block.size()];
        this.targetSession = targetSession;
        this.session = simulator.open(reference, start);
        this.loss = loss;
        this.sign = sign;
        this.target = target;
        this.measured = measured;
        this.resampling = measured != null ? Resampling.identity(start.grid()) : resampling;
        this.sim = new double[session.patternSize()];
        if (measured != null) {
            int n = measured.size();
            this.shape = new double[n];
            this.calculated = new double[n];
            this.weights = measured.weights();
            this.net = measured.observed();
            double[] b = measured.background();
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += weights[i] * net[i] * net[i];
                net[i] -= b == null ? 0 : b[i];
            }
            this.observedNorm = norm;
            this.simOnTarget = calculated;
            this.dLossOnTarget = new double[n];
            this.dLossDSim = new double[sim.length];
        } else {
            if (scaleIndex >= 0) {
                throw new IllegalArgumentException("the scale factor is solved against a measured target only (the "
                        + "study's patterns are normalised to a maximum of 1)");
            }
            this.shape = null;
            this.calculated = null;
            this.weights = null;
            this.net = null;
            this.observedNorm = Double.NaN;
            this.simOnTarget = this.resampling.isIdentity() ? sim : new double[target.length];
            this.dLossOnTarget = new double[target.length];
            this.dLossDSim = this.resampling.isIdentity() ? dLossOnTarget : new double[sim.length];
        }
        this.xrd = new XrdGradient(reference.size());
        this.coordinates = new double[3 * reference.size()];
        this.sessionCoordinates = new double[3 * reference.size()];
        this.energyCoordinates = new double[3 * reference.size()];
        this.latticeStart = reference.lattice().parameters();
        this.potential = potential;
        this.lambda = lambda;
        if (targetSession != null) {
            targetSession.setProfile(start.profile());
            targetSession.computePattern(target);
        }
    }

    /**
     * Sets the Caglioti W of the simulation (and of the target structure's pattern) for an annealing stage. A
     * narrower profile gets a fresh session, planned for its widths.
     *
     * @throws IllegalArgumentException when the profile gives no positive width
     */
    void setCagliotiW(double w) {
        ProfileParameters old = current.profile();
        ProfileParameters p = new ProfileParameters(old.u(), old.v(), w, old.eta(), old.zeroShift());
        InstrumentSettings stage = current.withProfile(p);
        if (w < old.w()) {
            session = simulator.open(reference, stage);
            sessionSet = false;
        } else {
            session.setInstrument(stage);
        }
        if (targetSession != null) {
            targetSession.setProfile(p);
            targetSession.computePattern(target);
        }
        current = stage;
        System.arraycopy(block.values(stage), 0, blockValues, 0, blockValues.length);
    }

    /** The Caglioti W of the simulation now (deg²). */
    double cagliotiW() {
        return current.profile().w();
    }

    /** The profile of the simulation now. */
    ProfileParameters profile() {
        return current.profile();
    }

    /**
     * The instrument of the last valid evaluation (on the simulation grid), with the solved scale factor when the
     * scale is solved.
     */
    InstrumentSettings instrument() {
        return scaleIndex >= 0 && Double.isFinite(scale) ? current.withScale(scale) : current;
    }

    /**
     * The instrument at the full vector θ, with the scale factor solved there: θ is evaluated again when the scale is
     * solved (the last evaluation may have been a rejected trial); the last valid instrument when θ is invalid.
     */
    InstrumentSettings instrumentAt(double[] theta) {
        InstrumentSettings valid = instrument();
        if (scaleIndex < 0) {
            try {
                double[] values = blockValues.clone();
                for (int i = 0; i < values.length; i++) {
                    if (layout.isFree(layout.structureSize() + i)) {
                        values[i] = theta[layout.structureSize() + i];
                    }
                }
                return block.apply(current, values);
            } catch (IllegalArgumentException e) {
                return valid;
            }
        }
        try {
            if (Double.isFinite(evaluate(theta, new double[theta.length]))) {
                return instrument();
            }
        } catch (EvaluationException e) {
            return valid;
        }
        return valid;
    }

    /** Why the last evaluation gave NaN (null when it did not). */
    String problem() {
        return problem;
    }

    /** The loss L of the last evaluation, in the loss's own units and sign. */
    double xrdLoss() {
        return xrdLoss;
    }

    /** E/N of the last evaluation in eV/atom (NaN without an energy term). */
    double energyPerAtom() {
        return energyPerAtom;
    }

    /**
     * f and ∇f at the full vector θ; the gradient is written into {@code gradient} (every entry).
     *
     * @return f(θ), or NaN outside the domain ({@link #problem()} says why)
     * @throws EvaluationException when the energy potential fails
     */
    double evaluate(double[] theta, double[] gradient) throws EvaluationException {
        problem = null;
        xrdLoss = Double.NaN;
        energyPerAtom = Double.NaN;
        for (int i = 0; i < theta.length; i++) {
            if (!Double.isFinite(theta[i])) {
                return outside("parameter " + names.get(i) + " became " + theta[i]);
            }
        }
        for (int i = 0; i < 3; i++) {
            double ratio = theta[i] / latticeStart[i];
            if (!(ratio < DIVERGENCE_FACTOR && ratio > 1 / DIVERGENCE_FACTOR)) {
                return outside(String.format(Locale.ROOT, "diverged: lattice length %s went from %.6g to %.6g Å "
                        + "(more than a factor %s)", LATTICE_NAMES[i], latticeStart[i], theta[i],
                        fmt(DIVERGENCE_FACTOR)));
            }
        }
        System.arraycopy(theta, 0, lattice, 0, 6);
        if (!sessionSet || !Arrays.equals(lattice, sessionLattice)) {
            try {
                session.setLatticeParameters(lattice);
            } catch (InvalidModelException e) {
                sessionSet = false;
                return outside("the cell became impossible: " + e.getMessage());
            }
            System.arraycopy(lattice, 0, sessionLattice, 0, 6);
        }
        System.arraycopy(theta, layout.offset(ParameterGroup.COORDINATES), coordinates, 0, coordinates.length);
        if (!sessionSet || !Arrays.equals(coordinates, sessionCoordinates)) {
            session.setFractionalCoordinates(coordinates);
            System.arraycopy(coordinates, 0, sessionCoordinates, 0, coordinates.length);
        }
        sessionSet = true;
        if (!setInstrument(theta)) {
            return Double.NaN;
        }
        session.computePattern(sim);
        double value;
        if (measured != null) {
            value = measuredLoss();
            if (Double.isNaN(value)) {
                return Double.NaN;
            }
        } else {
            if (!resampling.isIdentity()) {
                resampling.forward(sim, simOnTarget);
            }
            try {
                value = loss.valueAndGradient(simOnTarget, target, dLossOnTarget);
            } catch (IllegalArgumentException | IllegalStateException e) {
                return outside("the loss cannot be evaluated: " + e.getMessage());
            }
            if (!resampling.isIdentity()) {
                resampling.adjoint(dLossOnTarget, dLossDSim);
            }
        }
        xrdLoss = value;
        session.computeGradient(dLossDSim, xrd);
        Arrays.fill(gradient, 0);
        for (int i = 0; i < 6; i++) {
            gradient[i] = sign * xrd.lattice[i];
        }
        int c = layout.offset(ParameterGroup.COORDINATES);
        for (int i = 0; i < coordinates.length; i++) {
            gradient[c + i] = sign * xrd.coordinates[i];
        }
        block.gradient(xrd, blockGradient);
        int p = layout.structureSize();
        for (int i = 0; i < blockGradient.length; i++) {
            gradient[p + i] = i == scaleIndex ? 0 : sign * blockGradient[i];
        }
        double f = sign * value;
        if (potential != null) {
            f += energy(gradient);
        }
        if (!Double.isFinite(f)) {
            return outside("the objective became " + f);
        }
        for (int i = 0; i < gradient.length; i++) {
            if (!Double.isFinite(gradient[i])) {
                return outside("the gradient with respect to " + names.get(i) + " became " + gradient[i]);
            }
        }
        return f;
    }

    /**
     * Sets the free entries of θ's instrument block on the session when they changed (the others keep the session's
     * values: the instrument's, an annealing stage's W, the solved scale's 1); false (with the problem) when the
     * settings refuse them.
     */
    private boolean setInstrument(double[] theta) {
        int o = layout.structureSize();
        boolean changed = false;
        for (int i = 0; i < blockValues.length; i++) {
            changed |= layout.isFree(o + i) && theta[o + i] != blockValues[i];
        }
        if (!changed) {
            return true;
        }
        double[] values = blockValues.clone();
        for (int i = 0; i < values.length; i++) {
            if (layout.isFree(o + i)) {
                values[i] = theta[o + i];
            }
        }
        try {
            InstrumentSettings updated = block.apply(current, values);
            session.setInstrument(updated);
            current = updated;
            System.arraycopy(values, 0, blockValues, 0, values.length);
            return true;
        } catch (IllegalArgumentException e) {
            outside("the instrument became invalid: " + e.getMessage());
            return false;
        }
    }

    /**
     * The loss against the measured target at the pattern just computed, with dL/d(simulated) in dLossDSim (see the
     * class comment); NaN (with the problem) when it cannot be evaluated.
     */
    private double measuredLoss() {
        measured.grid().project(sim, shape);
        double k = 1;
        double shapeNorm = 0;
        if (scaleIndex >= 0) {
            double num = 0;
            for (int i = 0; i < shape.length; i++) {
                num += weights[i] * shape[i] * net[i];
                shapeNorm += weights[i] * shape[i] * shape[i];
            }
            if (!(shapeNorm > 0)) {
                return outside("the calculated pattern is 0 on the measured points: no scale factor fits");
            }
            k = Math.max(0, num / shapeNorm);
            scale = k;
        }
        double value;
        if (loss == null) {
            double sum = 0;
            for (int i = 0; i < shape.length; i++) {
                calculated[i] = k * shape[i];
                double d = net[i] - calculated[i];
                sum += weights[i] * d * d;
                dLossOnTarget[i] = -2 * weights[i] * d / observedNorm;
            }
            value = sum / observedNorm;
        } else {
            for (int i = 0; i < shape.length; i++) {
                calculated[i] = k * shape[i];
            }
            double[] b = measured.background();
            if (b != null) {
                for (int i = 0; i < shape.length; i++) {
                    calculated[i] += b[i];
                }
            }
            try {
                value = loss.valueAndGradient(calculated, target, dLossOnTarget);
            } catch (IllegalArgumentException | IllegalStateException e) {
                return outside("the loss cannot be evaluated: " + e.getMessage());
            }
        }
        double gs = 0;
        if (scaleIndex >= 0 && k > 0) {
            for (int i = 0; i < shape.length; i++) {
                gs += dLossOnTarget[i] * shape[i];
            }
        }
        for (int i = 0; i < shape.length; i++) {
            double dk = gs == 0 ? 0 : (weights[i] * net[i] - 2 * k * weights[i] * shape[i]) / shapeNorm;
            dLossOnTarget[i] = k * dLossOnTarget[i] + gs * dk;
        }
        measured.adjoint(dLossOnTarget, dLossDSim);
        return value;
    }

    /** λ·E/N, with λ/N·∇E added to the gradient. */
    private double energy(double[] gradient) throws EvaluationException {
        int n = reference.size();
        double[][] frac = new double[n][3];
        for (int i = 0; i < n; i++) {
            System.arraycopy(coordinates, 3 * i, frac[i], 0, 3);
        }
        Structure structure = reference.withLattice(Lattice.fromParameters(lattice)).withFracCoords(frac);
        PotentialResult result = Potential.computeChecked(potential, structure);
        energyPerAtom = result.energy() / n;
        Arrays.fill(energyLattice, 0);
        Arrays.fill(energyCoordinates, 0);
        EnergyGradient.add(result, structure.lattice(), lambda / n, energyLattice, energyCoordinates);
        for (int i = 0; i < 6; i++) {
            gradient[i] += energyLattice[i];
        }
        int c = layout.offset(ParameterGroup.COORDINATES);
        for (int i = 0; i < energyCoordinates.length; i++) {
            gradient[c + i] += energyCoordinates[i];
        }
        return lambda * energyPerAtom;
    }

    private double outside(String why) {
        problem = why;
        return Double.NaN;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
