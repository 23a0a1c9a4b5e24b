package org.pxrd.io;

/**
 * A file that cannot be read (or a structure that cannot be written) as a structure. The message is one line
 * naming the file, the line when there is one, and the problem: {@code BPO4.cif:17: unknown element 'Xx'}.
 */
public class StructureFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String problem;

    /**
     * @param source the file name (or another label of the input)
     * @param line the 1-based line, or 0 when the problem has no line
     * @param problem what is wrong, without the file name
     */
    public StructureFormatException(String source, int line, String problem) {
        this(source, line, problem, null);
    }

    /** As above, with the cause; control characters in the problem (quoted file content) become blanks. */
    public StructureFormatException(String source, int line, String problem, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": " + oneLine(problem), cause);
        this.source = source;
        this.line = line;
        this.problem = oneLine(problem);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
    }

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
