package org.pxrd.study.protocol;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study: which structures are distorted how, how each distorted start is refined, and how the result is
 * judged. The JSON form ({@link StudyFormat}) has exactly these fields, with these names; every field is
 * required unless marked optional, and unknown fields are errors (so a typo is reported, not ignored).
 *
 * <p>The study expands into runs ({@link org.pxrd.study.run.StudyPlan}): for every structure, condition,
 * noise level and distortion index d &lt; {@code distortions}, one distorted start (the truth under the
 * condition's noise, seeded from {@code seed}), refined once per loss and per projector of the condition.
 *
 * @param format the version of the format, {@value StudyFormat#VERSION}
 * @param name a short name for reports and file names (letters, digits, '.', '_', '-')
 * @param note free text, e.g. where the protocol comes from (optional, "" when absent)
 * @param structures the ground-truth structures
 * @param conditions the noise conditions (at least one)
 * @param distortions distorted starts per structure and noise level (the study: 50)
 * @param losses the XRD losses each start is refined with (at least one, distinct labels)
 * @param instrument the simulated measurement that losses compare
 * @param optimizer the step rule and its learning rates
 * @param stop when a refinement ends
 * @param matcher the structure matcher that decides whether a refined structure is the truth
 * @param distance the structural distance plotted against XRD similarity (the study: AMD, L∞, k = 100)
 * @param seed the study seed every run's seeds derive from
 */
public record StudyDescription(int format, String name, String note, StructureSource structures,
        List<Condition> conditions, int distortions, List<Labelled> losses, Instrument instrument,
        Optimizer optimizer, StopRule stop, Contribution matcher, Contribution distance, long seed) {

    public StudyDescription {
        conditions = List.copyOf(conditions);
        losses = List.copyOf(losses);
    }

    /** This study with another matcher and note (e.g. its verdicts judged again: {@code pxrd study rematch}). */
    public StudyDescription withMatcher(Contribution newMatcher, String newNote) {
        return new StudyDescription(format, name, newNote, structures, conditions, distortions, losses, instrument,
                optimizer, stop, newMatcher, distance, seed);
    }

    /**
     * Where the ground-truth structures come from: exactly one of the three.
     *
     * @param examples the name of an example set shipped with pxrd ({@code study10}: the study's ten
     *        structures as conventional standard cells), or null
     * @param folder every file of this folder whose name matches {@code glob}, sorted by name, or null
     * @param glob the file name pattern of a folder (optional, default {@code *.cif})
     * @param files these files, in this order, or null (relative paths are resolved against the study file)
     */
    public record StructureSource(String examples, Path folder, String glob, List<Path> files) {
        public StructureSource {
            files = files == null ? null : List.copyOf(files);
        }
    }

    /** What a noise condition perturbs. */
    public enum NoiseType {
        /** The study's lattice noise L̃ = S·L (fractional coordinates kept); level σ is dimensionless. */
        LATTICE("lattice"),
        /** The study's coordinate noise x + N(0, σ²) wrapped to [0, 1); level σ in fractional units. */
        COORDINATES("coordinates");

        private final String json;

        NoiseType(String json) {
            this.json = json;
        }

        /** The name in study files. */
        public String json() {
            return json;
        }

        /** The name in titles: "lattice noise", "coordinate noise". */
        public String title() {
            return this == LATTICE ? "lattice noise" : "coordinate noise";
        }
    }

    /** Which parameters a refinement moves. */
    public enum Refined {
        /** The six lattice parameters a, b, c (Å), α, β, γ (degrees); fractional coordinates stay. */
        LATTICE("lattice"),
        /** The fractional coordinates; the lattice stays. */
        COORDINATES("coordinates"),
        /** Both. */
        BOTH("both");

        private final String json;

        Refined(String json) {
            this.json = json;
        }

        /** The name in study files. */
        public String json() {
            return json;
        }
    }

    /**
     * One noise type at several levels, refined with the given projectors.
     *
     * @param noise what the noise perturbs
     * @param levels the noise levels σ (distinct; lattice: in (0, 1/3), coordinates: positive)
     * @param refine the parameters each refinement moves
     * @param projectors the symmetry projectors each start is refined with (distinct labels); the id
     *        {@value #NO_PROJECTOR} means unconstrained
     */
    public record Condition(NoiseType noise, List<Double> levels, Refined refine, List<Labelled> projectors) {

        /** The projector id of an unconstrained refinement. */
        public static final String NO_PROJECTOR = "none";

        public Condition {
            levels = List.copyOf(levels);
            projectors = List.copyOf(projectors);
        }
    }

    /**
     * A contribution of an extension point, by id, with setting values as text (the contribution's declared
     * settings; unknown keys are reported when the contribution is created).
     */
    public record Contribution(String id, Map<String, String> settings) {
        public Contribution {
            settings = Map.copyOf(settings);
        }
    }

    /**
     * A contribution with a short label for run ids, tables and legends (default: the last segment of the id,
     * e.g. {@code cosine} for {@code org.pxrd.losses.cosine}).
     */
    public record Labelled(String label, Contribution contribution) {

        public String id() {
            return contribution.id();
        }
    }

    /**
     * The simulated powder pattern every loss compares (the study's: λ = 1.5406 Å, 2θ 0-90° in 0.01° steps, pseudo-Voigt profile
     * with Caglioti U, V, W and mixing η; see the diffraction bundle for the formulas).
     *
     * @param wavelength λ in Å
     * @param twoThetaMin lower end of the 2θ grid in degrees
     * @param twoThetaMax upper end of the 2θ grid in degrees
     * @param twoThetaStep grid step in degrees 2θ
     * @param u Caglioti U in deg²
     * @param v Caglioti V in deg²
     * @param w Caglioti W in deg²
     * @param eta pseudo-Voigt weight η of the Gaussian part, in [0, 1]
     */
    public record Instrument(double wavelength, double twoThetaMin, double twoThetaMax, double twoThetaStep,
            double u, double v, double w, double eta) {
    }

    /**
     * The optimizer of every refinement.
     *
     * @param id the optimizer's contribution id
     * @param learningRates the step size of each parameter group (e.g. {@code lattice}, {@code coordinates}),
     *        in that group's units per unit of loss gradient
     * @param learningRatesByLoss rates that replace some of {@code learningRates} for the runs of one loss, by
     *        the loss's label (optional, empty by default): losses differ in curvature, and a rate that is stable
     *        for one can overshoot for another (e.g. the entropy similarity's coordinate rate)
     * @param settings further settings of the optimizer, as text (optional)
     */
    public record Optimizer(String id, Map<String, Double> learningRates,
            Map<String, Map<String, Double>> learningRatesByLoss, Map<String, String> settings) {
        public Optimizer {
            learningRates = Map.copyOf(learningRates);
            Map<String, Map<String, Double>> byLoss = new LinkedHashMap<>();
            learningRatesByLoss.forEach((loss, rates) -> byLoss.put(loss, Map.copyOf(rates)));
            learningRatesByLoss = Collections.unmodifiableMap(byLoss);
            settings = Map.copyOf(settings);
        }

        /** The learning rates of the runs of a loss: {@code learningRates} with the loss's own replacing them. */
        public Map<String, Double> learningRates(String lossLabel) {
            Map<String, Double> rates = new LinkedHashMap<>(learningRates);
            rates.putAll(learningRatesByLoss.getOrDefault(lossLabel, Map.of()));
            return rates;
        }
    }

    /**
     * When a refinement stops: the loss changed by less than {@code tolerance} over the last {@code window}
     * steps (converged), or after {@code maxSteps} steps, or after {@code maxSeconds} of wall time.
     *
     * @param tolerance the loss change that counts as converged (in the loss's units)
     * @param window the number of steps the change is measured over
     * @param maxSteps the step budget
     * @param maxSeconds the wall-time budget per run in seconds, or null for none (a wall-time stop depends on
     *        the machine: a study that must reproduce exactly leaves it out)
     */
    public record StopRule(double tolerance, int window, int maxSteps, Double maxSeconds) {
    }
}
