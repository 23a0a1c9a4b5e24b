package org.pxrd.optimization.run;

/**
 * The objective of a run could not be evaluated (a potential's worker crashed, a structure became impossible).
 * The message is one line naming the cause; the run that meets it ends with {@link RunStatus#FAILED}.
 */
public class EvaluationException extends Exception {

    private static final long serialVersionUID = 1L;

    public EvaluationException(String message) {
        super(message);
    }

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
