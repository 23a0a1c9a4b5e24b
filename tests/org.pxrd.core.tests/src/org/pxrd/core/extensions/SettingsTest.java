package org.pxrd.core.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {

    private final List<SettingDescriptor> declared = List.of(
            new SettingDescriptor("l", SettingDescriptor.Type.DOUBLE, "1.0", null, null, 0, 10, List.of()),
            new SettingDescriptor("normalise", SettingDescriptor.Type.BOOLEAN, "true", null, null,
                    Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, List.of()),
            new SettingDescriptor("label", SettingDescriptor.Type.STRING, null, null, null, Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY, List.of()));

    @Test
    void defaultsAreParsedToTheirTypes() {
        Settings s = Settings.defaults(declared);
        assertThat(s.getDouble("l")).isEqualTo(1.0);
        assertThat(s.getBoolean("normalise")).isTrue();
        assertThat(s.values()).doesNotContainKey("label");
        assertThatThrownBy(() -> s.getString("label")).hasMessageContaining("no value");
    }

    @Test
    void overridesAreValidatedAndDoNotChangeTheOriginal() {
        Settings s = Settings.defaults(declared);
        Settings t = s.with(Map.of("l", "2.5", "label", "run 1", "normalise", "FALSE"));
        assertThat(t.getDouble("l")).isEqualTo(2.5);
        assertThat(t.getString("label")).isEqualTo("run 1");
        assertThat(t.getBoolean("normalise")).isFalse();
        assertThat(s.getDouble("l")).isEqualTo(1.0);
        assertThat(t.asText()).containsEntry("l", "2.5");
        assertThatThrownBy(() -> s.with("l", "11")).hasMessageContaining("[0.0, 10.0]");
        assertThatThrownBy(() -> s.with("l", "Infinity")).hasMessageContaining("finite");
        assertThatThrownBy(() -> s.with("normalise", "yes")).hasMessageContaining("true or false");
    }

    @Test
    void aBadDefaultIsRejectedWhenDeclared() {
        assertThatThrownBy(() -> new SettingDescriptor("n", SettingDescriptor.Type.INTEGER, "1.5", null, null, 0, 9,
                List.of())).hasMessageContaining("expects an integer");
        assertThatThrownBy(() -> SettingDescriptor.Type.parse("complex")).hasMessageContaining("unknown setting type");
    }
}
