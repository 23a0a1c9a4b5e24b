package org.pxrd.study.protocol;

/**
 * A study description that cannot be used: the message is one line naming the source, the field (as a path,
 * e.g. {@code conditions[0].levels[2]}) and the problem.
 */
public class StudyFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StudyFormatException(String message) {
        super(message);
    }
}
