package org.pxrd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.pxrd.core.extensions.ExtensionSource;
import org.pxrd.io.PatternData;
import org.pxrd.io.PatternFiles;
import org.pxrd.io.PatternFormatException;
import org.pxrd.io.StructureFiles;
import org.pxrd.io.StructureFormatException;
import org.pxrd.io.StructureLocation;
import org.pxrd.model.Pattern;
import org.pxrd.model.Structure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What every command gets: the contributions of the running environment, the output streams (machine readable
 * results on {@code out}, diagnostics on {@code err}) and the shared ways to read inputs and write results, so
 * that every command reports bad input the same way.
 */
public record CliContext(ExtensionSource extensions, PrintWriter out, PrintWriter err) {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Every structure in a file, or the one named by {@code FILE#NAME} (a CIF data block, see
     * {@link StructureLocation}); a bad file ends the command with a one-line message naming it.
     */
    public List<Structure> readStructures(Path file) {
        try {
            return new StructureFiles(extensions).read(StructureLocation.of(file));
        } catch (StructureFormatException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** The first structure in a file. */
    public Structure readStructure(Path file) {
        return readStructures(file).get(0);
    }

    /** Writes a structure in the format of the file's extension. */
    public void writeStructure(Structure structure, Path file) {
        try {
            new StructureFiles(extensions).write(structure, file);
        } catch (StructureFormatException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** The pattern in a file (any contributed pattern format); a bad file ends the command with one line. */
    public Pattern readPattern(Path file) {
        try {
            return new PatternFiles(extensions).read(file);
        } catch (PatternFormatException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** The pattern in a file with the file's metadata (e.g. Kα1, Kα2 and their ratio); errors as {@link #readPattern}. */
    public PatternData readPatternData(Path file) {
        try {
            return new PatternFiles(extensions).readData(file);
        } catch (PatternFormatException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** Writes a pattern in the format of the file's extension (atomically); a failure ends the command. */
    public void writePattern(Pattern pattern, Path file) {
        try {
            new PatternFiles(extensions).write(pattern, file);
        } catch (PatternFormatException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** The shared JSON mapper (thread-safe once configured). */
    public ObjectMapper json() {
        return JSON;
    }

    /** Prints a value as one line of JSON on stdout. */
    public void printJson(Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
