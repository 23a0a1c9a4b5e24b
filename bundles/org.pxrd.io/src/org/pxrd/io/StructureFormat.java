package org.pxrd.io;

import java.util.List;

import org.pxrd.model.Structure;

/**
 * A structure file format, contributed through the extension point {@code org.pxrd.io.structureFormats}.
 * The contribution element names the file extensions ({@code fileExtensions="cif"}) and exact file names
 * ({@code fileNames="POSCAR,CONTCAR"}) the format claims; {@link #recognizes} decides for other names.
 * Implementations are stateless and thread-safe.
 */
public interface StructureFormat {

    /**
     * Reads every structure in a file.
     *
     * @param text the whole file as text
     * @param source the file name, for error messages
     * @return at least one structure
     * @throws StructureFormatException naming the source, the line and the problem; never a partial result
     */
    List<Structure> read(String text, String source) throws StructureFormatException;

    /**
     * Reads the one structure of a file that has this name (a CIF data block name, case-insensitive). Formats
     * that can interpret one structure alone override this so that problems elsewhere in the file do not
     * matter; the default reads all and picks.
     *
     * @throws StructureFormatException naming the source and the problem, or listing the names in the file when
     *         none matches
     */
    default Structure read(String text, String source, String name) throws StructureFormatException {
        List<Structure> all = read(text, source);
        for (Structure s : all) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new StructureFormatException(source, 0, "no structure named '" + name + "' (the file holds: "
                + String.join(", ", all.stream().map(Structure::name).toList()) + ")");
    }

    /** Whether the beginning of a file looks like this format (for files whose name says nothing). */
    boolean recognizes(String head);

    /** Whether {@link #write} is supported. */
    boolean canWrite();

    /**
     * The text of a file holding the structure.
     *
     * @throws StructureFormatException when the structure cannot be expressed in this format
     */
    String write(Structure structure) throws StructureFormatException;
}
