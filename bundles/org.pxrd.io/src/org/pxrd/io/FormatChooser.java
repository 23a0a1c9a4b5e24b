package org.pxrd.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ContributionRegistry;
import org.pxrd.core.extensions.ExtensionSource;

/**
 * Chooses the contributed format for a file, the same way for structure and pattern files: by extension
 * (attribute {@code fileExtensions}, case-insensitive), then by exact file name (attribute {@code fileNames}: the
 * name itself, {@code NAME.anything} or {@code anything_NAME}), then, for reading, by asking each format whether it
 * recognizes the beginning of the text (the first {@value #HEAD_CHARS} characters). A format that fails to start
 * cannot claim a file; the others still can.
 *
 * @param <F> the family's format interface
 */
final class FormatChooser<F> {

    /** Characters of a file shown to formats that recognize content. */
    static final int HEAD_CHARS = 4096;

    private final ContributionRegistry<F> registry;
    private final BiPredicate<F, String> recognizes;
    private final String kind;

    /**
     * @param recognizes whether a format recognizes the head of a text
     * @param kind what the formats read, for messages ("structure", "pattern")
     */
    FormatChooser(ExtensionSource source, String extensionPoint, Class<F> type, BiPredicate<F, String> recognizes,
            String kind) {
        this.registry = new ContributionRegistry<>(source, extensionPoint, type);
        this.recognizes = recognizes;
        this.kind = kind;
    }

    List<Contribution> contributions() {
        return registry.contributions();
    }

    /** A new instance of a format with its default settings. */
    <E extends Exception> F instance(Contribution contribution, Path file, TextFiles.Errors<E> errors) throws E {
        try {
            return registry.create(contribution, contribution.defaultSettings());
        } catch (ContributionException e) {
            throw errors.create(file.toString(), 0, e.getMessage());
        }
    }

    /** The format that reads a file: by name, else by content. */
    <E extends Exception> Contribution forReading(Path file, String text, TextFiles.Errors<E> errors) throws E {
        Optional<Contribution> byName = byName(file);
        if (byName.isPresent()) {
            return byName.get();
        }
        String head = text.substring(0, Math.min(text.length(), HEAD_CHARS));
        for (Contribution c : registry.contributions()) {
            try {
                if (recognizes.test(registry.create(c, c.defaultSettings()), head)) {
                    return c;
                }
            } catch (ContributionException | RuntimeException e) {
                // a broken format cannot claim the file; the others still can
            }
        }
        throw errors.create(file.toString(), 0, "unknown " + kind + " format (known extensions: " + knownExtensions()
                + ")");
    }

    /** The format that writes a file of this name. */
    <E extends Exception> Contribution forWriting(Path file, TextFiles.Errors<E> errors) throws E {
        Optional<Contribution> byName = byName(file);
        if (byName.isEmpty()) {
            throw errors.create(file.toString(), 0, "no " + kind + " format writes files named like this (known "
                    + "extensions: " + knownExtensions() + ")");
        }
        return byName.get();
    }

    private Optional<Contribution> byName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (Contribution c : registry.contributions()) {
            for (String ext : list(c, "fileExtensions")) {
                if (lower.endsWith("." + ext.toLowerCase(Locale.ROOT))) {
                    return Optional.of(c);
                }
            }
        }
        for (Contribution c : registry.contributions()) {
            for (String exact : list(c, "fileNames")) {
                if (name.equals(exact) || name.startsWith(exact + ".") || name.endsWith("_" + exact)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> list(Contribution c, String attribute) {
        return c.attribute(attribute).map(v -> Arrays.asList(v.split("\\s*,\\s*"))).orElse(List.of());
    }

    /** Every extension and file name the formats claim, for messages. */
    String knownExtensions() {
        List<String> all = new ArrayList<>();
        for (Contribution c : registry.contributions()) {
            all.addAll(list(c, "fileExtensions"));
            all.addAll(list(c, "fileNames"));
        }
        return String.join(", ", all);
    }
}
