package org.pxrd.io;

import org.pxrd.model.Pattern;

/**
 * A powder pattern file format, contributed through the extension point {@code org.pxrd.io.patternFormats}. The
 * contribution element names the file extensions ({@code fileExtensions="xy,xye"}) and exact file names the format
 * claims; {@link #recognizes} decides for other names. Implementations are stateless and thread-safe.
 *
 * <p>Units: 2θ in degrees, wavelength in Å. A format sets the pattern's wavelength only when the file states it
 * (never a default); everything else the file says about the measurement goes into the metadata.
 */
public interface PatternFormat {

    /**
     * Reads the pattern of a file.
     *
     * @param text the whole file as text
     * @param source the file name, for error messages and the pattern's name
     * @return the pattern (2θ strictly increasing) and the file's metadata
     * @throws PatternFormatException naming the source, the line and the problem; never a partial result
     */
    PatternData read(String text, String source) throws PatternFormatException;

    /** Whether the beginning of a file looks like this format (for files whose name says nothing). */
    boolean recognizes(String head);

    /** Whether {@link #write} is supported. */
    boolean canWrite();

    /**
     * The text of a file holding the pattern (with its wavelength when known, so that reading it back keeps it).
     *
     * @throws PatternFormatException when the pattern cannot be expressed in this format
     */
    String write(Pattern pattern) throws PatternFormatException;
}
