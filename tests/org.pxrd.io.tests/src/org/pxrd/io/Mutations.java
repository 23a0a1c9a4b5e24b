package org.pxrd.io;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of text files for fuzz tests, at byte, line and token level: deletions, duplications, swaps,
 * truncation, random bytes and binary noise, swapped numbers, NaN, infinities, huge and tiny numbers, unbalanced
 * quotes, stray keywords (of CIF, POSCAR and pattern files) and text fields. The same random generator state gives
 * the same mutation on every machine.
 */
final class Mutations {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.?\\d*(\\(\\d+\\))?");
    private static final String[] ODD_NUMBERS = {"NaN", "nan", "inf", "-Infinity", "1e999", "-1e999", "1e308",
        "1e-320", "0", "-0", "0.0", "?", ".", "1.5.2", "0x10", "1e", "99999999999999999999", "-1", "1/2", "4.5937(",
        "1(3"};
    private static final String[] KEYWORDS = {"BANK", "<intensities>", "</intensities>", "<!DOCTYPE x>",
        "##END=", "2theta,intensity", "loop_", "data_", "data_fuzz", "save_frame", "save_", "global_", "stop_",
        "_atom_site_fract_x", "_cell_length_a", "_symmetry_equiv_pos_as_xyz", ";", "'", "\"", "#", "?", ".",
        "Selective dynamics", "Cartesian", "Direct", "Xx", "Q1", "'x, y, z, w'", "'x+y,y,z'", "'-x,-y,-z+1/0'"};


    /** One to three random mutations; their names are added to {@code applied} for failure messages. */
    static String mutate(String text, SplittableRandom random, List<String> applied) {
        String t = text;
        int count = 1 + random.nextInt(3);
        for (int k = 0; k < count; k++) {
            int kind = random.nextInt(14);
            applied.add("m" + kind);
            t = switch (kind) {
                case 0 -> deleteBytes(t, random);
                case 1 -> duplicateLine(t, random);
                case 2 -> deleteLine(t, random);
                case 3 -> t.substring(0, random.nextInt(t.length() + 1));
                case 4 -> insert(t, random, randomBytes(random, 1 + random.nextInt(8)));
                case 5 -> swapNumbers(t, random);
                case 6 -> replaceNumber(t, random, ODD_NUMBERS[random.nextInt(ODD_NUMBERS.length)]);
                case 7 -> insert(t, random, random.nextBoolean() ? "'" : "\"");
                case 8 -> noise(t, random);
                case 9 -> swapLines(t, random);
                case 10 -> insert(t, random, " " + KEYWORDS[random.nextInt(KEYWORDS.length)] + " ");
                case 11 -> insertLine(t, random, random.nextBoolean() ? ";" : "; text field " + random.nextInt(9));
                case 12 -> t + "\n" + t;
                default -> replaceNumber(t, random, random.nextBoolean() ? "1e" + (100 + random.nextInt(300))
                        : "-" + random.nextInt(1000) + "." + random.nextInt(1000));
            };
        }
        return t;
    }

    private static String deleteBytes(String t, SplittableRandom random) {
        if (t.isEmpty()) {
            return t;
        }
        int from = random.nextInt(t.length());
        return t.substring(0, from) + t.substring(Math.min(t.length(), from + 1 + random.nextInt(20)));
    }

    private static String insert(String t, SplittableRandom random, String what) {
        int at = random.nextInt(t.length() + 1);
        return t.substring(0, at) + what + t.substring(at);
    }

    private static String randomBytes(SplittableRandom random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) random.nextInt(256));
        }
        return sb.toString();
    }

    private static String noise(String t, SplittableRandom random) {
        if (t.isEmpty()) {
            return randomBytes(random, 32);
        }
        int from = random.nextInt(t.length());
        int length = 16 + random.nextInt(48);
        return t.substring(0, from) + randomBytes(random, length) + t.substring(Math.min(t.length(), from + length));
    }

    private static List<String> lines(String t) {
        return new ArrayList<>(List.of(t.split("\n", -1)));
    }

    private static String duplicateLine(String t, SplittableRandom random) {
        List<String> lines = lines(t);
        int i = random.nextInt(lines.size());
        lines.add(i, lines.get(i));
        return String.join("\n", lines);
    }

    private static String deleteLine(String t, SplittableRandom random) {
        List<String> lines = lines(t);
        lines.remove(random.nextInt(lines.size()));
        return String.join("\n", lines);
    }

    private static String swapLines(String t, SplittableRandom random) {
        List<String> lines = lines(t);
        java.util.Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
        return String.join("\n", lines);
    }

    private static String insertLine(String t, SplittableRandom random, String line) {
        List<String> lines = lines(t);
        lines.add(random.nextInt(lines.size() + 1), line);
        return String.join("\n", lines);
    }

    /** Number tokens (with their positions) of a text. */
    private static List<int[]> numbers(String t) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = NUMBER.matcher(t);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }

    private static String replaceNumber(String t, SplittableRandom random, String replacement) {
        List<int[]> spans = numbers(t);
        if (spans.isEmpty()) {
            return t;
        }
        int[] s = spans.get(random.nextInt(spans.size()));
        return t.substring(0, s[0]) + replacement + t.substring(s[1]);
    }

    private static String swapNumbers(String t, SplittableRandom random) {
        List<int[]> spans = numbers(t);
        if (spans.size() < 2) {
            return t;
        }
        int[] a = spans.get(random.nextInt(spans.size()));
        int[] b = spans.get(random.nextInt(spans.size()));
        if (a[0] == b[0]) {
            return t;
        }
        if (a[0] > b[0]) {
            int[] c = a;
            a = b;
            b = c;
        }
        return t.substring(0, a[0]) + t.substring(b[0], b[1]) + t.substring(a[1], b[0]) + t.substring(a[0], a[1])
                + t.substring(b[1]);
    }

    private Mutations() {
    }
}
