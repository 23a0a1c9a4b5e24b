package org.pxrd.diffraction.preprocess;

import java.util.List;

import org.pxrd.model.Pattern;

/**
 * Preprocessing steps applied in order ({@link Preprocessors#pipeline}). A step that refuses its input or fails
 * (a broken plugin included) stops the pipeline with one line naming the step and the problem: no step is skipped
 * silently, and no partial result is returned.
 */
public final class PreprocessingPipeline {

    private final List<Preprocessors.ConfiguredStep> steps;

    PreprocessingPipeline(List<Preprocessors.ConfiguredStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The steps in order. */
    public List<Preprocessors.ConfiguredStep> steps() {
        return steps;
    }

    /**
     * The pattern after every step.
     *
     * @throws IllegalArgumentException naming the step (with its settings) and the problem (an invalid pattern a step
     *         makes, {@link org.pxrd.model.InvalidModelException}, included)
     */
    public Pattern apply(Pattern pattern) {
        Pattern p = pattern;
        for (Preprocessors.ConfiguredStep step : steps) {
            Pattern next;
            try {
                next = step.preprocessor().apply(p);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("preprocessing step " + step.describe() + ": " + e.getMessage(), e);
            } catch (RuntimeException | StackOverflowError e) {
                throw new IllegalArgumentException("preprocessing step " + step.describe() + " failed: "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
            }
            if (next == null || next.size() != p.size()) {
                throw new IllegalArgumentException("preprocessing step " + step.describe() + " returned "
                        + (next == null ? "no pattern" : next.size() + " points for " + p.size()));
            }
            p = next;
        }
        return p;
    }

    /** The steps as {@code id:key=value,...} joined by " | " (for headers and reports); "none" when empty. */
    public String describe() {
        return steps.isEmpty() ? "none"
                : String.join(" | ", steps.stream().map(Preprocessors.ConfiguredStep::describe).toList());
    }
}
