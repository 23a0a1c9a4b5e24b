package org.pxrd.core.extensions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the attributes of a contribution element and its {@code <setting>} children into a {@link Contribution}. */
final class ContributionElements {

    /** Name of the child element that declares a typed setting. */
    static final String SETTING_ELEMENT = "setting";

    private ContributionElements() {
    }

    /**
     * @param settingElements attributes of each {@code <setting>} child, in order
     * @throws IllegalArgumentException when the element has no id, or a setting is malformed
     */
    static Contribution toContribution(String extensionPointId, String bundle, Map<String, String> attributes,
            List<Map<String, String>> settingElements) {
        String id = attributes.get("id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a contribution to " + extensionPointId + " in bundle " + bundle
                    + " has no id");
        }
        List<SettingDescriptor> settings = new ArrayList<>();
        for (Map<String, String> s : settingElements) {
            try {
                settings.add(new SettingDescriptor(s.get("key"), SettingDescriptor.Type.parse(s.get("type")),
                        s.get("default"), s.get("label"), s.get("description"), bound(s.get("min"), true),
                        bound(s.get("max"), false), choices(s.get("choices"))));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("contribution '" + id + "' in bundle " + bundle
                        + " declares an invalid setting '" + s.get("key") + "': " + e.getMessage(), e);
            }
        }
        return new Contribution(extensionPointId, id, attributes.get("name"), attributes.get("description"),
                attributes.get("class"), bundle, attributes, settings);
    }

    private static double bound(String text, boolean lower) {
        if (text == null || text.isBlank()) {
            return lower ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(text.trim());
    }

    private static List<String> choices(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.trim().split("\\s*,\\s*"));
    }
}
