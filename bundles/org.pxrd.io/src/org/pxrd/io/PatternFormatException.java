package org.pxrd.io;

/**
 * A file that cannot be read (or a pattern that cannot be written) as a powder pattern. The message is one line
 * naming the file, the line when there is one, and the problem: {@code scan.xy:12: 2theta 'abc' is not a number}.
 */
public class PatternFormatException extends FileFormatException {

    private static final long serialVersionUID = 1L;

    /**
     * @param source the file name (or another label of the input)
     * @param line the 1-based line, or 0 when the problem has no line
     * @param problem what is wrong, without the file name
     */
    public PatternFormatException(String source, int line, String problem) {
        this(source, line, problem, null);
    }

    /** As above, with the cause. */
    public PatternFormatException(String source, int line, String problem, Throwable cause) {
        super(source, line, problem, cause);
    }
}
