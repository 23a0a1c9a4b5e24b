package org.pxrd.optimization.refine;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ExtensionSource;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.XrdSimulators;
import org.pxrd.losses.LossFunction;
import org.pxrd.losses.LossRegistry;
import org.pxrd.optimization.optimizers.Optimizer;
import org.pxrd.optimization.optimizers.Optimizers;
import org.pxrd.optimization.potentials.Potentials;
import org.pxrd.symmetry.ProjectorRegistry;
import org.pxrd.symmetry.SymmetryProjector;

/**
 * The refinement engine: the registries of simulators, losses, projectors, optimizers and potentials of one
 * environment, and {@link #prepare} to resolve a {@link RefinementOptions} into a runnable {@link Refinement}.
 *
 * <pre>{@code
 * RefinementEngine engine = new RefinementEngine(ExtensionSources.detect());
 * Refinement refinement = engine.prepare(RefinementOptions.study("cosine", "auto", Set.of(ParameterGroup.LATTICE),
 *         LearningRates.of(ParameterGroup.LATTICE, 1e-3)), InstrumentSettings.study(Radiation.of(1.5406)));
 * RefinementResult r = refinement.run(distorted, RefinementTarget.structure(truth), seed, monitor);
 * }</pre>
 */
public final class RefinementEngine {

    private final XrdSimulators simulators;
    private final LossRegistry losses;
    private final ProjectorRegistry projectors;
    private final Optimizers optimizers;
    private final Potentials potentials;

    public RefinementEngine(ExtensionSource source) {
        this.simulators = new XrdSimulators(source);
        this.losses = new LossRegistry(source);
        this.projectors = new ProjectorRegistry(source);
        this.optimizers = new Optimizers(source);
        this.potentials = new Potentials(source);
    }

    /**
     * Resolves the contributions of a refinement once (loss, projector, optimizer, the default simulator; the
     * potential's id and settings are checked, its instances are made per run). The loss
     * {@link RefinementOptions#RESIDUAL} is the engine's own and resolves to no contribution.
     *
     * @throws ContributionException for an unknown id, an invalid setting or a contribution that fails to start,
     *         with a one-line message
     */
    public Refinement prepare(RefinementOptions options, InstrumentSettings instrument) throws ContributionException {
        LossFunction loss = null;
        String lossId = RefinementOptions.RESIDUAL;
        double lossSign = 1;
        if (!options.isResidual()) {
            Contribution lossContribution = losses.get(options.loss());
            loss = losses.create(lossContribution.id(), options.lossSettings());
            lossId = lossContribution.id();
            lossSign = LossRegistry.sign(lossContribution);
        }
        SymmetryProjector projector = options.hasProjector()
                ? projectors.create(options.projector(), options.projectorSettings()) : null;
        Contribution optimizerContribution = optimizers.registry().get(options.optimizer());
        Optimizer optimizer = optimizers.create(optimizerContribution.id(), options.optimizerSettings());
        if (options.energy() != null) {
            Contribution p = potentials.registry().get(options.energy().potential());
            try {
                p.defaultSettings().with(options.energy().settings());
            } catch (IllegalArgumentException e) {
                throw new ContributionException("contribution '" + p.id() + "': " + e.getMessage(), e);
            }
        }
        return new Refinement(options, instrument, simulators.defaultSimulator(), loss, lossId, lossSign, projector,
                optimizer, optimizerContribution.id(), potentials);
    }

    public LossRegistry losses() {
        return losses;
    }

    public ProjectorRegistry projectors() {
        return projectors;
    }

    public Optimizers optimizers() {
        return optimizers;
    }

    public Potentials potentials() {
        return potentials;
    }

    public XrdSimulators simulators() {
        return simulators;
    }
}
