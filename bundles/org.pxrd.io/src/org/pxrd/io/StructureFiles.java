package org.pxrd.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ContributionRegistry;
import org.pxrd.core.extensions.ExtensionSource;
import org.pxrd.model.Structure;

/**
 * Reads and writes structure files through the formats contributed to {@code org.pxrd.io.structureFormats}:
 * the format is chosen by extension, then by exact file name, then by content. Every failure (missing or
 * unreadable file, binary content, a format error, a format plugin that throws) is a
 * {@link StructureFormatException} whose message names the file.
 */
public final class StructureFiles {

    /** Extension point id of structure formats. */
    public static final String EXTENSION_POINT = "org.pxrd.io.structureFormats";
    /** Files larger than this are refused (no structure file is this big; it protects against mistakes). */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    /** Characters of a file shown to formats that recognize content. */
    private static final int HEAD_CHARS = 4096;

    private final ContributionRegistry<StructureFormat> registry;

    public StructureFiles(ExtensionSource source) {
        this.registry = new ContributionRegistry<>(source, EXTENSION_POINT, StructureFormat.class);
    }

    /** The contributed formats. */
    public List<Contribution> formats() {
        return registry.contributions();
    }

    /** Every structure in a file (at least one). */
    public List<Structure> read(Path file) throws StructureFormatException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String text = readText(file);
        if (text.isBlank()) {
            throw new StructureFormatException(file.toString(), 0, "the file is empty");
        }
        Contribution contribution = choose(file, text);
        StructureFormat format = instance(contribution, file);
        List<Structure> structures;
        try {
            structures = format.read(text, file.toString());
        } catch (StructureFormatException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new StructureFormatException(file.toString(), 0, "format " + contribution.id() + " failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        if (structures == null || structures.isEmpty()) {
            throw new StructureFormatException(file.toString(), 0, "no structure in " + name);
        }
        return structures;
    }

    /** The first structure of a file. */
    public Structure readFirst(Path file) throws StructureFormatException {
        return read(file).get(0);
    }

    /** Writes a structure in the format of the file's extension. */
    public void write(Structure structure, Path file) throws StructureFormatException {
        Contribution contribution = byName(file).orElseThrow(() -> new StructureFormatException(file.toString(), 0,
                "no structure format writes files named like this (known extensions: " + knownExtensions() + ")"));
        StructureFormat format = instance(contribution, file);
        if (!format.canWrite()) {
            throw new StructureFormatException(file.toString(), 0, "format " + contribution.name() + " cannot write");
        }
        String text;
        try {
            text = format.write(structure);
        } catch (RuntimeException e) {
            throw new StructureFormatException(file.toString(), 0, "format " + contribution.id() + " failed: " + e, e);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(parent, ".pxrd-", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StructureFormatException(file.toString(), 0, "cannot write: " + e.getMessage(), e);
        }
    }

    private StructureFormat instance(Contribution contribution, Path file) throws StructureFormatException {
        try {
            return registry.create(contribution, contribution.defaultSettings());
        } catch (ContributionException e) {
            throw new StructureFormatException(file.toString(), 0, e.getMessage(), e);
        }
    }

    private Contribution choose(Path file, String text) throws StructureFormatException {
        Optional<Contribution> byName = byName(file);
        if (byName.isPresent()) {
            return byName.get();
        }
        String head = text.substring(0, Math.min(text.length(), HEAD_CHARS));
        for (Contribution c : registry.contributions()) {
            try {
                if (registry.create(c, c.defaultSettings()).recognizes(head)) {
                    return c;
                }
            } catch (ContributionException | RuntimeException e) {
                // a broken format cannot claim the file; the others still can
            }
        }
        throw new StructureFormatException(file.toString(), 0, "unknown structure format (known extensions: "
                + knownExtensions() + ")");
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

    private String knownExtensions() {
        List<String> all = new ArrayList<>();
        for (Contribution c : registry.contributions()) {
            all.addAll(list(c, "fileExtensions"));
            all.addAll(list(c, "fileNames"));
        }
        return String.join(", ", all);
    }

    /** The file as text: UTF-8, else Latin-1; refuses missing, unreadable, huge and binary files. */
    static String readText(Path file) throws StructureFormatException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new StructureFormatException(file.toString(), 0, "is a directory, not a file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new StructureFormatException(file.toString(), 0, "is larger than " + MAX_FILE_BYTES / 1024 / 1024
                        + " MB");
            }
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new StructureFormatException(file.toString(), 0, "no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new StructureFormatException(file.toString(), 0, "permission denied");
        } catch (IOException e) {
            throw new StructureFormatException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
        for (int i = 0; i < Math.min(bytes.length, 65536); i++) {
            if (bytes[i] == 0) {
                throw new StructureFormatException(file.toString(), 0, "is a binary file, not a text file");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
