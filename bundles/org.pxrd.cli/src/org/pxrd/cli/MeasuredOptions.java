package org.pxrd.cli;

import java.util.List;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.diffraction.measured.Weighting;
import org.pxrd.diffraction.preprocess.BackgroundEstimator;
import org.pxrd.diffraction.preprocess.PreprocessingPipeline;
import org.pxrd.diffraction.preprocess.Preprocessors;
import org.pxrd.model.Pattern;

/**
 * What the commands that read measured patterns share: preprocessing pipelines and background estimators from
 * {@code org.pxrd.diffraction.preprocessors} and weights, each turned into a one-line {@link CliException} on bad input.
 */
final class MeasuredOptions {

    private MeasuredOptions() {
    }

    /** The pipeline of the steps {@code id[:key=value,...]}. */
    static PreprocessingPipeline pipeline(CliContext context, List<String> steps) {
        try {
            return new Preprocessors(context.extensions()).pipeline(steps);
        } catch (ContributionException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** The background estimator of a step {@code id[:key=value,...]}. */
    static BackgroundEstimator background(CliContext context, String step) {
        try {
            return new Preprocessors(context.extensions()).background(step);
        } catch (ContributionException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** A pipeline applied to a pattern; a step that fails ends the command naming the file and the step. */
    static Pattern apply(PreprocessingPipeline pipeline, Pattern pattern, Object file) {
        try {
            return pipeline.apply(pattern);
        } catch (IllegalArgumentException e) {
            throw new CliException(file + ": " + e.getMessage(), e);
        }
    }

    /** The weighting scheme named by the user. */
    static Weighting weighting(String text) {
        try {
            return Weighting.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException("--weights: " + e.getMessage(), e);
        }
    }

    /** The pattern with the scheme's σ; a scheme the file cannot serve ends the command. */
    static Pattern weigh(Weighting weighting, Pattern pattern, Object file) {
        try {
            return weighting.attach(pattern);
        } catch (IllegalArgumentException e) {
            throw new CliException(file + ": " + e.getMessage(), e);
        }
    }
}
