package org.pxrd.ui.editor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;
import org.pxrd.io.StructureFiles;
import org.pxrd.io.StructureFormatException;
import org.pxrd.model.Structure;

/**
 * What a structure editor edits: a structure read from a file (CIF, POSCAR or any contributed format), or an
 * unsaved structure made by the workbench (a refinement result, a point of a loss landscape) that Save writes
 * to a file of the user's choice. Two inputs of the same file are equal, so opening a file twice shows its
 * editor again.
 */
public final class StructureEditorInput implements IEditorInput {

    private final Path file;
    private final Structure structure;
    private final int structuresInFile;
    private final String name;

    private StructureEditorInput(Path file, Structure structure, int structuresInFile, String name) {
        this.file = file == null ? null : file.toAbsolutePath().normalize();
        this.structure = Objects.requireNonNull(structure, "structure");
        this.structuresInFile = structuresInFile;
        this.name = name;
    }

    /**
     * Reads a structure file (the first structure when it holds several).
     *
     * @throws StructureFormatException with the one-line message of the reader (file, line, problem)
     */
    public static StructureEditorInput read(StructureFiles files, Path file) throws StructureFormatException {
        List<Structure> all = files.read(file);
        return new StructureEditorInput(file, all.get(0), all.size(), file.getFileName().toString());
    }

    /** A structure kept in memory until it is saved, shown under {@code name}. */
    public static StructureEditorInput unsaved(Structure structure, String name) {
        return new StructureEditorInput(null, structure, 1, name == null || name.isBlank() ? structure.name() : name);
    }

    /** The input of a structure just saved to {@code file}. */
    static StructureEditorInput saved(Structure structure, Path file) {
        return new StructureEditorInput(file, structure, 1, file.getFileName().toString());
    }

    /** The file (absolute), or null for an unsaved structure. */
    public Path file() {
        return file;
    }

    /** The structure as read. */
    public Structure structure() {
        return structure;
    }

    /** How many structures the file holds (the editor shows the first). */
    public int structuresInFile() {
        return structuresInFile;
    }

    @Override
    public boolean exists() {
        return file != null && Files.isRegularFile(file);
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return file != null ? file.toString() : name + " (not saved)";
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == Path.class && file != null) {
            return adapter.cast(file);
        }
        if (adapter == Structure.class) {
            return adapter.cast(structure);
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof StructureEditorInput other && file != null && file.equals(other.file);
    }

    @Override
    public int hashCode() {
        return file != null ? file.hashCode() : System.identityHashCode(this);
    }
}
