package org.pxrd.core.extensions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated, immutable values of a contribution's declared settings. Unknown keys are rejected, so a typo
 * in a study file or on the command line is reported instead of silently ignored.
 */
public final class Settings {

    private final List<SettingDescriptor> descriptors;
    private final Map<String, Object> values;

    private Settings(List<SettingDescriptor> descriptors, Map<String, Object> values) {
        this.descriptors = List.copyOf(descriptors);
        this.values = Collections.unmodifiableMap(values);
    }

    /** The declared defaults (settings without a default stay unset). */
    public static Settings defaults(List<SettingDescriptor> descriptors) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (SettingDescriptor d : descriptors) {
            if (d.defaultValue() != null) {
                values.put(d.key(), d.parse(d.defaultValue()));
            }
        }
        return new Settings(descriptors, values);
    }

    /** Settings with no declarations and no values. */
    public static Settings none() {
        return new Settings(List.of(), new LinkedHashMap<>());
    }

    /**
     * A copy with the given values (as text) replacing the current ones.
     *
     * @throws IllegalArgumentException for an unknown key or an invalid value, naming both
     */
    public Settings with(Map<String, String> overrides) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            SettingDescriptor d = descriptor(e.getKey());
            copy.put(d.key(), d.parse(e.getValue()));
        }
        return new Settings(descriptors, copy);
    }

    /** A copy with one value replaced. */
    public Settings with(String key, String value) {
        return with(Map.of(key, value));
    }

    public List<SettingDescriptor> descriptors() {
        return descriptors;
    }

    /** The current values by key (numbers as {@link Double} or {@link Integer}). */
    public Map<String, Object> values() {
        return values;
    }

    /** The current values rendered as text, e.g. for JSON results and trace headers. */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((k, v) -> text.put(k, String.valueOf(v)));
        return text;
    }

    public double getDouble(String key) {
        return ((Number) require(key)).doubleValue();
    }

    public int getInt(String key) {
        return ((Number) require(key)).intValue();
    }

    public boolean getBoolean(String key) {
        return (Boolean) require(key);
    }

    public String getString(String key) {
        return String.valueOf(require(key));
    }

    private Object require(String key) {
        descriptor(key);
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("setting '" + key + "' has no value and no default");
        }
        return v;
    }

    private SettingDescriptor descriptor(String key) {
        for (SettingDescriptor d : descriptors) {
            if (d.key().equals(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown setting '" + key + "'"
                + (descriptors.isEmpty() ? " (this contribution has no settings)"
                        : " (known: " + descriptors.stream().map(SettingDescriptor::key).toList() + ")"));
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
