package org.pxrd.core.extensions;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One contribution to an extension point, as declared in a {@code plugin.xml}.
 *
 * @param extensionPointId the full id of the extension point, e.g. {@code org.pxrd.losses.lossFunctions}
 * @param id unique id of the contribution, e.g. {@code org.pxrd.losses.cosine}
 * @param name human-readable name (falls back to the id)
 * @param description one or two sentences for menus, tooltips and {@code pxrd plugins}
 * @param className fully qualified name of the implementing class
 * @param bundle symbolic name of the contributing bundle
 * @param attributes every attribute of the element, including the ones above (family-specific extras
 *        such as {@code reference} or {@code fileExtensions} are read from here)
 * @param settings the typed settings the contribution declares, in declaration order
 */
public record Contribution(String extensionPointId, String id, String name, String description, String className,
        String bundle, Map<String, String> attributes, List<SettingDescriptor> settings) {

    public Contribution {
        Objects.requireNonNull(extensionPointId, "extensionPointId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bundle, "bundle");
        name = name == null || name.isBlank() ? id : name;
        description = description == null ? "" : description;
        attributes = Map.copyOf(attributes);
        settings = List.copyOf(settings);
    }

    /** A family-specific attribute of the contribution element, when present and not blank. */
    public Optional<String> attribute(String key) {
        String value = attributes.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The settings with their declared defaults. */
    public Settings defaultSettings() {
        return Settings.defaults(settings);
    }

    @Override
    public String toString() {
        return id + " (" + bundle + ")";
    }
}
