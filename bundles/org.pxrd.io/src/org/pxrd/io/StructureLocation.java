package org.pxrd.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A structure file, optionally with the name of one structure in it, as users write it on a command line or in
 * a dialog: {@code BPO4.cif} (every structure of the file) or {@code two.cif#rutile} (the structure named
 * {@code rutile}: for a CIF, the data block {@code data_rutile}).
 *
 * <p>The text is split at its last {@code #} only when it does not name an existing file itself and both parts
 * are non-empty, so file names that contain {@code #} keep working.
 *
 * @param file the file
 * @param name the structure's name, or null for all structures of the file
 */
public record StructureLocation(Path file, String name) {

    public StructureLocation {
        Objects.requireNonNull(file, "file");
        name = name == null || name.isEmpty() ? null : name;
    }

    /** The location a text names ({@code FILE} or {@code FILE#NAME}). */
    public static StructureLocation parse(String text) {
        int hash = text.lastIndexOf('#');
        if (hash > 0 && hash < text.length() - 1 && !Files.exists(Path.of(text))) {
            return new StructureLocation(Path.of(text.substring(0, hash)), text.substring(hash + 1));
        }
        return new StructureLocation(Path.of(text), null);
    }

    /** The location a path names, read as text ({@code FILE} or {@code FILE#NAME}). */
    public static StructureLocation of(Path path) {
        return parse(path.toString());
    }

    /** Whether one structure is named. */
    public boolean hasName() {
        return name != null;
    }

    @Override
    public String toString() {
        return name == null ? file.toString() : file + "#" + name;
    }
}
