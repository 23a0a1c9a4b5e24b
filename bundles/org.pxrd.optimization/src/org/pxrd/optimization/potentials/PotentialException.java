package org.pxrd.optimization.potentials;

import org.pxrd.optimization.run.EvaluationException;

/**
 * A potential could not evaluate a structure: an element it has no parameters for, overlapping atoms, an
 * external worker that crashed, hung or sent a bad reply. The message is one line naming the potential and
 * the problem.
 */
public class PotentialException extends EvaluationException {

    private static final long serialVersionUID = 1L;

    public PotentialException(String message) {
        super(message);
    }

    public PotentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
