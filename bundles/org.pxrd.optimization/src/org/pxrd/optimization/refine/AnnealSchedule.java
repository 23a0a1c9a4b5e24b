package org.pxrd.optimization.refine;

/**
 * Annealed broadening, beyond the study: the study traces the roughness of the loss landscape to sharp peaks that
 * overlap by accident, so the refinement starts with wide peaks (a large Caglioti W) and narrows them to the
 * instrument's W in stages. Stage k = 0, 1, ..., S − 1 lasts ⌊{@code steps}/S⌋ steps (the last one up to step {@code steps}) with
 * <pre>
 *   W_k = W_start · (W_end / W_start)^(k/S)      (geometric: each stage narrows H² at 2θ = 0 by the same factor)
 * </pre>
 * and the refinement then continues at W_end, the instrument's W, until the stop rule ends it (the stop rule is only
 * checked in that last stage). When the target is a structure its pattern is simulated at the same W_k, so every
 * stage has its minimum at the truth; a measured target pattern cannot be broadened and is compared as it is.
 * The optimizer's state (momentum, moments, curvature pairs) starts afresh with each stage, since the objective
 * changes.
 *
 * @param startW W of the first stage in deg² (larger than the instrument's W)
 * @param steps the number of steps of the broadened stages together, ≥ stages
 * @param stages the number of broadened stages S, ≥ 1
 */
public record AnnealSchedule(double startW, int steps, int stages) {

    /** Steps of the broadened stages when {@link #parse} is not told. */
    public static final int DEFAULT_STEPS = 3000;
    /** Broadened stages when {@link #parse} is not told. */
    public static final int DEFAULT_STAGES = 5;

    /**
     * @throws IllegalArgumentException for a W that is not positive and finite, fewer than one stage, or fewer
     *         steps than stages
     */
    public AnnealSchedule {
        if (!(startW > 0 && Double.isFinite(startW))) {
            throw new IllegalArgumentException("the starting Caglioti W of annealing must be a positive number of "
                    + "deg², got " + startW);
        }
        if (stages < 1) {
            throw new IllegalArgumentException("annealing needs at least one stage, got " + stages);
        }
        if (steps < stages) {
            throw new IllegalArgumentException("annealing needs at least one step per stage, got " + steps
                    + " steps for " + stages + " stages");
        }
    }

    /**
     * Parses {@code W0[:STEPS[:STAGES]]}, e.g. {@code 1.0:3000:5}; the defaults are 3000 steps and 5 stages.
     *
     * @throws IllegalArgumentException naming the text and the problem
     */
    public static AnnealSchedule parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split(":", -1);
        if (parts.length < 1 || parts.length > 3 || parts[0].isBlank()) {
            throw new IllegalArgumentException("annealing '" + text + "' must be W0[:STEPS[:STAGES]], e.g. 1.0:3000:5");
        }
        try {
            double w = Double.parseDouble(parts[0].trim());
            int steps = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : DEFAULT_STEPS;
            int stages = parts.length > 2 ? Integer.parseInt(parts[2].trim()) : DEFAULT_STAGES;
            return new AnnealSchedule(w, steps, stages);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("annealing '" + text + "' must be W0[:STEPS[:STAGES]] with numbers, "
                    + "e.g. 1.0:3000:5");
        }
    }

    /** The stage of a step: 0 .. S − 1 while broadened, S from step {@link #steps()} on. */
    public int stage(int step) {
        return step >= steps ? stages : Math.min(stages - 1, step / (steps / stages));
    }

    /** W of stage k (deg²) given the instrument's W; stage S and later is the instrument's. */
    public double w(int k, double endW) {
        if (k >= stages) {
            return endW;
        }
        return startW * Math.pow(endW / startW, (double) k / stages);
    }
}
