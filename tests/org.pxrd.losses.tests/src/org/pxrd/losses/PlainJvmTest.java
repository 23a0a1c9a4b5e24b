package org.pxrd.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pxrd.testdata.PlainJvm;

/** The losses bundle runs on a plain JVM: a child JVM with just the bundle jars on its class path. */
class PlainJvmTest {

    @Test
    void lossesAreFoundAndComputedWithoutOsgi() throws Exception {
        List<String> bundles = List.of("org.pxrd.losses", "org.pxrd.core", "org.pxrd.model", "org.eclipse.january",
                "org.apache.commons.math3", "javax.measure.unit-api", "slf4j.api", "org.pxrd.losses.tests");
        PlainJvm.Outcome run = PlainJvm.run(PlainJvmProbe.class, bundles, 60);
        String output = run.output();
        assertThat(run.exitCode()).as(output).isZero();
        assertThat(output).startsWith("osgi=false cosine=").contains(" crosscorrelation=").contains(" entropy=")
                .contains(" mse=").contains(" multiscale=").contains(" rwp=").contains(" wasserstein=1.000000");
    }
}
