package org.pxrd.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.model.Structure;
import org.pxrd.testdata.TestData;

/** The extension point {@code org.pxrd.matching.matchers} and its three built-in contributions. */
class MatchersTest {

    private final Matchers matchers = new Matchers(ExtensionSources.detect());

    @Test
    void builtInsAreContributedWithTheirTolerancesAsSettings() {
        assertThat(matchers.contributions()).extracting(Contribution::id)
                .contains(Matchers.AMD, Matchers.PDD, Matchers.STRUCTURE_MATCHER);
        assertThat(matchers.contributions()).allSatisfy(c -> assertThat(c.attribute("metric")).isPresent());
        Contribution sm = matchers.contributions().stream().filter(c -> c.id().equals(Matchers.STRUCTURE_MATCHER))
                .findFirst().orElseThrow();
        Map<String, Object> defaults = sm.defaultSettings().values();
        assertThat(defaults).containsEntry("ltol", MatchOptions.STUDY_LTOL).containsEntry("stol", MatchOptions.STUDY_STOL)
                .containsEntry("angle_tol", MatchOptions.STUDY_ANGLE_TOL).containsEntry("primitive_cell", true)
                .containsEntry("scale", true).containsEntry("attempt_supercell", false)
                .containsEntry("allow_subset", false);
    }

    @Test
    void createdMatchersCompareAndStateTheirSettings() throws ContributionException {
        Structure a = Inputs.read(TestData.path("matcher-dev/pairs/p00066_A.cif"));
        Structure b = Inputs.read(TestData.path("matcher-dev/pairs/p00066_B.cif"));
        Comparison sm = matchers.create("structureMatcher").compare(a, b);
        assertThat(sm.match()).isTrue();
        assertThat(sm.metric()).isEqualTo("rms");
        assertThat(sm.settings()).containsEntry("ltol", 0.1).containsEntry("stol", 0.2).containsEntry("angle_tol", 5.0);
        assertThat(sm.details()).containsKeys("rms", "max_dist");

        Comparison amd = matchers.create("amd").compare(a, b);
        // the reference package's AMD L∞ distance of this pair (verdicts.csv, amd100_linf)
        assertThat(amd.distance()).isCloseTo(0.034975206214443055, within(1e-8));
        assertThat(amd.match()).isFalse();
        Comparison l2 = matchers.create("amd", Map.of("metric", "l2", "threshold", "0.2")).compare(a, b);
        assertThat(l2.distance()).isCloseTo(0.10392795543639315, within(1e-8));
        assertThat(l2.match()).isTrue();
        assertThat(l2.settings()).containsEntry("metric", "l2").containsEntry("threshold", 0.2);

        Comparison pdd = matchers.create(Matchers.PDD, Map.of("k", "10")).compare(a, a);
        assertThat(pdd.distance()).isZero();
        assertThat(pdd.match()).isTrue();
    }

    @Test
    void stricterTolerancesThroughSettingsChangeTheVerdict() throws ContributionException {
        Structure a = Inputs.read(TestData.path("matcher-dev/pairs/p00067_A.cif"));
        Structure b = Inputs.read(TestData.path("matcher-dev/pairs/p00067_B.cif"));
        // sigma = 0.05 lattice noise matches with ltol 0.1 (pymatgen: True) but not with ltol 0.01
        assertThat(matchers.create("structureMatcher").compare(a, b).match()).isTrue();
        assertThat(matchers.create("structureMatcher", Map.of("ltol", "0.01")).compare(a, b).match()).isFalse();
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> matchers.create("structureMatcher", Map.of("stoll", "0.3")))
                .isInstanceOf(ContributionException.class).hasMessageContaining("stoll");
        assertThatThrownBy(() -> matchers.create("amd", Map.of("metric", "l7"))).hasMessageContaining("l7");
        assertThatThrownBy(() -> matchers.create("structureMatcher", Map.of("ltol", "0")))
                .hasMessageContaining("ltol");
        assertThatThrownBy(() -> matchers.create("nope")).hasMessageContaining("unknown id 'nope'");
        assertThat(List.of(Matchers.EXTENSION_POINT)).containsExactly("org.pxrd.matching.matchers");
    }
}
