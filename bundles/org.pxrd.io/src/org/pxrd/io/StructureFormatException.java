package org.pxrd.io;

/**
 * A file that cannot be read (or a structure that cannot be written) as a structure. The message is one line
 * naming the file, the line when there is one, and the problem: {@code BPO4.cif:17: unknown element 'Xx'}.
 */
public class StructureFormatException extends FileFormatException {

    private static final long serialVersionUID = 1L;

    /**
     * @param source the file name (or another label of the input)
     * @param line the 1-based line, or 0 when the problem has no line
     * @param problem what is wrong, without the file name
     */
    public StructureFormatException(String source, int line, String problem) {
        this(source, line, problem, null);
    }

    /** As above, with the cause. */
    public StructureFormatException(String source, int line, String problem, Throwable cause) {
        super(source, line, problem, cause);
    }
}
