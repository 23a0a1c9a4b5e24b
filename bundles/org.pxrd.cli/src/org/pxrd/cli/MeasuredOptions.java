package org.pxrd.cli;

import java.nio.file.Path;
import java.util.List;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.diffraction.Radiation;
import org.pxrd.diffraction.measured.MeasuredRadiation;
import org.pxrd.diffraction.measured.MeasuredTarget;
import org.pxrd.diffraction.measured.TwoThetaRange;
import org.pxrd.diffraction.measured.Weighting;
import org.pxrd.diffraction.preprocess.BackgroundEstimator;
import org.pxrd.diffraction.preprocess.PreprocessingPipeline;
import org.pxrd.diffraction.preprocess.Preprocessors;
import org.pxrd.io.PatternData;
import org.pxrd.model.Pattern;

/**
 * What the commands that read measured patterns share: preprocessing pipelines and background estimators from
 * {@code org.pxrd.diffraction.preprocessors} and weights, each turned into a one-line {@link CliException} on bad input.
 */
final class MeasuredOptions {

    private MeasuredOptions() {
    }

    /**
     * A measured pattern prepared for a comparison, with what the outputs state about it.
     *
     * @param data the file's pattern and metadata
     * @param radiation the user's radiation, else the file's (never a default)
     * @param radiationSource "given" or "from FILE"
     * @param weighting the weighting scheme used (AUTO resolved)
     * @param pipeline the preprocessing applied after the weights
     * @param background the background step, or null
     * @param target the target: points in the range, weights, background
     */
    record Measured(PatternData data, Radiation radiation, String radiationSource, Weighting weighting,
            PreprocessingPipeline pipeline, String background, MeasuredTarget target) {
    }

    /**
     * Reads a measured file and prepares its target: the radiation (the user's, else the file's; a file without one
     * and no --wavelength ends the command), weights on the raw intensities, the preprocessing steps, the background
     * estimate, the 2θ range. Every problem ends the command with one line naming the file.
     *
     * @param given the user's radiation, or null
     * @param weights the --weights text
     * @param steps the --preprocess steps
     * @param backgroundStep the --background step, or null
     * @param rangeText the --range text, or null for every point
     */
    static Measured prepare(CliContext context, Path file, Radiation given, String weights, List<String> steps,
            String backgroundStep, String rangeText) {
        PreprocessingPipeline pipeline = pipeline(context, steps);
        Weighting weighting = weighting(weights);
        TwoThetaRange range;
        try {
            range = rangeText == null ? TwoThetaRange.ALL : TwoThetaRange.parse(rangeText);
        } catch (IllegalArgumentException e) {
            throw new CliException("--range: " + e.getMessage(), e);
        }
        PatternData data = context.readPatternData(file);
        Radiation radiation;
        try {
            radiation = MeasuredRadiation.resolve(data, given);
        } catch (IllegalArgumentException e) {
            throw new CliException(file + ": " + e.getMessage(), e);
        }
        Pattern observed = apply(pipeline, weigh(weighting, data.pattern(), file), file);
        double[] background = null;
        if (backgroundStep != null) {
            try {
                background = background(context, backgroundStep).background(observed);
            } catch (IllegalArgumentException e) {
                throw new CliException(file + ": background " + backgroundStep + ": " + e.getMessage(), e);
            }
        }
        try {
            return new Measured(data, radiation, given != null ? "given" : "from " + file.getFileName(),
                    weighting.resolve(data.pattern()), pipeline, backgroundStep,
                    MeasuredTarget.of(observed, background, range));
        } catch (IllegalArgumentException e) {
            throw new CliException(file + ": " + e.getMessage(), e);
        }
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
