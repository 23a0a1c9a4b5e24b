package org.pxrd.diffraction.preprocess;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a preprocessing pipeline as a user writes it: a contribution id (also without its namespace) and
 * settings as text, {@code id[:key=value,key=value...]}, e.g. {@code snip:window=1.5,lls=false} or {@code normalize}.
 *
 * @param id the contribution id, e.g. {@code snip} or {@code org.pxrd.diffraction.snip}
 * @param settings the settings given, as text, in order (unmodifiable)
 */
public record PreprocessingStep(String id, Map<String, String> settings) {

    public PreprocessingStep {
        Objects.requireNonNull(id, "id");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * Parses {@code id[:key=value,...]}.
     *
     * @throws IllegalArgumentException naming the text and what is wrong
     */
    public static PreprocessingStep parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.indexOf(':');
        String id = (colon < 0 ? t : t.substring(0, colon)).strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("preprocessing step '" + text + "' must be ID[:key=value,...], e.g. "
                    + "snip:window=1.5");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String pair : t.substring(colon + 1).split(",", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || pair.substring(0, eq).isBlank()) {
                    throw new IllegalArgumentException("preprocessing step '" + text + "' has '" + pair.strip()
                            + "' where key=value belongs");
                }
                String key = pair.substring(0, eq).strip();
                if (settings.put(key, pair.substring(eq + 1).strip()) != null) {
                    throw new IllegalArgumentException("preprocessing step '" + text + "' sets '" + key + "' twice");
                }
            }
        }
        return new PreprocessingStep(id, settings);
    }

    /** {@code id:key=value,...} as it parses. */
    public String describe() {
        if (settings.isEmpty()) {
            return id;
        }
        StringBuilder sb = new StringBuilder(id).append(':');
        settings.forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == ':' ? "" : ",").append(k).append('=')
                .append(v));
        return sb.toString();
    }
}
