package org.pxrd.optimization.refine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.ProfileParameters;
import org.pxrd.diffraction.XrdGradient;
import org.pxrd.diffraction.XrdSession;
import org.pxrd.diffraction.XrdSimulator;
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
 * with y(θ) the simulated pattern (resampled onto the target's points when the target is a measured pattern),
 * t the target pattern, L the loss and s = ±1 its sign (+1 when lower is better), and the optional energy term.
 * The gradient is the simulator's adjoint of s·∂L/∂y plus λ/N times {@link EnergyGradient}.
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
    private ProfileParameters profile;

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
        this.layout = layout;
        this.names = layout.names();
        this.simulator = simulator;
        this.reference = reference;
        this.instrument = instrument;
        this.targetSession = targetSession;
        this.session = simulator.open(reference, instrument);
        this.profile = instrument.profile();
        this.loss = loss;
        this.sign = sign;
        this.target = target;
        this.resampling = resampling;
        this.sim = new double[session.patternSize()];
        this.simOnTarget = resampling.isIdentity() ? sim : new double[target.length];
        this.dLossOnTarget = new double[target.length];
        this.dLossDSim = resampling.isIdentity() ? dLossOnTarget : new double[sim.length];
        this.xrd = new XrdGradient(reference.size());
        this.coordinates = new double[3 * reference.size()];
        this.sessionCoordinates = new double[3 * reference.size()];
        this.energyCoordinates = new double[3 * reference.size()];
        this.latticeStart = reference.lattice().parameters();
        this.potential = potential;
        this.lambda = lambda;
        if (targetSession != null) {
            targetSession.setProfile(profile);
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
        ProfileParameters p = new ProfileParameters(profile.u(), profile.v(), w, profile.eta(), profile.zeroShift());
        InstrumentSettings stage = instrument.withProfile(p);
        if (w < profile.w()) {
            session = simulator.open(reference, stage);
            sessionSet = false;
        } else {
            session.setProfile(p);
        }
        if (targetSession != null) {
            targetSession.setProfile(p);
            targetSession.computePattern(target);
        }
        profile = p;
    }

    /** The Caglioti W of the simulation now (deg²). */
    double cagliotiW() {
        return profile.w();
    }

    /** The profile of the simulation now. */
    ProfileParameters profile() {
        return profile;
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
        if (layout.isRefined(ParameterGroup.PROFILE) && !setProfile(theta)) {
            return Double.NaN;
        }
        session.computePattern(sim);
        if (!resampling.isIdentity()) {
            resampling.forward(sim, simOnTarget);
        }
        double value;
        try {
            value = loss.valueAndGradient(simOnTarget, target, dLossOnTarget);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return outside("the loss cannot be evaluated: " + e.getMessage());
        }
        xrdLoss = value;
        if (!resampling.isIdentity()) {
            resampling.adjoint(dLossOnTarget, dLossDSim);
        }
        session.computeGradient(dLossDSim, xrd);
        Arrays.fill(gradient, 0);
        for (int i = 0; i < 6; i++) {
            gradient[i] = sign * xrd.lattice[i];
        }
        int c = layout.offset(ParameterGroup.COORDINATES);
        for (int i = 0; i < coordinates.length; i++) {
            gradient[c + i] = sign * xrd.coordinates[i];
        }
        int p = layout.offset(ParameterGroup.PROFILE);
        for (int i = 0; i < ProfileParameters.COUNT; i++) {
            gradient[p + i] = sign * xrd.profile[i];
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

    /** Sets the refined profile from θ; false (with the problem) when it is not a valid profile. */
    private boolean setProfile(double[] theta) {
        int o = layout.offset(ParameterGroup.PROFILE);
        if (theta[o] == profile.u() && theta[o + 1] == profile.v() && theta[o + 2] == profile.w()
                && theta[o + 3] == profile.eta() && theta[o + 4] == profile.zeroShift()) {
            return true;
        }
        try {
            ProfileParameters p = new ProfileParameters(theta[o], theta[o + 1], theta[o + 2], theta[o + 3],
                    theta[o + 4]);
            session.setProfile(p);
            profile = p;
            return true;
        } catch (IllegalArgumentException e) {
            outside("the profile became invalid: " + e.getMessage());
            return false;
        }
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
