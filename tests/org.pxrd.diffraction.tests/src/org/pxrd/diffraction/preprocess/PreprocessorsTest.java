package org.pxrd.diffraction.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.model.Pattern;

/** The extension point of preprocessors: built-ins contributed through it, steps, pipelines, errors, broken plugins. */
class PreprocessorsTest {

    private final Preprocessors registry = new Preprocessors(ExtensionSources.detect());

    private static Pattern peakOnFlat() {
        double[] x = Synthetic.grid();
        return Synthetic.pattern(x, Synthetic.background(x, t -> 500), 3, 3000, false, 11).withWavelength(1.5406);
    }

    @Test
    void theBuiltInsAreContributedThroughTheExtensionPoint() throws Exception {
        assertThat(registry.contributions()).extracting(Contribution::id).contains(Preprocessors.SNIP,
                Preprocessors.CHEBYSHEV, Preprocessors.NORMALIZE, Preprocessors.SAVGOL,
                "org.pxrd.diffraction.tests.failing");
        assertThat(registry.check()).isEmpty();
        assertThat(registry.backgroundIds()).containsExactly(Preprocessors.CHEBYSHEV, Preprocessors.SNIP);
        assertThat(registry.step("snip").preprocessor()).isInstanceOf(SnipBackground.class);
        assertThat(registry.background("chebyshev:order=4")).isInstanceOf(ChebyshevBackground.class);
        assertThat(registry.get("snip").attribute("reference").orElseThrow()).contains("Ryan");
        assertThat(registry.source().extensionPoints()).contains(Preprocessors.EXTENSION_POINT);
    }

    @Test
    void stepsParseWithSettingsOverTheDefaults() throws Exception {
        PreprocessingStep step = PreprocessingStep.parse(" snip:window=1.5, lls=false ");
        assertThat(step.id()).isEqualTo("snip");
        assertThat(step.settings()).containsExactly(java.util.Map.entry("window", "1.5"),
                java.util.Map.entry("lls", "false"));
        assertThat(step.describe()).isEqualTo("snip:window=1.5,lls=false");
        assertThat(PreprocessingStep.parse("normalize").settings()).isEmpty();
        Preprocessors.ConfiguredStep configured = registry.step(step);
        assertThat(configured.describe()).isEqualTo(
                "org.pxrd.diffraction.snip:window=1.5,order=4,smoothing=5,lls=false,decreasing=true");
    }

    @Test
    void aPipelineRunsItsStepsInOrderAndKeepsTheAxisAndWavelength() throws Exception {
        Pattern in = peakOnFlat();
        PreprocessingPipeline pipeline = registry.pipeline(List.of("snip", "normalize:mode=max"));
        Pattern out = pipeline.apply(in);
        assertThat(out.twoThetaArray()).containsExactly(in.twoThetaArray());
        assertThat(out.wavelength()).hasValue(1.5406);
        assertThat(java.util.Arrays.stream(out.intensityArray()).max().orElseThrow()).isEqualTo(1.0);
        // the flat 500 is gone: far from the three peaks the intensity is a small fraction of the maximum
        assertThat(out.intensityArray()[0]).isCloseTo(0, within(0.01));
        assertThat(pipeline.describe()).startsWith("org.pxrd.diffraction.snip:window=2.0").contains(
                " | org.pxrd.diffraction.normalize:mode=max");
        assertThat(registry.pipeline(List.of()).apply(in).intensityArray()).containsExactly(in.intensityArray());
    }

    @Test
    void badStepsAreNamedInOneLine() {
        assertThatThrownBy(() -> registry.step("rollingBall")).isInstanceOf(ContributionException.class)
                .hasMessageContaining("unknown id 'rollingBall'").hasMessageContaining(Preprocessors.SNIP);
        assertThatThrownBy(() -> registry.step("snip:width=2")).hasMessageContaining("unknown setting 'width'")
                .hasMessageContaining("window");
        assertThatThrownBy(() -> registry.step("snip:window=-1")).hasMessageContaining("'window' must lie in");
        assertThatThrownBy(() -> registry.step("snip:order=3")).hasMessageContaining("must be one of [2, 4]");
        assertThatThrownBy(() -> registry.step("snip:window")).hasMessageContaining("key=value");
        assertThatThrownBy(() -> registry.step("snip:window=1,window=2")).hasMessageContaining("twice");
        assertThatThrownBy(() -> registry.step(":window=1")).hasMessageContaining("must be ID[:key=value,...]");
        assertThatThrownBy(() -> registry.background("normalize")).hasMessageContaining(
                "is not a background estimator");
        assertThatThrownBy(() -> registry.step("savgol:window=4")).hasMessageContaining("odd");
    }

    @Test
    void aStepThatRefusesItsInputOrABrokenPluginStopsThePipelineWithOneLine() throws Exception {
        Pattern in = peakOnFlat();
        assertThatThrownBy(() -> registry.pipeline(List.of("snip", "failing")).apply(in))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("preprocessing step org.pxrd.diffraction.tests.failing failed: IllegalStateException "
                        + "internal error of a plugin");
        Pattern flatZero = new Pattern("zeros", new double[] {1, 2, 3}, new double[] {0, 0, 0}, Double.NaN);
        assertThatThrownBy(() -> registry.pipeline(List.of("normalize")).apply(flatZero))
                .hasMessage("preprocessing step org.pxrd.diffraction.normalize:mode=max: cannot normalise pattern "
                        + "'zeros': its maximum is 0.0, not positive");
        assertThatThrownBy(() -> registry.pipeline(List.of("snip:window=100")).apply(in))
                .hasMessageContaining("wider than the pattern");
    }
}
