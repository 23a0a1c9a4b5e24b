package org.pxrd.io.pattern;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pxrd.io.PatternData;
import org.pxrd.io.PatternFormat;
import org.pxrd.io.PatternFormatException;
import org.pxrd.io.TextNumbers;
import org.pxrd.model.Pattern;

/**
 * GSAS raw powder data of constant-wavelength instruments ({@code .gsas}, {@code .gss}, {@code .gsa}, {@code .fxye},
 * {@code .xra}), one bank.
 *
 * <p>Layout: a title line (kept as metadata {@link PatternData#TITLE}); optional lines such as
 * {@code Instrument parameter file:} or {@code #} comments; a bank line
 * {@code BANK ibank nchan nrec bintyp bcoef1 bcoef2 bcoef3 bcoef4 type}; then the data. Positions are in
 * centidegrees of 2θ (degrees = centidegrees / 100). Supported:
 * <ul>
 * <li>{@code CONST} binning with type {@code STD} (or none): 2θ_i = (bcoef1 + i·bcoef2)/100, values in 8-character
 * fields of a 2-character counter number NCTR (blank = 1) and a 6-character intensity Y, ten to a line (lines of
 * blank-separated counts are read too); σ = √(max(Y, 1)/NCTR), the counting error of Y averaged over NCTR
 * counters, one count for empty channels;</li>
 * <li>{@code CONST} with type {@code ESD}: pairs Y, σ in 8-character fields, five pairs to a line;</li>
 * <li>{@code CONST} with type {@code FXYE}: one point per line, 2θ in centidegrees, Y and σ.</li>
 * </ul>
 * Time-of-flight binnings ({@code RALF}, {@code SLOG}, {@code TIME_MAP}), the {@code ALT} type and files with
 * several banks are refused with a message saying so. The wavelength lives in the GSAS instrument parameter file,
 * not here: the pattern has none unless the title states {@code wavelength = ...}.
 */
public class GsasFormat implements PatternFormat {

    private static final int FIELD = 8;

