package org.pxrd.cli;

/**
 * A problem with the user's input (bad argument, unreadable file, invalid structure) that ends a command with
 * a one-line message on stderr and a non-zero exit status. The message names the file and the problem.
 */
public class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
