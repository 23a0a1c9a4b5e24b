package org.pxrd.io;

import java.nio.file.Path;
import java.util.List;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ExtensionSource;
import org.pxrd.model.InvalidModelException;
import org.pxrd.model.Pattern;

/**
 * Reads and writes powder pattern files through the formats contributed to {@code org.pxrd.io.patternFormats},
 * chosen by extension, then by exact file name, then by content ({@link FormatChooser}). Every failure (missing or
 * unreadable file, binary content, a format error, a format plugin that throws) is a
 * {@link PatternFormatException} whose one-line message names the file (and the line when there is one).
 *
 * <p>The wavelength (Å) travels with the pattern when the file states it and is absent otherwise: callers that
 * need one must ask the user ({@link #requireWavelength}), never assume Cu Kα.
 */
public final class PatternFiles {

    /** Extension point id of pattern formats. */
    public static final String EXTENSION_POINT = "org.pxrd.io.patternFormats";
    /** Files larger than this are refused (a 2D detector image is not a powder pattern file). */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    private final FormatChooser<PatternFormat> formats;

    public PatternFiles(ExtensionSource source) {
        this.formats = new FormatChooser<>(source, EXTENSION_POINT, PatternFormat.class, PatternFormat::recognizes,
                "pattern");
    }

    /** The contributed formats. */
    public List<Contribution> formats() {
        return formats.contributions();
    }

    /** The pattern of a file. */
    public Pattern read(Path file) throws PatternFormatException {
        return readData(file).pattern();
    }

    /** The pattern of a file with its metadata. */
    public PatternData readData(Path file) throws PatternFormatException {
        String source = file.toString();
        String text = TextFiles.read(file, MAX_FILE_BYTES, PatternFormatException::new);
        if (text.isBlank()) {
            throw new PatternFormatException(source, 0, "the file is empty");
        }
        Contribution contribution = formats.forReading(file, text, PatternFormatException::new);
        PatternFormat format = formats.instance(contribution, file, PatternFormatException::new);
        PatternData data;
        try {
            data = format.read(text, source);
        } catch (PatternFormatException e) {
            throw e;
        } catch (InvalidModelException e) {
            throw new PatternFormatException(source, 0, e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new PatternFormatException(source, 0, "format " + contribution.id() + " failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        if (data == null) {
            throw new PatternFormatException(source, 0, "format " + contribution.id() + " found no pattern");
        }
        return data;
    }

    /**
     * Writes a pattern in the format of the file's extension, atomically: the file is either the complete new text
     * or left as it was.
     */
    public void write(Pattern pattern, Path file) throws PatternFormatException {
        Contribution contribution = formats.forWriting(file, PatternFormatException::new);
        PatternFormat format = formats.instance(contribution, file, PatternFormatException::new);
        if (!format.canWrite()) {
            throw new PatternFormatException(file.toString(), 0, "format " + contribution.name() + " cannot write");
        }
        String text;
        try {
            text = format.write(pattern);
        } catch (PatternFormatException e) {
            throw new PatternFormatException(file.toString(), 0, e.problem(), e);
        } catch (RuntimeException e) {
            throw new PatternFormatException(file.toString(), 0, "format " + contribution.id() + " failed: " + e, e);
        }
        TextFiles.write(file, text, PatternFormatException::new);
    }

    /**
     * The wavelength (Å) to use with a pattern: the one the user gave if any (it overrides the file's), else the
     * one the file states; with neither, an error saying how to give one.
     *
     * @param given the user's wavelength in Å, or NaN when none was given
     */
    public static double requireWavelength(Pattern pattern, double given) throws PatternFormatException {
        if (!Double.isNaN(given)) {
            if (!(given > 0 && Double.isFinite(given))) {
                throw new PatternFormatException(pattern.name(), 0, "wavelength " + given + " Å must be positive");
            }
            return given;
        }
        if (pattern.wavelength().isPresent()) {
            return pattern.wavelength().getAsDouble();
        }
        throw new PatternFormatException(pattern.name(), 0, "the file does not state the X-ray wavelength: give it "
                + "in Å (for example 1.5406 for Cu Kα1)");
    }
}
