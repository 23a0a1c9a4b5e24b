package org.pxrd.ui.testsupport;

import java.util.List;

import org.pxrd.io.StructureFormat;
import org.pxrd.model.Structure;

/** A test-only contribution whose constructor throws, as a buggy third-party plugin might. */
public class BrokenFormat implements StructureFormat {

    /** The message of the constructor's exception. */
    public static final String MESSAGE = "broken on purpose by the UI tests";

    public BrokenFormat() {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public List<Structure> read(String text, String source) {
        return List.of();
    }

    @Override
    public boolean recognizes(String head) {
        return false;
    }

    @Override
    public boolean canWrite() {
        return false;
    }

    @Override
    public String write(Structure structure) {
        return "";
    }
}
