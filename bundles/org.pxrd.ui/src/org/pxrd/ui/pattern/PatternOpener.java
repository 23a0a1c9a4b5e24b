package org.pxrd.ui.pattern;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.pxrd.diffraction.Radiation;
import org.pxrd.io.PatternData;
import org.pxrd.io.PatternFormatException;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.files.RecentFiles;
import org.pxrd.ui.pattern.PatternTarget.MeasuredTarget;

/**
 * Opens measured pattern files (File &gt; Open, Open Recent): the file is read through the contributed pattern
 * formats, its radiation taken from the file or asked for ({@link WavelengthAsker}), and a pattern view of its own
 * compares it with the active structure. Opening a file again shows its view again.
 */
public final class PatternOpener {

    private PatternOpener() {
    }

    /**
     * Opens a file, reporting a failure in a dialog.
     *
     * @return the view, or null when the file could not be opened or the user gave no wavelength
     */
    public static PatternView openOrReport(IWorkbenchPage page, Path file) {
        try {
            return open(page, file, WavelengthAsker.DIALOG);
        } catch (PatternFormatException | PartInitException e) {
            MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Cannot open pattern", e.getMessage());
            return null;
        }
    }

    /**
     * Opens a pattern file in its pattern view.
     *
     * @param asker asked for the radiation when the file states none (and the view does not know it already)
     * @return the view, or null when the user gave no wavelength (nothing is opened)
     * @throws PatternFormatException with the reader's one-line message
     * @throws PartInitException when the view cannot open
     */
    public static PatternView open(IWorkbenchPage page, Path file, WavelengthAsker asker)
            throws PatternFormatException, PartInitException {
        Path absolute = file.toAbsolutePath().normalize();
        PatternData data = PxrdUiPlugin.services().patternFiles().readData(absolute);
        String secondary = secondaryId(absolute);
        IViewReference existing = page.findViewReference(PatternView.ID, secondary);
        boolean wasOpen = existing != null && existing.getPart(false) != null;
        Radiation known = wasOpen && existing.getPart(false) instanceof PatternView v
                && v.target() instanceof MeasuredTarget m && absolute.equals(m.file()) ? m.radiation() : null;
        Radiation radiation = stated(data).orElse(known);
        if (radiation == null) {
            radiation = asker.ask(page.getWorkbenchWindow().getShell(), absolute.getFileName().toString());
            if (radiation == null) {
                return null;
            }
        }
        PatternView view = (PatternView) page.showView(PatternView.ID, secondary, IWorkbenchPage.VIEW_ACTIVATE);
        if (!wasOpen) {
            view.setInstrument(null); // a view closed before comes back with the state it was closed with
        }
        view.setTarget(new MeasuredTarget(absolute.getFileName().toString(), data.pattern(), radiation, absolute));
        RecentFiles.add(absolute);
        return view;
    }

    /**
     * The radiation a pattern file states: its wavelength, with the second line of a Kα1/Kα2 doublet when the file
     * gives the Kα2 wavelength and the intensity ratio too (PANalytical XRDML does); empty when it states none.
     */
    public static Optional<Radiation> stated(PatternData data) {
        if (data.pattern().wavelength().isEmpty()) {
            return Optional.empty();
        }
        double lambda = data.pattern().wavelength().getAsDouble();
        Radiation r = Radiation.of(lambda);
        Map<String, String> meta = data.metadata();
        String alpha1 = meta.get(PatternData.KALPHA1);
        String alpha2 = meta.get(PatternData.KALPHA2);
        String ratio = meta.get(PatternData.KALPHA2_RATIO);
        if (alpha1 != null && alpha2 != null && ratio != null && Double.parseDouble(alpha1) == lambda) {
            r = r.withAlpha2(Double.parseDouble(alpha2), Double.parseDouble(ratio));
        }
        return Optional.of(r);
    }

    /** The secondary id of a file's pattern view: stable for the file, without the ':' view ids reserve. */
    static String secondaryId(Path absolute) {
        return "file-" + Integer.toHexString(absolute.toString().hashCode()).toLowerCase(Locale.ROOT);
    }
}
