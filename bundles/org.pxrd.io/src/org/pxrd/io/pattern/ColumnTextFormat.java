package org.pxrd.io.pattern;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import org.pxrd.core.extensions.Settings;
import org.pxrd.io.PatternData;
import org.pxrd.io.PatternFormat;
import org.pxrd.io.PatternFormatException;
import org.pxrd.io.TextNumbers;
import org.pxrd.model.Pattern;

/**
 * Two- or three-column text patterns: 2θ (degrees), intensity and optionally its standard deviation σ, one point
 * per line ({@code .xy}, {@code .xye}, {@code .dat}, {@code .csv}, RRUFF {@code .txt}).
 *
 * <p>Reading, line by line:
 * <ul>
 * <li>blank lines are skipped; lines starting with {@code #}, {@code !}, {@code %}, {@code ;} or {@code //} are
 * comments; RRUFF header lines {@code ##KEY=VALUE} become metadata, and {@code ##END=} ends the data;</li>
 * <li>values are separated by blanks, tabs or commas; a line with semicolons is split at them and its decimal
 * commas are read as points ({@code 5,01;123,4});</li>
 * <li>before the first data line, one line of column names ({@code 2theta,intensity}, not starting with a number)
 * is allowed; after it, every line must hold the same number of values, 2 or 3, all finite numbers;</li>
 * <li>2θ must increase strictly from line to line (a file that decreases throughout is reversed); σ must be
 * positive;</li>
 * <li>the wavelength is the file's only when a header or comment states it as {@code wavelength = 1.5406}
 * (also {@code lambda}, {@code :} for {@code =}; in Å unless followed by nm or pm); otherwise the pattern has
 * none.</li>
 * </ul>
 *
 * <p>Writing: a comment with the pattern's name and, when known, {@code # wavelength = λ Angstrom}; a line of column
 * names (as a comment for blank-separated files, as the CSV header for comma-separated ones); one line per point
 * with 2θ, intensity and σ when the pattern has them, every number exact ({@link TextNumbers#exact}), so that
 * reading the file back gives the same pattern.
 */
public class ColumnTextFormat implements PatternFormat {

    /** Setting: the separator written between values ({@code space}, {@code tab} or {@code comma}). */
    public static final String SEPARATOR = "separator";

    private static final java.util.regex.Pattern WAVELENGTH = java.util.regex.Pattern.compile(
            "(?i)\\b(?:wavelength|lambda)\\b[^0-9=:\\n]{0,20}[:=]\\s*([0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\\s*"
                    + "(nm|pm|Å|Ångström|Angstroms?|A)?");
    private static final java.util.regex.Pattern SEMICOLONS = java.util.regex.Pattern.compile("\\s*;\\s*");
    private static final java.util.regex.Pattern BLANKS_OR_COMMAS = java.util.regex.Pattern.compile("[\\s,]+");
    private static final String[] COMMENT_STARTS = {"#", "!", "%", ";", "//"};

    private final String separator;

    /** A format that writes blank-separated columns. */
    public ColumnTextFormat() {
        this.separator = " ";
    }

    /** A format that writes the separator of the {@value #SEPARATOR} setting. */
    public ColumnTextFormat(Settings settings) {
        this.separator = switch (settings.getString(SEPARATOR).toLowerCase(Locale.ROOT)) {
            case "comma" -> ",";
            case "tab" -> "\t";
            case "space" -> " ";
            default -> throw new IllegalArgumentException("separator must be space, tab or comma, not '"
                    + settings.getString(SEPARATOR) + "'");
        };
    }

