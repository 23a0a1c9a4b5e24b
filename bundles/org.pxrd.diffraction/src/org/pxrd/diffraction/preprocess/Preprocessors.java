package org.pxrd.diffraction.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ContributionRegistry;
import org.pxrd.core.extensions.ExtensionSource;
import org.pxrd.core.extensions.Settings;

/**
 * The pattern preprocessors contributed to {@value #EXTENSION_POINT}, built-in and third-party alike, and the
 * pipelines made of them: {@code pipeline(List.of("snip:window=1", "normalize:mode=area"))}. Create one from the
 * environment's {@link ExtensionSource} and share it.
 */
public final class Preprocessors extends ContributionRegistry<PatternPreprocessor> {

    /** Extension point id of preprocessors. */
    public static final String EXTENSION_POINT = "org.pxrd.diffraction.preprocessors";
    /** The built-in SNIP background. */
    public static final String SNIP = "org.pxrd.diffraction.snip";
    /** The built-in Chebyshev polynomial background. */
    public static final String CHEBYSHEV = "org.pxrd.diffraction.chebyshev";
    /** The built-in normalisation. */
    public static final String NORMALIZE = "org.pxrd.diffraction.normalize";
    /** Attribute declaring a contribution a {@link BackgroundEstimator}. */
    public static final String BACKGROUND_ATTRIBUTE = "background";
    /** The built-in Savitzky-Golay smoothing. */
    public static final String SAVGOL = "org.pxrd.diffraction.savgol";

    public Preprocessors(ExtensionSource source) {
        super(source, EXTENSION_POINT, PatternPreprocessor.class);
    }

    /**
     * The configured preprocessor of one step.
     *
     * @throws ContributionException for an unknown id, an unknown or invalid setting, or a contribution that fails to
     *         start, naming the step
     */
    public ConfiguredStep step(PreprocessingStep step) throws ContributionException {
        Contribution c = get(step.id());
        Settings settings;
        try {
            settings = c.defaultSettings().with(step.settings());
        } catch (IllegalArgumentException e) {
            throw new ContributionException("preprocessing step '" + step.describe() + "': " + e.getMessage(), e);
        }
        return new ConfiguredStep(c, settings, create(c, settings));
    }

    /** The configured preprocessor of a step written as {@code id[:key=value,...]}. */
    public ConfiguredStep step(String text) throws ContributionException {
        try {
            return step(PreprocessingStep.parse(text));
        } catch (IllegalArgumentException e) {
            throw new ContributionException(e.getMessage(), e);
        }
    }

    /** A background estimator of one step; refuses a step that is not one (e.g. {@code normalize}). */
    public BackgroundEstimator background(String text) throws ContributionException {
        ConfiguredStep s = step(text);
        if (!(s.preprocessor() instanceof BackgroundEstimator b)) {
            throw new ContributionException("'" + s.contribution().id() + "' is not a background estimator (those are: "
                    + backgroundIds() + ")");
        }
        return b;
    }

    /** The ids of the contributions declared as background estimators ({@code background="true"}). */
    public List<String> backgroundIds() {
        List<String> ids = new ArrayList<>();
        for (Contribution c : contributions()) {
            if (c.attribute(BACKGROUND_ATTRIBUTE).map(Boolean::parseBoolean).orElse(false)) {
                ids.add(c.id());
            }
        }
        return ids;
    }

    /** The pipeline of several steps, in order. */
    public PreprocessingPipeline pipeline(List<String> steps) throws ContributionException {
        List<ConfiguredStep> configured = new ArrayList<>();
        for (String s : steps) {
            configured.add(step(s));
        }
        return new PreprocessingPipeline(configured);
    }

    /** A step's contribution, its validated settings and its instance. */
    public record ConfiguredStep(Contribution contribution, Settings settings, PatternPreprocessor preprocessor) {

        /** {@code id:key=value,...} with every setting's value (defaults included). */
        public String describe() {
            StringBuilder sb = new StringBuilder(contribution.id());
            Map<String, String> values = settings.asText();
            String sep = ":";
            for (Map.Entry<String, String> e : values.entrySet()) {
                sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
                sep = ",";
            }
            return sb.toString();
        }
    }
}
