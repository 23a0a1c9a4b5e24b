package org.pxrd.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reading and writing the text files of the structure and pattern formats, with the same one-line errors for
 * both (the error type is the caller's, made by an {@link Errors} factory).
 */
final class TextFiles {

    /** Makes the caller's exception for a problem of a file (line 0: no particular line). */
    @FunctionalInterface
    interface Errors<E extends Exception> {
        E create(String source, int line, String problem);
    }

    private TextFiles() {
    }

    /**
     * The file as text: UTF-8, else Latin-1 (files from old instruments), without a byte order mark. Refuses a
     * missing or unreadable file, a directory, a file larger than {@code maxBytes} and a binary file (one with a
     * NUL byte anywhere).
     */
    static <E extends Exception> String read(Path file, long maxBytes, Errors<E> errors) throws E {
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw errors.create(source, 0, "is a directory, not a file");
            }
            if (Files.size(file) > maxBytes) {
                throw errors.create(source, 0, "is larger than " + maxBytes / 1024 / 1024 + " MB");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw errors.create(source, 0, e instanceof NoSuchFileException ? "no such file"
                    : e instanceof AccessDeniedException ? "permission denied" : "cannot read: " + describe(e));
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw errors.create(source, 0, "is a binary file, not a text file");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Writes text (UTF-8) atomically: to a temporary file beside the target, then moved over it, so the target
     * is either the complete new text or left as it was; the temporary file never stays behind.
     */
    static <E extends Exception> void write(Path file, String text, Errors<E> errors) throws E {
        Path tmp = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            tmp = Files.createTempFile(parent, ".pxrd-", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw errors.create(file.toString(), 0, "cannot write: " + describe(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the target is already complete or untouched; a stray temporary file is all that is left
                }
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
