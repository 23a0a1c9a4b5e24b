package org.pxrd.study.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The study descriptions shipped with pxrd, as commented JSON resources ({@code presets/NAME.json} beside this
 * class; each comment cites the paper's section for its value or says the value is ours):
 * <ul>
 * <li>{@code paper}: the protocol of Segal et al. 2026 on the ten structures: lattice noise 0.01-0.20 with and
 * without the crystal-family projector, coordinate noise 0.001-0.10, 50 distortions, four losses, 30,000 steps
 * at most, converged at a loss change below 1e-4 over 1000 steps;</li>
 * <li>{@code paper-quick}: the same shape with 5 distortions and two levels per noise type.</li>
 * </ul>
 */
public final class Presets {

    /** The preset names, in the order {@code pxrd study --help} lists them. */
    public static final List<String> NAMES = List.of("paper", "paper-quick");

    private Presets() {
    }

    /** Whether a name is a preset (as opposed to a study file). */
    public static boolean isPreset(String name) {
        return NAMES.contains(name);
    }

    /**
     * A preset's description.
     *
     * @throws StudyFormatException for an unknown name
     */
    public static StudyDescription load(String name) {
        if (!isPreset(name)) {
            throw new StudyFormatException("no preset \"" + name + "\" (presets: " + String.join(", ", NAMES) + ")");
        }
        String resource = "presets/" + name + ".json";
        try (InputStream in = Presets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the preset resource " + resource + " is missing from the bundle");
            }
            return StudyFormat.read(in, "preset " + name, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read preset " + name, e);
        }
    }
}