    @Override
    public PatternData read(String text, String source) throws PatternFormatException {
        String[] lines = text.split("\r\n|\r|\n", -1);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(PatternData.TITLE, lines[0].strip());
        int bankLine = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].startsWith("BANK")) {
                bankLine = i;
                break;
            }
            String line = lines[i].strip();
            if (line.regionMatches(true, 0, "Instrument parameter", 0, 20)) {
                metadata.put("instrument parameter file", line.substring(line.indexOf(':') + 1).strip());
            }
        }
        if (bankLine < 0) {
            throw new PatternFormatException(source, 0, "no BANK line");
        }
        for (int i = bankLine + 1; i < lines.length; i++) {
            if (lines[i].startsWith("BANK")) {
                throw new PatternFormatException(source, i + 1, "a second BANK: only single-bank files are read");
            }
        }
        Bank bank = Bank.parse(lines[bankLine], bankLine + 1, source);
        metadata.put("bank", bank.number);
        Points points = switch (bank.type) {
            case "STD" -> fixedFields(lines, bankLine + 1, bank, source, false);
            case "ESD" -> fixedFields(lines, bankLine + 1, bank, source, true);
            case "FXYE" -> fxye(lines, bankLine + 1, bank, source);
            default -> throw new PatternFormatException(source, bankLine + 1, "data type '" + bank.type
                    + "' is not supported (STD, ESD and FXYE are)");
        };
        double wavelength = Double.NaN;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\b(?:wavelength|lambda)\\s*[:=]\\s*"
                + "([0-9]*\\.?[0-9]+)").matcher(lines[0]);
        if (m.find()) {
            wavelength = TextNumbers.parse(m.group(1));
        }
        return new PatternData(new Pattern(ColumnTextFormat.fileName(source), points.twoTheta, points.intensity,
                points.sigma, wavelength), metadata);
    }

    /** The bank line. */
    private record Bank(String number, int channels, String binning, double start, double step, String type) {

        static Bank parse(String line, int lineNumber, String source) throws PatternFormatException {
            String[] t = line.strip().split("\\s+");
            if (t.length < 5) {
                throw new PatternFormatException(source, lineNumber, "the BANK line needs at least BANK ibank nchan "
                        + "nrec bintyp");
            }
            int channels;
            try {
                channels = Integer.parseInt(t[2]);
            } catch (NumberFormatException e) {
                throw new PatternFormatException(source, lineNumber, "channel count '" + TextNumbers.abbreviate(t[2])
                        + "' is not a whole number");
            }
            if (channels < 1 || channels > 100_000_000) {
                throw new PatternFormatException(source, lineNumber, "channel count " + channels + " is impossible");
            }
            String binning = t[4].toUpperCase(Locale.ROOT);
            String type = t.length > 9 ? t[9].toUpperCase(Locale.ROOT) : "STD";
            for (int i = 5; i < t.length && i < 9; i++) {
                if (!TextNumbers.isNumber(t[i])) {
                    type = t[i].toUpperCase(Locale.ROOT);
                    break;
                }
            }
            if (!binning.equals("CONST") && !binning.equals("CONS")) {
                throw new PatternFormatException(source, lineNumber, "binning '" + t[4] + "' is not supported "
                        + "(time-of-flight data; constant-wavelength CONST is)");
            }
            double start = Double.NaN;
            double step = Double.NaN;
            if (!type.equals("FXYE")) {
                if (t.length < 7 || !TextNumbers.isNumber(t[5]) || !TextNumbers.isNumber(t[6])) {
                    throw new PatternFormatException(source, lineNumber, "CONST binning needs the start and step "
                            + "(centidegrees)");
                }
                start = TextNumbers.parse(t[5]);
                step = TextNumbers.parse(t[6]);
                if (!(step > 0)) {
                    throw new PatternFormatException(source, lineNumber, "the step " + t[6] + " must be positive");
                }
            }
            return new Bank(t[1], channels, binning, start, step, type);
        }
    }

    private record Points(double[] twoTheta, double[] intensity, double[] sigma) {
    }

    /** STD (NCTR, Y) or ESD (Y, σ) values in 8-character fields after the bank line. */
    private static Points fixedFields(String[] lines, int first, Bank bank, String source, boolean esd)
            throws PatternFormatException {
        int n = bank.channels;
        double[] twoTheta = new double[n];
        double[] intensity = new double[n];
        double[] sigma = new double[n];
        List<Double> values = new ArrayList<>();
        int count = 0;
        for (int i = first; i < lines.length && count < n; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            values.clear();
            List<Double> counters = new ArrayList<>();
            if (!fields(line, esd, values, counters)) {
                // not in fixed fields: blank-separated numbers
                for (String token : line.strip().split("\\s+")) {
                    values.add(parse(token, i + 1, source));
                    counters.add(1.0);
                }
            }
            int step = esd ? 2 : 1;
            for (int k = 0; k + step - 1 < values.size() && count < n; k += step) {
                double y = values.get(k);
                double s = esd ? values.get(k + 1) : Math.sqrt(Math.max(y, 1) / counters.get(k));
                if (!(s > 0)) {
                    throw new PatternFormatException(source, i + 1, "sigma " + s + " of point " + (count + 1)
                            + " must be positive");
                }
                twoTheta[count] = (bank.start + count * bank.step) / 100;
                intensity[count] = y;
                sigma[count] = s;
                count++;
            }
        }
        if (count < n) {
            throw new PatternFormatException(source, lines.length, "the data end after " + count + " of the " + n
                    + " points the BANK line announces");
        }
        return new Points(twoTheta, intensity, sigma);
    }

    /**
     * Reads a line as 8-character fields: STD (2-character NCTR, 6-character Y) or ESD (8-character numbers).
     *
     * @return false when the line is not in fixed fields (a field that is not a number)
     */
    private static boolean fields(String line, boolean esd, List<Double> values, List<Double> counters) {
        String padded = line.stripTrailing();
        for (int at = 0; at < padded.length(); at += FIELD) {
            String field = padded.substring(at, Math.min(padded.length(), at + FIELD));
            String counter = esd || field.length() < 2 ? "" : field.substring(0, 2).strip();
            double value = TextNumbers.parseOrNaN((esd || field.length() < 2 ? field : field.substring(2)).strip());
            boolean counterOk = counter.isEmpty() || counter.chars().allMatch(c -> c >= '0' && c <= '9');
            if (Double.isNaN(value) || !counterOk) {
                return false;
            }
            double n = counter.isEmpty() ? 1 : Integer.parseInt(counter);
            values.add(value);
            counters.add(n < 1 ? 1 : n);
        }
        return true;
    }

    /** FXYE: one point per line, 2θ (centidegrees), Y, σ. */
    private static Points fxye(String[] lines, int first, Bank bank, String source) throws PatternFormatException {
        int n = bank.channels;
        double[] twoTheta = new double[n];
        double[] intensity = new double[n];
        double[] sigma = new double[n];
        int count = 0;
        for (int i = first; i < lines.length && count < n; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] t = lines[i].strip().split("\\s+");
            if (t.length < 3) {
                throw new PatternFormatException(source, i + 1, "FXYE needs 2theta (centidegrees), intensity and "
                        + "sigma on each line");
            }
            twoTheta[count] = parse(t[0], i + 1, source) / 100;
            intensity[count] = parse(t[1], i + 1, source);
            sigma[count] = parse(t[2], i + 1, source);
            if (!(sigma[count] > 0)) {
                throw new PatternFormatException(source, i + 1, "sigma " + t[2] + " must be positive");
            }
            if (count > 0 && !(twoTheta[count] > twoTheta[count - 1])) {
                throw new PatternFormatException(source, i + 1, "2theta does not increase");
            }
            count++;
        }
        if (count < n) {
            throw new PatternFormatException(source, lines.length, "the data end after " + count + " of the " + n
                    + " points the BANK line announces");
        }
        return new Points(twoTheta, intensity, sigma);
    }

    private static double parse(String token, int line, String source) throws PatternFormatException {
        try {
            return TextNumbers.parse(token);
        } catch (NumberFormatException e) {
            throw new PatternFormatException(source, line, e.getMessage());
        }
    }

    @Override
    public boolean recognizes(String head) {
        String[] lines = head.split("\r\n|\r|\n");
        for (int i = 1; i < Math.min(lines.length, 12); i++) {
            if (lines[i].matches("BANK\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\S+.*")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean canWrite() {
        return false;
    }

    @Override
    public String write(Pattern pattern) throws PatternFormatException {
        throw new PatternFormatException(pattern.name(), 0, "GSAS files are not written here; write .xy or .csv "
                + "(with sigma) instead");
    }
}
