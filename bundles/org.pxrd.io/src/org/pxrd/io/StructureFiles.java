package org.pxrd.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ExtensionSource;
import org.pxrd.model.InvalidModelException;
import org.pxrd.model.Structure;

/**
 * Reads and writes structure files through the formats contributed to {@code org.pxrd.io.structureFormats}:
 * the format is chosen by extension, then by exact file name, then by content ({@link FormatChooser}). Every
 * failure (missing or unreadable file, binary content, a format error, a format plugin that throws) is a
 * {@link StructureFormatException} whose message names the file. A file may hold several structures (the data
 * blocks of a CIF); {@link #read(Path, String)} and {@link StructureLocation} ({@code file.cif#block}) pick one.
 */
public final class StructureFiles {

    /** Extension point id of structure formats. */
    public static final String EXTENSION_POINT = "org.pxrd.io.structureFormats";
    /** Files larger than this are refused (no structure file is this big; it protects against mistakes). */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    private final FormatChooser<StructureFormat> formats;

    public StructureFiles(ExtensionSource source) {
        this.formats = new FormatChooser<>(source, EXTENSION_POINT, StructureFormat.class, StructureFormat::recognizes,
                "structure");
    }

    /** The contributed formats. */
    public List<Contribution> formats() {
        return formats.contributions();
    }

    /** Every structure in a file (at least one). */
    public List<Structure> read(Path file) throws StructureFormatException {
        return readWith(file, null);
    }

    /**
     * The structure of a file that has this name (for a CIF, the data block name, case-insensitive).
     *
     * @throws StructureFormatException also when no structure has the name (the message lists the names)
     */
    public Structure read(Path file, String name) throws StructureFormatException {
        return readWith(file, Objects.requireNonNull(name, "name")).get(0);
    }

    /** The structures a location names: all of its file, or the one named. */
    public List<Structure> read(StructureLocation location) throws StructureFormatException {
        return readWith(location.file(), location.name());
    }

    /** The first structure of a file. */
    public Structure readFirst(Path file) throws StructureFormatException {
        return read(file).get(0);
    }

    private List<Structure> readWith(Path file, String name) throws StructureFormatException {
        String source = file.toString();
        String text = TextFiles.read(file, MAX_FILE_BYTES, StructureFormatException::new);
        if (text.isBlank()) {
            throw new StructureFormatException(source, 0, "the file is empty");
        }
        Contribution contribution = formats.forReading(file, text, StructureFormatException::new);
        StructureFormat format = formats.instance(contribution, file, StructureFormatException::new);
        List<Structure> structures;
        try {
            structures = name == null ? format.read(text, source) : List.of(format.read(text, source, name));
        } catch (StructureFormatException e) {
            throw e;
        } catch (InvalidModelException e) {
            throw new StructureFormatException(source, 0, e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new StructureFormatException(source, 0, "format " + contribution.id() + " failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        if (structures == null || structures.isEmpty() || structures.stream().anyMatch(Objects::isNull)) {
            throw new StructureFormatException(source, 0, "format " + contribution.id() + " found no structure");
        }
        return structures;
    }

    /**
     * Writes a structure in the format of the file's extension (or name, such as {@code POSCAR}), atomically: the
     * file is either the complete new text or left as it was.
     */
    public void write(Structure structure, Path file) throws StructureFormatException {
        Contribution contribution = formats.forWriting(file, StructureFormatException::new);
        StructureFormat format = formats.instance(contribution, file, StructureFormatException::new);
        if (!format.canWrite()) {
            throw new StructureFormatException(file.toString(), 0, "format " + contribution.name() + " cannot write");
        }
        String text;
        try {
            text = format.write(structure);
        } catch (StructureFormatException e) {
            throw new StructureFormatException(file.toString(), 0, e.problem(), e);
        } catch (RuntimeException e) {
            throw new StructureFormatException(file.toString(), 0, "format " + contribution.id() + " failed: " + e, e);
        }
        TextFiles.write(file, text, StructureFormatException::new);
    }
}
