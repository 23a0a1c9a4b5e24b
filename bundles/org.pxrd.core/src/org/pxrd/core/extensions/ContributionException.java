package org.pxrd.core.extensions;

/**
 * A contribution could not be found, loaded, instantiated or run. The message names the contribution, its
 * bundle and the problem in one line, ready for a status bar, an error log or a command-line error.
 */
public class ContributionException extends Exception {

    private static final long serialVersionUID = 1L;

    public ContributionException(String message) {
        super(message);
    }

    public ContributionException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The message for a failure of {@code contribution}, with the cause's own message. */
    static String describe(Contribution contribution, String what, Throwable cause) {
        String detail = cause == null ? "" : ": " + causeText(cause);
        return "contribution '" + contribution.id() + "' from bundle " + contribution.bundle() + " " + what + detail;
    }

    static String causeText(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root
                && (root instanceof ReflectiveOperationException || root.getMessage() == null)) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
