package org.pxrd.core.extensions;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A typed setting declared by a contribution: {@code <setting key="width" type="double" default="1.0"
 * min="0" label="Triangle width" description="..."/>}.
 *
 * @param key the name used in settings maps, JSON files and {@code --set key=value}
 * @param type the value type
 * @param defaultValue the default, as text in the type's syntax
 * @param label short human label
 * @param description what the setting means, with units
 * @param min inclusive lower bound for numbers (or {@code -inf})
 * @param max inclusive upper bound for numbers (or {@code +inf})
 * @param choices the allowed values of a {@link Type#CHOICE} setting
 */
public record SettingDescriptor(String key, Type type, String defaultValue, String label, String description,
        double min, double max, List<String> choices) {

    /** Value types of settings. */
    public enum Type {
        DOUBLE, INTEGER, BOOLEAN, STRING, CHOICE;

        /** Parses {@code double|int|integer|boolean|string|choice} (case-insensitive). */
        public static Type parse(String text) {
            return switch (text == null ? "string" : text.trim().toLowerCase(Locale.ROOT)) {
                case "double", "float", "number" -> DOUBLE;
                case "int", "integer" -> INTEGER;
                case "boolean", "bool" -> BOOLEAN;
                case "choice", "enum" -> CHOICE;
                case "string", "" -> STRING;
                default -> throw new IllegalArgumentException("unknown setting type '" + text
                        + "' (expected double, integer, boolean, string or choice)");
            };
        }
    }

    /** Validates the declaration, including the default against the type and bounds. */
    public SettingDescriptor(String key, Type type, String defaultValue, String label, String description,
            double min, double max, List<String> choices) {
        this.key = Objects.requireNonNull(key, "key");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.label = label == null || label.isBlank() ? key : label;
        this.description = description == null ? "" : description;
        this.min = min;
        this.max = max;
        this.choices = List.copyOf(choices);
        if (defaultValue != null) {
            parse(defaultValue);
        }
    }

    /**
     * Parses and validates a value given as text.
     *
     * @return a {@link Double}, {@link Integer}, {@link Boolean} or {@link String}
     * @throws IllegalArgumentException naming the setting and the problem
     */
    public Object parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("setting '" + key + "' has no value");
        }
        String t = text.trim();
        switch (type) {
            case DOUBLE -> {
                double v;
                try {
                    v = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("setting '" + key + "' expects a number, got '" + text + "'");
                }
                checkRange(v, text);
                return v;
            }
            case INTEGER -> {
                int v;
                try {
                    v = Integer.parseInt(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("setting '" + key + "' expects an integer, got '" + text + "'");
                }
                checkRange(v, text);
                return v;
            }
            case BOOLEAN -> {
                if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(t);
                }
                throw new IllegalArgumentException("setting '" + key + "' expects true or false, got '" + text + "'");
            }
            case CHOICE -> {
                if (!choices.contains(t)) {
                    throw new IllegalArgumentException("setting '" + key + "' must be one of " + choices + ", got '"
                            + text + "'");
                }
                return t;
            }
            default -> {
                return text;
            }
        }
    }

    private void checkRange(double v, String text) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("setting '" + key + "' must be finite, got '" + text + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("setting '" + key + "' must lie in [" + min + ", " + max + "], got '"
                    + text + "'");
        }
    }
}
