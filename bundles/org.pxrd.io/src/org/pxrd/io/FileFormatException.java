package org.pxrd.io;

/**
 * A file that cannot be read (or data that cannot be written) in a format. The message is one line naming the
 * file, the line when there is one, and the problem: {@code BPO4.cif:17: unknown element 'Xx'}. Subclasses say what
 * kind of file it was ({@link StructureFormatException}, {@link PatternFormatException}).
 */
public class FileFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String problem;

    /**
     * @param source the file name (or another label of the input)
     * @param line the 1-based line, or 0 when the problem has no line
     * @param problem what is wrong, without the file name; control characters (quoted file content) become blanks
     * @param cause the underlying exception, or null
     */
    public FileFormatException(String source, int line, String problem, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": " + oneLine(problem), cause);
        this.source = source;
        this.line = line;
        this.problem = oneLine(problem);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
    }

    /** The file name or label. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, or 0. */
    public int line() {
        return line;
    }

    /** The problem without file and line. */
    public String problem() {
        return problem;
    }
}
