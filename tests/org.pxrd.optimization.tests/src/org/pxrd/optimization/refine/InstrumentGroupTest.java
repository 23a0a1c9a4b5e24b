package org.pxrd.optimization.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pxrd.diffraction.InstrumentParameter;
import org.pxrd.diffraction.InstrumentParameters;
import org.pxrd.model.Structure;
import org.pxrd.optimization.run.RunStatus;

/**
 * The instrument block of the parameter vector: the study's profile group and the chosen instrument group share it
 * without overlap, rates per instrument parameter override the group's, the solved scale is never free, and the
 * options that only make sense against a measured target fail a run against anything else with one line.
 */
class InstrumentGroupTest {

    @Test
    void theInstrumentBlockIsTheProfileFollowedByTheOtherChosenParameters() {
        ParameterLayout layout = new ParameterLayout(2, EnumSet.of(ParameterGroup.LATTICE, ParameterGroup.INSTRUMENT),
                InstrumentParameters.parse("zero,scale,W,displacement"));
        assertThat(layout.size()).isEqualTo(6 + 6 + 5 + 2);
        assertThat(layout.names().subList(12, 19)).isEqualTo(List.of("U_deg2", "V_deg2", "W_deg2", "eta", "zero_deg",
                "scale", "displacement_mm"));
        // free: the lattice, W, zero and the displacement; the scale is solved, U, V, eta stay
        assertThat(layout.freeCount()).isEqualTo(6 + 3);
        assertThat(layout.solvesScale()).isTrue();
        assertThat(layout.isFree(12 + 2)).isTrue();
        assertThat(layout.isFree(12 + 5)).isFalse();
        assertThat(layout.isFree(12)).isFalse();
        LearningRates rates = LearningRates.of(Map.of("lattice", 1e-7, "instrument", 1e-6, "zero", 1e-5));
        double[] eta = rates.perParameter(layout);
        assertThat(eta).containsExactly(1e-7, 1e-7, 1e-7, 1e-7, 1e-7, 1e-7, 1e-6, 1e-5, 1e-6);
        assertThat(rates.rate(InstrumentParameter.ZERO)).contains(1e-5);
    }

    @Test
    void aParameterInBothInstrumentGroupsIsRefused() {
        assertThatThrownBy(() -> new ParameterLayout(1, EnumSet.of(ParameterGroup.PROFILE, ParameterGroup.INSTRUMENT),
                InstrumentParameters.parse("scale,zero"))).hasMessageContaining("zero is refined twice");
        assertThatThrownBy(() -> LearningRates.of(Map.of("tilt", 1.0))).hasMessageContaining("unknown learning rate "
                + "key 'tilt'");
        assertThatThrownBy(() -> RefinementOptions.study("cosine", "auto", EnumSet.of(ParameterGroup.LATTICE),
                RefineFixtures.LATTICE_RATES).withInstrument(InstrumentParameters.parse("W")).withAnneal(
                        new AnnealSchedule(1, 100, 2))).hasMessageContaining("annealed broadening");
        RefinementOptions options = RefinementOptions.study("cosine", "auto", EnumSet.of(ParameterGroup.LATTICE),
                RefineFixtures.LATTICE_RATES).withInstrument(InstrumentParameters.parse("zero"));
        assertThat(options.refine()).contains(ParameterGroup.INSTRUMENT);
        assertThat(options.withInstrument(InstrumentParameters.of()).refine()).containsExactly(ParameterGroup.LATTICE);
    }

    @Test
    void theResidualAndTheSolvedScaleNeedAMeasuredTarget() {
        Structure truth = RefineFixtures.study("ScTe");
        RefinementOptions residual = RefinementOptions.study(RefinementOptions.RESIDUAL, "auto",
                EnumSet.of(ParameterGroup.LATTICE), RefineFixtures.LATTICE_RATES);
        RefinementResult r = RefineFixtures.prepare(residual).run(truth, RefinementTarget.structure(truth), 1);
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.message()).contains("needs a measured target");
        RefinementOptions scale = RefineFixtures.latticeOptions(StopRule.STUDY).withInstrument(
                InstrumentParameters.parse("scale")).withLearningRates(RefineFixtures.LATTICE_RATES.with(
                        ParameterGroup.INSTRUMENT, 1e-6));
        RefinementResult s = RefineFixtures.prepare(scale).run(truth, RefinementTarget.structure(truth), 1);
        assertThat(s.status()).isEqualTo(RunStatus.FAILED);
        assertThat(s.message()).contains("scale factor is solved against a measured target only");
    }
}
