package org.pxrd.diffraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The ten structures of the study (Segal et al., Digital Discovery 2026: U2Ti, Au2S, BPO4, Na3MnCoNiO6, NdAl8Cu4,
 * FeH, LiN3, ScTe, MnCo, RbAgCl3) as P1 CIF texts bundled with the product (MP-20, Materials Project, CC BY 4.0; see
 * {@code data/ATTRIBUTION.md}): the default structures of {@code pxrd bench simulate}.
 */
public final class StudyStructures {

    private static final String FOLDER = "/data/study10/";

    private StudyStructures() {
    }

    /** The names (file names without {@code .cif}), sorted. */
    public static List<String> names() {
        return read("index.txt").lines().map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
    }

    /** The CIF text of one structure. */
    public static String cif(String name) {
        return read(name + ".cif");
    }

    private static String read(String file) {
        try (InputStream in = StudyStructures.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled study structure file " + FOLDER + file
                        + " is missing from org.pxrd.diffraction");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