    @Override
    public PatternData read(String text, String source) throws PatternFormatException {
        Map<String, String> metadata = new LinkedHashMap<>();
        List<String> comments = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int columns = 0;
        boolean headerSeen = false;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            int lineNumber = n + 1;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("##")) {
                int eq = line.indexOf('=');
                if (eq > 2) {
                    String key = line.substring(2, eq).strip();
                    if (key.equalsIgnoreCase("END")) {
                        break;
                    }
                    metadata.put(key, line.substring(eq + 1).strip());
                }
                comments.add(line);
                continue;
            }
            if (isComment(line)) {
                comments.add(line);
                continue;
            }
            String[] tokens = tokens(line);
            double[] values = new double[tokens.length];
            int firstBad = -1;
            for (int i = tokens.length - 1; i >= 0; i--) {
                values[i] = TextNumbers.parseOrNaN(tokens[i]);
                if (Double.isNaN(values[i])) {
                    firstBad = i;
                }
            }
            if (firstBad == 0 && rows.isEmpty() && !headerSeen) {
                headerSeen = true;
                metadata.put("columns", line);
                continue;
            }
            if (firstBad >= 0) {
                String problem;
                try {
                    TextNumbers.parse(tokens[firstBad]);
                    problem = "'" + tokens[firstBad] + "' is not a number";
                } catch (NumberFormatException e) {
                    problem = e.getMessage();
                }
                throw error(source, lineNumber, problem + (rows.isEmpty() && firstBad == 0
                        ? " (one line of column names is allowed, before the data)" : ""));
            }
            if (columns == 0) {
                columns = tokens.length;
                if (columns < 2 || columns > 3) {
                    throw error(source, lineNumber, columns + " value" + (columns == 1 ? "" : "s") + " on a line: "
                            + "expected 2 (2theta, intensity) or 3 (2theta, intensity, sigma)");
                }
            } else if (tokens.length != columns) {
                throw error(source, lineNumber, tokens.length + " value" + (tokens.length == 1 ? "" : "s")
                        + " where earlier lines have " + columns);
            }
            double[] row = values;
            if (columns == 3 && !(row[2] > 0)) {
                throw error(source, lineNumber, "sigma " + tokens[2] + " must be positive");
            }
            rows.add(row);
            rowLines.add(lineNumber);
        }
        if (rows.isEmpty()) {
            throw error(source, 0, "no data lines (expected columns of 2theta and intensity)");
        }
        orderBy2Theta(rows, rowLines, source);
        int size = rows.size();
        double[] twoTheta = new double[size];
        double[] intensity = new double[size];
        double[] sigma = columns == 3 ? new double[size] : null;
        for (int i = 0; i < size; i++) {
            twoTheta[i] = rows.get(i)[0];
            intensity[i] = rows.get(i)[1];
            if (sigma != null) {
                sigma[i] = rows.get(i)[2];
            }
        }
        double wavelength = statedWavelength(comments, source);
        return new PatternData(new Pattern(fileName(source), twoTheta, intensity, sigma, wavelength), metadata);
    }

    /** Keeps strictly increasing 2θ, reverses strictly decreasing 2θ, refuses anything else (naming the line). */
    private static void orderBy2Theta(List<double[]> rows, List<Integer> lines, String source)
            throws PatternFormatException {
        if (rows.size() < 2) {
            return;
        }
        boolean decreasing = rows.get(1)[0] < rows.get(0)[0];
        for (int i = 1; i < rows.size(); i++) {
            double previous = rows.get(i - 1)[0];
            double current = rows.get(i)[0];
            if (decreasing ? !(current < previous) : !(current > previous)) {
                throw error(source, lines.get(i), "2theta " + TextNumbers.exact(current) + " does not "
                        + (decreasing ? "decrease" : "increase") + " from the previous line's "
                        + TextNumbers.exact(previous) + ": the 2theta column must be monotonic");
            }
        }
        if (decreasing) {
            java.util.Collections.reverse(rows);
            java.util.Collections.reverse(lines);
        }
    }

    /** The wavelength (Å) a header or comment states, or NaN. */
    private static double statedWavelength(List<String> comments, String source) throws PatternFormatException {
        for (String comment : comments) {
            Matcher m = WAVELENGTH.matcher(comment);
            if (m.find()) {
                double value = TextNumbers.parse(m.group(1));
                String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
                double angstrom = switch (unit) {
                    case "nm" -> value * 10;
                    case "pm" -> value / 100;
                    default -> value;
                };
                if (!(angstrom > 0)) {
                    throw error(source, 0, "the stated wavelength " + m.group(1) + " is not positive");
                }
                return angstrom;
            }
        }
        return Double.NaN;
    }

    private static boolean isComment(String line) {
        for (String start : COMMENT_STARTS) {
            if (line.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    private static String[] tokens(String line) {
        if (line.indexOf(';') >= 0) {
            String[] parts = SEMICOLONS.split(line);
            for (int i = 0; i < parts.length; i++) {
                parts[i] = parts[i].strip().replace(',', '.');
            }
            return parts;
        }
        return BLANKS_OR_COMMAS.split(line);
    }

    private static int firstNonNumber(String[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            if (!TextNumbers.isNumber(tokens[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The last path element of a source label. */
    static String fileName(String source) {
        try {
            Path name = Path.of(source).getFileName();
            return name == null ? source : name.toString();
        } catch (java.nio.file.InvalidPathException e) {
            return source;
        }
    }

    private static PatternFormatException error(String source, int line, String problem) {
        return new PatternFormatException(source, line, problem);
    }

    /** At least three lines of 2 or 3 numbers, after optional comments and one header line, and nothing else. */
    @Override
    public boolean recognizes(String head) {
        String[] lines = head.split("\r\n|\r|\n");
        int data = 0;
        boolean header = false;
        for (int i = 0; i < lines.length - 1 && data < 3; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || isComment(line)) {
                continue;
            }
            String[] tokens = tokens(line);
            if (firstNonNumber(tokens) < 0 && tokens.length >= 2 && tokens.length <= 3) {
                data++;
            } else if (data == 0 && !header) {
                header = true;
            } else {
                return false;
            }
        }
        return data >= 3;
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public String write(Pattern pattern) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(pattern.name().replaceAll("[\\r\\n]+", " ")).append('\n');
        pattern.wavelength().ifPresent(w -> out.append("# wavelength = ").append(TextNumbers.exact(w))
                .append(" Angstrom\n"));
        String names = String.join(separator, pattern.hasEsd() ? List.of("2theta_deg", "intensity", "sigma")
                : List.of("2theta_deg", "intensity"));
        out.append(separator.equals(",") ? "" : "# ").append(names).append('\n');
        double[] x = pattern.twoThetaArray();
        double[] y = pattern.intensityArray();
        double[] s = pattern.esdArray();
        for (int i = 0; i < x.length; i++) {
            out.append(TextNumbers.exact(x[i])).append(separator).append(TextNumbers.exact(y[i]));
            if (s != null) {
                out.append(separator).append(TextNumbers.exact(s[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
