package org.pxrd.ui.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON form of the science bundles' plain records (instrument settings, radiation) as the workbench stores them
 * in preferences and view state: Jackson writes and reads them as they are.
 */
public final class JsonText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonText() {
    }

    /** The JSON text of a value. */
    public static String of(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * A value from its JSON text.
     *
     * @throws IllegalArgumentException with the record's own message (e.g. "wavelength -1.0 Å must be positive and
     *         finite") or the parser's when the text is no valid value
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException(cause instanceof IllegalArgumentException
                    || cause instanceof NullPointerException ? cause.getMessage() : e.getOriginalMessage(), e);
        }
    }
}
