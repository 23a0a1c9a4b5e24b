package org.pxrd.optimization;

import java.util.Locale;
import java.util.Map;

import java.util.Set;

import org.pxrd.core.extensions.ClasspathExtensionSource;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.Radiation;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Structure;
import org.pxrd.optimization.potentials.Potential;
import org.pxrd.optimization.potentials.Potentials;
import org.pxrd.optimization.relax.RelaxOptions;
import org.pxrd.optimization.relax.RelaxationResult;
import org.pxrd.optimization.refine.LearningRates;
import org.pxrd.optimization.refine.ParameterGroup;
import org.pxrd.optimization.refine.RefinementEngine;
import org.pxrd.optimization.refine.RefinementOptions;
import org.pxrd.optimization.refine.RefinementResult;
import org.pxrd.optimization.refine.RefinementTarget;
import org.pxrd.optimization.relax.Relaxer;
import org.pxrd.testdata.ReferenceJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Run by {@link PlainJvmTest} in a separate JVM whose class path holds only the project's bundles and their
 * libraries: the potentials come from the plugin.xml files on the class path, the ASE worker script from the
 * bundle folder, and a relaxation, a worker call and a refinement (simulator, loss, projector and optimizer found
 * through their plugin.xml files) run without OSGi. Prints the errors against the reference numbers for the test
 * to judge.
 */
public final class PlainJvmProbe {

    private PlainJvmProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean osgi = ClassLoader.getSystemResource("org/osgi/framework/Bundle.class") != null;
        Potentials potentials = new Potentials(new ClasspathExtensionSource());
        JsonNode fcc = ReferenceJson.read(PlainJvmProbe.class, "lj-reference.json").get("fcc_ar").get("cutoff_8");
        double ljError;
        try (Potential lj = potentials.create("lj-uff", Map.of("cutoff", "8"))) {
            RelaxationResult r = new Relaxer(lj, RelaxOptions.defaults().withOptimizer(RelaxOptions.Optimizer.BFGS)
                    .withFmax(1e-6)).relax(TestStructures.fcc(Element.Ar, 5.6));
            ljError = Math.cbrt(r.relaxed().lattice().volume()) - fcc.get("a").asDouble();
        }
        JsonNode point = ReferenceJson.read(PlainJvmProbe.class, "emt-reference.json").get("single_point");
        double emtError;
        try (Potential emt = potentials.create("ase", Map.of("python", "/usr/bin/python3"))) {
            emtError = emt.compute(TestStructures.of(point)).energy() - point.get("energy").asDouble();
        }
        Structure truth = TestStructures.fcc(Element.Ar, 5.6);
        Structure start = truth.withLattice(Lattice.fromParameters(5.62, 5.63, 5.61, 90.3, 89.8, 90.1));
        RefinementResult refined = new RefinementEngine(new ClasspathExtensionSource()).prepare(
                RefinementOptions.study("cosine", "cubic", Set.of(ParameterGroup.LATTICE),
                        LearningRates.of(ParameterGroup.LATTICE, 5e-4)).withOptimizer("lbfgs", Map.of()),
                InstrumentSettings.study(Radiation.of(1.5406))).run(start, RefinementTarget.structure(truth), 1);
        double refineError = refined.lattice()[0] - 5.6;
        System.out.printf(Locale.ROOT, "osgi=%s lj-a-error=%.3e emt-energy-error=%.3e refine-%s-a-error=%.3e%n", osgi,
                ljError, emtError, refined.status().name().toLowerCase(Locale.ROOT), refineError);
    }
}
