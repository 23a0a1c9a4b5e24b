package org.pxrd.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pxrd.testdata.PlainJvm;

/** The model bundle runs on a plain JVM: a child JVM with just the bundle jars on its class path. */
class PlainJvmTest {

    @Test
    void modelClassesLoadAndWorkWithoutOsgi() throws Exception {
        List<String> bundles = List.of("org.pxrd.model", "org.pxrd.model.tests", "org.eclipse.january",
                "org.apache.commons.math3", "javax.measure.unit-api", "slf4j.api");
        PlainJvm.Outcome run = PlainJvm.run(PlainJvmProbe.class, bundles, 60);
        String output = run.output();
        assertThat(run.exitCode()).as(output).isZero();
        assertThat(output).contains("osgi=false formula=BPO4 density=2.653532 max=4.0");
    }
}
