package org.pxrd.study.run;

/**
 * The one step of a study that needs the refinement engine: refine one distorted start toward its ground
 * truth and judge the result. Everything around it (expansion, seeds, distortion, threads, results files,
 * resume, shards, statistics, report) is the study bundle's.
 *
 * <p>Contract of an implementation:
 * <ul>
 * <li>Refine {@link RunInput#start()} (the truth distorted by the run's noise) with the run's loss against the
 * truth's simulated pattern under the study's instrument, moving the run's refined parameters with the study's
 * optimizer and learning rates, applying the run's projector after every step (none: unconstrained), and
 * stopping by the study's stop rule.</li>
 * <li>Judge the final structure against the truth with the study's matcher (verdict and rms) and distance
 * (e.g. AMD), at the start and at the end; give the XRD similarity that goes with the loss (higher is more
 * similar, e.g. the cosine similarity for the negative-cosine loss) at the start and at the end.</li>
 * <li>Depend only on the input: the same input gives the same outcome on any machine and thread count (use
 * {@link RunSpec#seed()} for anything random; never a clock, except the stop rule's optional wall time).</li>
 * <li>Be thread-safe: the runner calls {@link #run} concurrently from its worker threads.</li>
 * <li>Poll {@link RunInput#cancellation()} between steps and return a {@link RunOutcome} with status
 * {@code CANCELLED} soon after it is cancelled (the runner does not record cancelled runs, so a resumed study
 * runs them again).</li>
 * <li>Report a failure of the run (NaN loss, divergence, a simulator error) as an outcome with status
 * {@code FAILED} and a one-line message; an exception thrown here is recorded the same way. A failure ends
 * this run only.</li>
 * </ul>
 */
@FunctionalInterface
public interface DistortionRun {

    /**
     * Refines and judges one run.
     *
     * @throws Exception a failure of this run: recorded as FAILED with the exception's message
     */
    RunOutcome run(RunInput input) throws Exception;
}
