package org.pxrd.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.pxrd.testdata.PlainJvm;

/**
 * The optimization bundle runs on a plain JVM: a child JVM with just the bundle jars on its class path finds
 * the potentials through their plugin.xml, relaxes on the Lennard-Jones potential, starts the ASE worker and
 * refines a distorted cell against its target (finding simulator, loss, projector and optimizer the same way).
 */
class PlainJvmTest {

    /** The relaxed fcc argon edge at fmax 1e-6 (Å): as in RelaxerTest, the softest cell mode bounds it by 5e-5. */
    private static final double LATTICE_TOLERANCE = 5e-5;
    /** The worker passes numbers as round-trip decimal text: EMT's energy comes back to the last bits (eV). */
    private static final double ENERGY_TOLERANCE = 1e-12;
    /** The refined cubic edge against the target's 5.6 Å: the criterion, 1e-3 relative. */
    private static final double REFINE_TOLERANCE = 5.6e-3;

    @Test
    void potentialsAndRelaxationWorkWithoutOsgi() throws Exception {
        List<String> bundles = List.of("org.pxrd.core", "org.pxrd.model", "org.pxrd.optimization",
                "org.pxrd.symmetry", "org.pxrd.diffraction", "org.pxrd.losses", "org.pxrd.optimization.tests",
                "org.pxrd.testdata",
                "org.hipparchus.core", "com.fasterxml.jackson.core.jackson-databind",
                "com.fasterxml.jackson.core.jackson-core", "com.fasterxml.jackson.core.jackson-annotations");
        PlainJvm.Outcome run = PlainJvm.run(PlainJvmProbe.class, bundles, 120);
        String output = run.output();
        assertThat(run.exitCode()).as(output).isZero();
        Matcher m = Pattern.compile("osgi=false lj-a-error=(\\S+) emt-energy-error=(\\S+) refine-converged-a-error=(\\S+)")
                .matcher(output);
        assertThat(m.find()).as(output).isTrue();
        assertThat(Math.abs(Double.parseDouble(m.group(1)))).as(output).isLessThan(LATTICE_TOLERANCE);
        assertThat(Math.abs(Double.parseDouble(m.group(2)))).as(output).isLessThan(ENERGY_TOLERANCE);
        assertThat(Math.abs(Double.parseDouble(m.group(3)))).as(output).isLessThan(REFINE_TOLERANCE);
    }
}
