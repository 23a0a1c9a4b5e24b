package org.pxrd.study.protocol;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pxrd.examples.Examples;
import org.pxrd.study.protocol.StudyDescription.StructureSource;

/**
 * The structure files of a study and their keys. A structure's key is its file name without the extension
 * (e.g. {@code mp-1709_U2Ti_sg191}); it names the structure in run ids, results and tables, so keys must be
 * distinct within a study. Only the list of files is resolved here: reading them is the caller's (the files
 * may be in any format the io bundle reads).
 */
public final class StructureSets {

    /** The example sets a study can name: {@code study10}, the study's ten conventional standard cells. */
    public static final List<String> EXAMPLE_SETS = List.of("study10");

    private StructureSets() {
    }

    /** A structure file with its key. */
    public record StructureFile(String key, Path path) {
    }

    /**
     * The files of a source, in study order: an example set as shipped, a folder's matching files sorted by
     * name, a file list as given.
     *
     * @throws StudyFormatException when a folder is missing or holds no matching file, a listed file does not
     *         exist, or two files have the same key
     */
    public static List<StructureFile> files(StructureSource source) {
        List<Path> paths;
        if (source.examples() != null) {
            paths = Examples.studyStructures();
        } else if (source.folder() != null) {
            paths = folder(source.folder(), source.glob());
        } else {
            paths = source.files();
            for (Path p : paths) {
                if (!Files.isRegularFile(p)) {
                    throw new StudyFormatException("structures.files: " + p + ": no such file");
                }
            }
        }
        List<StructureFile> files = new ArrayList<>();
        Map<String, Path> byKey = new HashMap<>();
        for (Path p : paths) {
            String key = key(p);
            Path other = byKey.put(key, p);
            if (other != null) {
                throw new StudyFormatException("structures: " + other + " and " + p + " have the same name \"" + key
                        + "\" (structures are named by their file names without extension: rename one)");
            }
            files.add(new StructureFile(key, p));
        }
        return files;
    }

    /** The key of a structure file: its name without the last extension. */
    public static String key(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static List<Path> folder(Path folder, String glob) {
        if (!Files.isDirectory(folder)) {
            throw new StudyFormatException("structures.folder: " + folder + ": no such folder");
        }
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, glob)) {
            for (Path p : s) {
                if (Files.isRegularFile(p)) {
                    paths.add(p);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new StudyFormatException("structures.folder: cannot list " + folder + " with glob \"" + glob
                    + "\": " + e.getMessage());
        }
        if (paths.isEmpty()) {
            throw new StudyFormatException("structures.folder: " + folder + " holds no file matching \"" + glob + "\"");
        }
        paths.sort(null);
        return paths;
    }
}
