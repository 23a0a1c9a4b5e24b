package org.pxrd.diffraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ExtensionSources;

/** The simulator and scattering table extension points, with the built-ins contributed through them. */
class ExtensionPointTest {

    private final XrdSimulators registry = new XrdSimulators(ExtensionSources.detect());

    @Test
    void theBuiltInSimulatorIsTheDefaultContribution() throws Exception {
        assertThat(registry.simulators()).extracting(Contribution::id).contains(XrdSimulators.DEFAULT_SIMULATOR);
        assertThat(registry.defaultSimulator()).isInstanceOf(PowderSimulator.class);
        assertThat(registry.simulator("powder", Map.of())).isInstanceOf(PowderSimulator.class);
        assertThat(registry.simulatorRegistry().check()).isEmpty();
        Contribution c = registry.simulatorRegistry().get("powder");
        assertThat(c.attribute("reference")).isPresent();
        assertThat(registry.simulatorRegistry().source().extensionPoints()).contains(XrdSimulators.EXTENSION_POINT,
                XrdSimulators.TABLES_EXTENSION_POINT);
    }

    @Test
    void scatteringTablesAreContributedAndPluggable() throws Exception {
        assertThat(registry.tables()).extracting(Contribution::id).contains(XrdSimulators.DEFAULT_TABLE,
                "org.pxrd.diffraction.tests.pointScatterers");
        assertThat(registry.table("mottBethe")).isInstanceOf(MottBetheScatteringTable.class);
        assertThat(registry.tableRegistry().check()).isEmpty();
        ScatteringFactorTable point = registry.table("pointScatterers");
        PowderSimulator simulator = new PowderSimulator().withScatteringFactors(point);
        assertThat(simulator.scatteringFactors()).isSameAs(point);
    }

    @Test
    void unknownIdsListTheKnownOnes() {
        assertThatThrownBy(() -> registry.simulator("neutron", Map.of())).isInstanceOf(ContributionException.class)
                .hasMessageContaining("unknown id 'neutron'").hasMessageContaining(XrdSimulators.DEFAULT_SIMULATOR);
        assertThatThrownBy(() -> registry.table("nope")).isInstanceOf(ContributionException.class)
                .hasMessageContaining(XrdSimulators.DEFAULT_TABLE);
    }

}
