package org.pxrd.ui.pattern;

import java.nio.file.Path;

import org.eclipse.swt.widgets.Shell;
import org.pxrd.diffraction.Radiation;
import org.pxrd.io.FileFormatException;
import org.pxrd.io.PatternData;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.files.FileFormats;
import org.pxrd.ui.pattern.PatternTarget.MeasuredTarget;
import org.pxrd.ui.pattern.PatternTarget.StructureTarget;
import org.pxrd.ui.services.PxrdServices;

/** Reads a {@link PatternTarget} from a file, as the pattern and refinement views do. */
public final class PatternTargets {

    private PatternTargets() {
    }

    /**
     * A target read from a structure or pattern file (by its name, else tried as a structure, then as a pattern).
     * A measured pattern's radiation is its file's; when the file states none, {@code radiation}, else the one
     * the user gives {@code asker}.
     *
     * @param radiation the radiation of a measurement whose file states none, or null to ask
     * @return the target, or null when the user gave no wavelength
     * @throws FileFormatException with the reader's one-line message
     */
    public static PatternTarget read(Path file, Shell shell, WavelengthAsker asker, Radiation radiation)
            throws FileFormatException {
        PxrdServices services = PxrdUiPlugin.services();
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        FileFormats.Kind kind = FileFormats.kindOf(services, absolute);
        if (kind != FileFormats.Kind.PATTERN) {
            try {
                return new StructureTarget(name, services.structureFiles().readFirst(absolute), absolute);
            } catch (FileFormatException e) {
                if (kind == FileFormats.Kind.STRUCTURE) {
                    throw e;
                }
            }
        }
        PatternData data = services.patternFiles().readData(absolute);
        Radiation r = PatternOpener.stated(data).orElse(radiation);
        if (r == null) {
            r = asker.ask(shell, name);
        }
        return r == null ? null : new MeasuredTarget(name, data.pattern(), r, absolute);
    }
}
