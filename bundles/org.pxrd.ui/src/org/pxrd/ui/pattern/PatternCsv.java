package org.pxrd.ui.pattern;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.pxrd.io.TextNumbers;
import org.pxrd.model.Pattern;

/**
 * The pattern view's curves as CSV: comment lines ({@code #}) with the title, the radiation and the scale, then
 * {@code two_theta,simulated,target,difference} with one row per simulated 2θ (degrees) and the intensities on the
 * display scale (each pattern's maximum = {@value PatternComputation#DISPLAY_MAX}; difference = target −
 * simulated, not offset). Columns without data are empty. Without a simulated pattern the rows are the target's
 * points. Numbers are the shortest decimals that read back to the same doubles.
 */
final class PatternCsv {

    /** The column header line. */
    static final String HEADER = "two_theta,simulated,target,difference";

    private PatternCsv() {
    }

    /** The CSV text of a result. */
    static String text(PatternResult r, String title) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(title.replace('\n', ' ')).append('\n');
        out.append("# wavelength = ").append(r.instrument().radiation().headerValue()).append(" Angstrom (")
                .append(r.instrument().radiation().describe()).append(")\n");
        out.append("# intensities scaled to maximum ").append(TextNumbers.exact(PatternComputation.DISPLAY_MAX))
                .append("; difference = target - simulated\n");
        if (r.hasLoss()) {
            out.append("# ").append(r.lossName()).append(" = ").append(TextNumbers.exact(r.loss())).append('\n');
        }
        out.append(HEADER).append('\n');
        Pattern rows = r.simulated() != null ? r.simulated() : r.target();
        if (rows == null) {
            return out.toString();
        }
        double[] x = rows.twoThetaArray();
        boolean targetAligned = r.simulated() == null || r.difference() != null;
        for (int i = 0; i < x.length; i++) {
            out.append(TextNumbers.exact(x[i])).append(',');
            if (r.simulated() != null) {
                out.append(TextNumbers.exact(r.simulatedDisplay()[i]));
            }
            out.append(',');
            if (r.targetDisplay() != null && targetAligned) {
                out.append(TextNumbers.exact(r.targetDisplay()[i]));
            }
            out.append(',');
            if (r.difference() != null) {
                out.append(TextNumbers.exact(r.difference()[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Writes the CSV of a result atomically (the file is the whole new text or left as it was). */
    static void write(PatternResult r, String title, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text(r, title), StandardCharsets.UTF_8);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
