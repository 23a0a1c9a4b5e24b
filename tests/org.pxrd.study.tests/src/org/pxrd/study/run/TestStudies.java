package org.pxrd.study.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.examples.Examples;
import org.pxrd.io.StructureFiles;
import org.pxrd.io.StructureFormatException;
import org.pxrd.model.Structure;
import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyFormat;

/** Small studies on the ten example structures, and helpers to compare results. */
public final class TestStudies {

    private TestStudies() {
    }

    /**
     * A study of the shape of the paper's on the ten examples: lattice noise at two levels with and without the
     * family projector, coordinate noise at two levels, 3 distortions, two losses: 10 x (2 x 3 x 2 x 2 + 2 x 3
     * x 2) = 360 runs.
     */
    public static final String SMALL = """
            {
              "format": 1,
              "name": "small",
              "structures": {"examples": "study10"},
              "conditions": [
                {"noise": "lattice", "levels": [0.02, 0.1], "refine": "lattice",
                 "projectors": ["none", {"label": "family", "id": "org.pxrd.symmetry.auto"}]},
                {"noise": "coordinates", "levels": [0.001, 0.01], "refine": "coordinates", "projectors": ["none"]}
              ],
              "distortions": 3,
              "losses": ["org.pxrd.losses.cosine", "org.pxrd.losses.mse"],
              "instrument": {"wavelength": 1.5406, "twoThetaMin": 0, "twoThetaMax": 90, "twoThetaStep": 0.01,
                             "u": 0.1, "v": 0.01, "w": 0.1, "eta": 0.1},
              "optimizer": {"id": "org.pxrd.optimization.gd", "learningRates": {"lattice": 0.001}},
              "stop": {"tolerance": 1e-4, "window": 10, "maxSteps": 100},
              "matcher": {"id": "org.pxrd.matching.structureMatcher"},
              "distance": {"id": "org.pxrd.matching.amd", "settings": {"k": 100}},
              "seed": 7
            }
            """;

    /** Runs in {@link #SMALL}. */
    public static final int SMALL_RUNS = 360;

    public static StudyDescription small() {
        return StudyFormat.parse(SMALL, "small.json", null);
    }

    /**
     * A study for the refinement engine that runs in seconds: ScTe and MnCo, lattice noise 0.01 and 0.05 with and
     * without the family projector, cosine and MSE, 2 distortions, at most 400 steps: 2 x 2 x 2 x 2 x 2 = 32 runs.
     */
    public static StudyDescription tinyForTheEngine() {
        List<Path> files = Examples.studyStructures().stream().filter(p -> p.getFileName().toString()
                .matches(".*_(ScTe|MnCo)_.*")).toList();
        return StudyFormat.parse("""
                {
                  "format": 1,
                  "name": "tiny-engine",
                  "structures": {"files": ["%s", "%s"]},
                  "conditions": [{"noise": "lattice", "levels": [0.01, 0.05], "refine": "lattice",
                                  "projectors": ["none", {"label": "family", "id": "org.pxrd.symmetry.auto"}]}],
                  "distortions": 2,
                  "losses": ["org.pxrd.losses.cosine", "org.pxrd.losses.mse"],
                  "instrument": {"wavelength": 1.5406, "twoThetaMin": 0, "twoThetaMax": 90, "twoThetaStep": 0.01,
                                 "u": 0.1, "v": 0.01, "w": 0.1, "eta": 0.1},
                  "optimizer": {"id": "org.pxrd.optimization.gd",
                                "learningRates": {"lattice": 0.0005, "angles": 0.3}},
                  "stop": {"tolerance": 1e-4, "window": 20, "maxSteps": 400},
                  "matcher": {"id": "org.pxrd.matching.structureMatcher"},
                  "distance": {"id": "org.pxrd.matching.amd"},
                  "seed": 5
                }
                """.formatted(files.get(0), files.get(1)), "tiny-engine.json", null);
    }

    /** Runs of {@link #tinyForTheEngine()}. */
    public static final int TINY_RUNS = 32;

    /** The refinement engine's run function for a plan. */
    public static DistortionRun engine(StudyPlan plan) {
        try {
            return RefinementDistortionRun.prepare(ExtensionSources.detect(), plan.study());
        } catch (ContributionException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Reads the first structure of a file with the io bundle's formats. */
    public static Structure read(Path file) {
        try {
            return new StructureFiles(ExtensionSources.detect()).readFirst(file);
        } catch (StructureFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Records in plan order without their timing: what two runs of the same study must agree on. */
    public static List<RunRecord> comparable(List<RunRecord> records) {
        List<RunRecord> list = new ArrayList<>();
        for (RunRecord r : records) {
            list.add(r.withoutTiming());
        }
        list.sort(Comparator.comparingInt(RunRecord::index));
        return list;
    }
}
