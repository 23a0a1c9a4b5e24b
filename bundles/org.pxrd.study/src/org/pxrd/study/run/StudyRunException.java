package org.pxrd.study.run;

/**
 * A study cannot start or go on (a results folder of another study, a damaged results file, an unreadable
 * structure): the message is one line naming the file and the problem. Failures of single runs are not
 * exceptions but FAILED records.
 */
public class StudyRunException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StudyRunException(String message) {
        super(message);
    }

    public StudyRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
