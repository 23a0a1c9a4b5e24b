/**
 * Running a study: its expansion into runs with stable ids and derived seeds
 * ({@link org.pxrd.study.run.StudyPlan}, {@link org.pxrd.study.run.RunSpec}), shards
 * ({@link org.pxrd.study.run.Shard}), the run function the refinement engine implements
 * ({@link org.pxrd.study.run.DistortionRun}) and its implementation on the refinement engine
 * ({@link org.pxrd.study.run.RefinementDistortionRun}), execution on a thread pool with progress
 * ({@link org.pxrd.study.run.StudyRunner}, {@link org.pxrd.study.run.ProgressBar}), the crash-safe results file
 * ({@link org.pxrd.study.run.ResultsFile}, {@link org.pxrd.study.run.RunRecord}), the output folder
 * ({@link org.pxrd.study.run.StudyFolder}) and the merge of shard folders
 * ({@link org.pxrd.study.run.ShardMerge}).
 */
package org.pxrd.study.run;
