package org.pxrd.optimization.run;

/**
 * A thread-safe cancellation flag. Runs poll it between steps and end with {@link RunStatus#CANCELLED}. A
 * {@link #child()} is cancelled with its parent but can also be cancelled alone, so a batch can stop one run
 * or all of them.
 */
public final class CancellationToken {

    private final CancellationToken parent;
    private volatile boolean cancelled;

    /** A token that is not cancelled and has no parent. */
    public CancellationToken() {
        this(null);
    }

    private CancellationToken(CancellationToken parent) {
        this.parent = parent;
    }

    /** A token cancelled when this one is, or on its own. */
    public CancellationToken child() {
        return new CancellationToken(this);
    }

    /** Requests cancellation; runs stop at their next step. Idempotent. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether this token or one of its ancestors was cancelled. */
    public boolean isCancelled() {
        return cancelled || parent != null && parent.isCancelled();
    }
}
