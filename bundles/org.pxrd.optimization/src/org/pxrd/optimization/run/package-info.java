/**
 * What every iterative run of the optimization bundle shares, so that views, trace files and batch drivers
 * consume relaxations and refinements alike.
 *
 * <ul>
 * <li>A run emits one {@link org.pxrd.optimization.run.StepEvent} per step (step 0 is the starting point):
 * named numbers ({@code fields()}/{@code values()}) that a {@link org.pxrd.optimization.run.CsvTrace} writes
 * as rows, plus typed accessors for views.</li>
 * <li>The caller hands the run a {@link org.pxrd.optimization.run.RunMonitor}: listeners for the events, the
 * progress (step of maximum steps) and a {@link org.pxrd.optimization.run.CancellationToken}. A batch shares
 * one token (or gives each run a {@link org.pxrd.optimization.run.CancellationToken#child() child}), so one
 * call cancels every run.</li>
 * <li>A run ends with a {@link org.pxrd.optimization.run.RunStatus}; a failure (the objective throws or
 * becomes NaN) ends that run only, with a one-line message, and never escapes as an exception.</li>
 * </ul>
 */
package org.pxrd.optimization.run;
