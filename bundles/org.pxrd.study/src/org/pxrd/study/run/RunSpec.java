package org.pxrd.study.run;

import java.math.BigDecimal;

import org.pxrd.optimization.noise.CoordinateNoise;
import org.pxrd.optimization.noise.LatticeNoise;
import org.pxrd.optimization.noise.NoiseModel;
import org.pxrd.study.protocol.StructureSets.StructureFile;
import org.pxrd.study.protocol.StudyDescription.Labelled;
import org.pxrd.study.protocol.StudyDescription.NoiseType;
import org.pxrd.study.protocol.StudyDescription.Refined;

/**
 * One run of a study: one distorted start of one structure, refined with one loss and one projector.
 *
 * <p>The id names every choice, e.g. {@code mp-1709_U2Ti_sg191/lattice@0.05/lattice/cosine/family/17}
 * (structure / noise@level / refined parameters / loss label / projector label / distortion index), so it
 * stays the same when the study grows (more structures, levels or losses) and identifies the run in results
 * files, resumes and merges.
 *
 * @param index the position of the run in its {@link StudyPlan} (0, 1, ...): results are reported in this order
 * @param id the stable id
 * @param structure the ground-truth structure's key and file
 * @param noise the noise type
 * @param level the noise level σ (lattice: dimensionless; coordinates: fractional units)
 * @param refine the parameters the refinement moves
 * @param distortion the distortion index d, 0 ≤ d &lt; the study's distortions
 * @param distortionSeed the seed of the distorted start; the same for every loss and projector, so that they are
 *        compared on the same starts
 * @param loss the loss
 * @param projector the projector ({@code none}: unconstrained)
 * @param seed the run's own seed, for anything random inside the refinement
 */
public record RunSpec(int index, String id, StructureFile structure, NoiseType noise, double level, Refined refine,
        int distortion, long distortionSeed, Labelled loss, Labelled projector, long seed) {

    /** The study's noise model of this run (lattice or coordinate noise at its level). */
    public NoiseModel noiseModel() {
        return noise == NoiseType.LATTICE ? new LatticeNoise(level) : new CoordinateNoise(level);
    }

    /** A level as it appears in ids and tables: the shortest plain decimal, e.g. 0.05, 0.1, 0.0001. */
    public static String levelText(double level) {
        return BigDecimal.valueOf(level).stripTrailingZeros().toPlainString();
    }

    /** The condition of this run without its distortion index: what a table row or a figure point groups by. */
    public GroupKey group() {
        return new GroupKey(noise, level, refine, loss.label(), projector.label());
    }

    /**
     * The condition a group of runs shares: noise type and level, refined parameters, loss and projector labels.
     */
    public record GroupKey(NoiseType noise, double level, Refined refine, String loss, String projector) {
    }
}
