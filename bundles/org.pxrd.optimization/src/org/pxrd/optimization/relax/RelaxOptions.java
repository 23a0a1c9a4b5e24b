package org.pxrd.optimization.relax;

import java.util.Locale;

/**
 * How to relax.
 *
 * @param optimizer the step rule
 * @param fmax stop when every generalised force is below this (eV/Å; the study uses 0.02)
 * @param maxSteps stop after this many steps
 * @param relaxCell whether the cell relaxes with the atoms
 * @param maxStep the largest move of an atom (Å) or a cell row per step
 */
public record RelaxOptions(Optimizer optimizer, double fmax, int maxSteps, boolean relaxCell, double maxStep) {

    /** The study's force threshold in eV/Å. */
    public static final double STUDY_FMAX = 0.02;
    /** Default step budget. */
    public static final int DEFAULT_MAX_STEPS = 500;
    /** Default largest move per step in Å (ASE's default too). */
    public static final double DEFAULT_MAX_STEP = 0.2;

    /** The step rules of a relaxation. */
    public enum Optimizer {
        /** {@link Fire}. */
        FIRE,
        /** {@link Bfgs}. */
        BFGS;

        /** A fresh minimiser for one run. */
        public Minimizer create(double maxStep) {
            return this == FIRE ? new Fire(maxStep) : new Bfgs(maxStep);
        }

        /** Parses {@code fire} or {@code bfgs} (any case). */
        public static Optimizer parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "fire" -> FIRE;
                case "bfgs" -> BFGS;
                default -> throw new IllegalArgumentException("unknown optimizer '" + text + "' (expected fire or bfgs)");
            };
        }
    }

    /**
     * @throws IllegalArgumentException for a non-positive fmax or max step, or a negative step budget
     */
    public RelaxOptions {
        if (optimizer == null) {
            throw new IllegalArgumentException("no optimizer given");
        }
        if (!(fmax > 0 && Double.isFinite(fmax))) {
            throw new IllegalArgumentException("fmax must be a positive number of eV/Å, got " + fmax);
        }
        if (maxSteps < 0) {
            throw new IllegalArgumentException("max steps must not be negative, got " + maxSteps);
        }
        if (!(maxStep > 0 && Double.isFinite(maxStep))) {
            throw new IllegalArgumentException("max step must be a positive number of Å, got " + maxStep);
        }
    }

    /** The study's settings: FIRE, fmax 0.02 eV/Å, cell relaxed. */
    public static RelaxOptions defaults() {
        return new RelaxOptions(Optimizer.FIRE, STUDY_FMAX, DEFAULT_MAX_STEPS, true, DEFAULT_MAX_STEP);
    }

    public RelaxOptions withOptimizer(Optimizer newOptimizer) {
        return new RelaxOptions(newOptimizer, fmax, maxSteps, relaxCell, maxStep);
    }

    public RelaxOptions withFmax(double newFmax) {
        return new RelaxOptions(optimizer, newFmax, maxSteps, relaxCell, maxStep);
    }

    public RelaxOptions withMaxSteps(int newMaxSteps) {
        return new RelaxOptions(optimizer, fmax, newMaxSteps, relaxCell, maxStep);
    }

    public RelaxOptions withRelaxCell(boolean newRelaxCell) {
        return new RelaxOptions(optimizer, fmax, maxSteps, newRelaxCell, maxStep);
    }
}
