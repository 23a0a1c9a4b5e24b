package org.pxrd.study.run;

/**
 * Receives the progress of a study run. {@link #finished} is called from the worker threads, one call per
 * recorded run; implementations must be thread-safe.
 */
public interface Progress {

    /** A listener that shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void started(int total, int alreadyDone) {
        }

        @Override
        public void finished(RunRecord record) {
        }

        @Override
        public void ended() {
        }
    };

    /** Before the first run: the runs of the shard and how many of them earlier sessions finished. */
    void started(int total, int alreadyDone);

    /** A run was recorded. */
    void finished(RunRecord record);

    /** After the last run (or the interruption). */
    void ended();
}
