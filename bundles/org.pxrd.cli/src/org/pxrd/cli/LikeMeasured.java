package org.pxrd.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.PatternScaling;
import org.pxrd.diffraction.Radiation;
import org.pxrd.diffraction.XrdSession;
import org.pxrd.diffraction.measured.AgreementStatistics;
import org.pxrd.diffraction.measured.MeasuredTarget;
import org.pxrd.diffraction.measured.ZeroShiftScan;
import org.pxrd.model.Structure;

/**
 * {@code pxrd simulate FILE --like MEASURED}: the structure simulated on the measured pattern's own 2θ points
 * ({@link MeasuredTarget}), with the wavelength the measured file states (Kα1 + Kα2 when it gives both) or the one the
 * user gives, never a default. Steps: read the measured file; weights (--weights) on the raw intensities; the
 * --preprocess steps; the --background estimate (added to the simulation); the --range; simulate with raw
 * intensities; the scale factor by weighted least squares (and the zero shift by a scan with --fit-zero); the
 * agreement indices (P = 1 for the scale, 2 with the zero shift).
 *
 * <p>Output: the pattern CSV {@code two_theta,intensity,measured[,background]} at the measured points, intensity
 * being the scaled simulation plus background, with {@code #} header lines stating the structure, the measured file,
 * the wavelength and where it came from, profile, preprocessing, weights, scale, zero shift and agreement; to
 * --pattern FILE (then one JSON line with the same facts on stdout) or to stdout. --peaks writes the peak list as
 * without --like.
 */
final class LikeMeasured {

    private final SimulateCommand options;
    private final CliContext context;

    LikeMeasured(SimulateCommand options, CliContext context) {
        this.options = options;
        this.context = context;
    }

    int run() {
        if (options.files.size() > 1 || options.outDir != null) {
            throw new CliException("--like simulates one structure on one measured pattern: give one FILE and no "
                    + "--out-dir");
        }
        if (options.twoTheta != null) {
            throw new CliException("--like simulates on the measured points: drop --two-theta (restrict the points "
                    + "with --range MIN:MAX)");
        }
        if (options.scale != null) {
            throw new CliException("--like fits the scale factor to the measured pattern: drop --scale");
        }
        if (!(options.zeroRange > 0)) {
            throw new CliException("--zero-range must be positive, got " + options.zeroRange);
        }
        if (options.peaks != null && options.peaks.isEmpty()) {
            throw new CliException("with --like the pattern goes to stdout: give --peaks OUT.csv");
        }
        Path measuredFile = options.like;
        MeasuredOptions.Measured m = MeasuredOptions.prepare(context, measuredFile, options.givenRadiation(null),
                options.weights, options.preprocess, options.background, options.range);
        MeasuredTarget target = m.target();
        Radiation radiation = m.radiation();

        Path structureFile = options.files.get(0);
        Structure structure = context.readStructure(structureFile);
        InstrumentSettings instrument = options.instrument(radiation, target.simulationGrid(), PatternScaling.RAW);
        XrdSession session = SimulateCommand.open(options.simulator(), structure, instrument, structureFile);
        int parameters;
        double zero = instrument.profile().zeroShift();
        double scale;
        if (options.fitZero) {
            ZeroShiftScan.Result fit = ZeroShiftScan.fit(session, target, options.zeroRange);
            zero = fit.zeroShift();
            scale = fit.scale();
            parameters = ZeroShiftScan.PARAMETERS;
        } else {
            double[] simulated = new double[session.patternSize()];
            session.computePattern(simulated);
            double[] shape = new double[target.size()];
            target.grid().project(simulated, shape);
            scale = target.optimalScale(shape);
            session.setInstrument(session.instrument().withScale(scale));
            parameters = 1;
        }
        double[] simulated = new double[session.patternSize()];
        session.computePattern(simulated);
        double[] calculated = new double[target.size()];
        target.calculated(simulated, calculated);
        AgreementStatistics agreement = target.agreement(calculated, parameters);

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("structure", structureFile.toString());
        facts.put("measured", measuredFile.toString());
        facts.put("points", target.size());
        facts.put("wavelength", radiation.headerValue());
        facts.put("wavelength_source", m.radiationSource());
        facts.put("weights", m.weighting().name().toLowerCase(Locale.ROOT));
        facts.put("preprocessing", m.pipeline().describe());
        facts.put("background", options.background == null ? "none" : options.background);
        facts.put("zero_shift", zero);
        facts.put("zero_fitted", options.fitZero);
        facts.put("scale", scale);
        facts.putAll(agreement.asMap());

        if (options.peaks != null) {
            SimulateCommand.write(Path.of(options.peaks), SimulateCommand.peaksCsv(structureFile, session));
        }
        String csv = csv(structureFile, session, target, calculated, facts, agreement);
        if (options.pattern == null || options.pattern.isEmpty()) {
            context.out().print(csv);
        } else {
            SimulateCommand.write(Path.of(options.pattern), csv);
            context.printJson(facts);
        }
        context.out().flush();
        return 0;
    }

    private static String csv(Path structureFile, XrdSession session, MeasuredTarget target, double[] calculated,
            Map<String, Object> facts, AgreementStatistics agreement) {
        StringBuilder sb = new StringBuilder(SimulateCommand.header(structureFile, session));
        double[] x = target.twoTheta();
        sb.append(String.format(Locale.ROOT, "# measured=%s (%d points from %s to %s degrees, %s)%n",
                facts.get("measured"), x.length, x[0], x[x.length - 1], target.grid().aligned()
                        ? "simulated at its points" : "uneven: interpolated from the simulation grid"));
        sb.append("# wavelength_source=").append(facts.get("wavelength_source")).append('\n');
        sb.append("# goniometer=").append(session.instrument().goniometer().describe()).append('\n');
        sb.append("# weights=").append(facts.get("weights")).append(" preprocessing=").append(facts.get(
                "preprocessing")).append(" background=").append(facts.get("background")).append('\n');
        sb.append(String.format(Locale.ROOT, "# scale=%s (least squares) zero_shift=%s (%s)%n", facts.get("scale"),
                facts.get("zero_shift"), Boolean.TRUE.equals(facts.get("zero_fitted")) ? "fitted" : "given"));
        sb.append("# agreement: ").append(agreement.describe()).append('\n');
        double[] observed = target.observed();
        double[] background = target.background();
        sb.append(background == null ? "two_theta,intensity,measured\n" : "two_theta,intensity,measured,background\n");
        for (int i = 0; i < x.length; i++) {
            sb.append(String.format(Locale.ROOT, "%s,%.9g,%.9g", x[i], calculated[i], observed[i]));
            if (background != null) {
                sb.append(String.format(Locale.ROOT, ",%.9g", background[i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
