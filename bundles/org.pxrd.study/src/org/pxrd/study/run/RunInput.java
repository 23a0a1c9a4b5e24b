package org.pxrd.study.run;

import org.pxrd.model.Structure;
import org.pxrd.optimization.run.CancellationToken;
import org.pxrd.study.protocol.StudyDescription;

/**
 * What a {@link DistortionRun} gets for one run.
 *
 * @param spec the run (loss, projector, refined parameters, seeds)
 * @param study the study (instrument, optimizer and learning rates, stop rule, matcher, distance)
 * @param truth the ground-truth structure, as read from its file
 * @param start the distorted start: the truth under the run's noise model, drawn from the run's distortion seed
 * @param cancellation cancelled when the study is interrupted
 */
public record RunInput(RunSpec spec, StudyDescription study, Structure truth, Structure start,
        CancellationToken cancellation) {
}
