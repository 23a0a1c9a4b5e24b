package org.pxrd.ui.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.ui.services.PxrdServices;

/**
 * The file names the contributed formats claim ({@code fileExtensions} and {@code fileNames} of
 * {@code org.pxrd.io.structureFormats} and {@code org.pxrd.io.patternFormats}), for file dialog filters, for picking
 * files out of the command line and for telling structure files from pattern files.
 */
public final class FileFormats {

    private FileFormats() {
    }

    /** What a file holds, judged by its name. */
    public enum Kind {
        STRUCTURE, PATTERN, UNKNOWN
    }

    /** A format's name and the globs of the files it claims, e.g. {@code CIF 1.1: *.cif;*.mcif}. */
    public record Filter(String name, List<String> globs) {
    }

    /** One filter per format that claims any file names, in registry order. */
    public static List<Filter> filters(List<Contribution> formats) {
        List<Filter> filters = new ArrayList<>();
        for (Contribution format : formats) {
            List<String> globs = new ArrayList<>();
            for (String ext : list(format, "fileExtensions")) {
                globs.add("*." + ext);
            }
            for (String name : list(format, "fileNames")) {
                globs.add(name + "*");
            }
            if (!globs.isEmpty()) {
                filters.add(new Filter(format.name(), globs));
            }
        }
        return filters;
    }

    /**
     * Whether a file is a structure or a pattern file by its name: structure formats are asked first (a name both
     * claim opens as a structure), then pattern formats.
     */
    public static Kind kindOf(PxrdServices services, Path file) {
        if (claims(services.structureFiles().formats(), file)) {
            return Kind.STRUCTURE;
        }
        if (claims(services.patternFiles().formats(), file)) {
            return Kind.PATTERN;
        }
        return Kind.UNKNOWN;
    }

    /** Whether one of the formats claims this file by its extension or name. */
    public static boolean claims(List<Contribution> formats, Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (Contribution format : formats) {
            for (String ext : list(format, "fileExtensions")) {
                if (lower.endsWith("." + ext.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            for (String exact : list(format, "fileNames")) {
                if (name.equals(exact) || name.startsWith(exact + ".") || name.endsWith("_" + exact)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> list(Contribution c, String attribute) {
        return c.attribute(attribute).map(v -> Arrays.asList(v.strip().split("\\s*,\\s*"))).orElse(List.of());
    }
}
