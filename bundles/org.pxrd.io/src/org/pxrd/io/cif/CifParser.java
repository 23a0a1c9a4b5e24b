package org.pxrd.io.cif;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.pxrd.io.StructureFormatException;
import org.pxrd.io.TextNumbers;

/**
 * A CIF 1.1 syntax reader: {@code data_} blocks, tags and values, {@code loop_}s, single- and double-quoted
 * values, semicolon text fields, comments, and {@code save_} frames (skipped). It knows nothing about
 * crystallography; {@link CifStructureReader} interprets the blocks.
 *
 * <p>Every syntax error is reported as a {@link StructureFormatException} with the line it is on:
 * unterminated quotes or text fields, a tag without a value, a value without a tag, a loop whose value count is
 * not a multiple of its tag count, a tag given twice, two blocks with the same name (block names are
 * case-insensitive and must be unique), content before the first block, or a file with no block. A byte order
 * mark before the first character is ignored.
 */
public final class CifParser {

    private enum Kind { DATA, LOOP, SAVE, GLOBAL, STOP, TAG, VALUE }

    private record Token(Kind kind, String text, int line, boolean quoted) {
        CifValue value() {
            return new CifValue(text, line, quoted);
        }
    }

    private final String source;

    /** @param source the file name used in error messages */
    public CifParser(String source) {
        this.source = source;
    }

    /** Parses the text of a whole CIF file into its data blocks (at least one). */
    public List<CifBlock> parse(String text) throws StructureFormatException {
        List<Token> tokens = tokenize(text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<CifBlock> blocks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.DATA) {
                if (!names.add(t.text().toLowerCase(Locale.ROOT))) {
                    throw error(t.line(), "data_" + t.text() + " appears twice (block names must be unique)");
                }
                i = parseBlock(tokens, i, blocks);
            } else if (t.kind() == Kind.GLOBAL) {
                throw error(t.line(), "global_ blocks are not part of CIF 1.1");
            } else {
                throw error(t.line(), "'" + TextNumbers.abbreviate(t.text()) + "' before the first data_ block");
            }
        }
        if (blocks.isEmpty()) {
            throw error(0, "no data_ block (empty or not a CIF file)");
        }
        return blocks;
    }

    private int parseBlock(List<Token> tokens, int start, List<CifBlock> blocks) throws StructureFormatException {
        Token header = tokens.get(start);
        if (header.text().isEmpty()) {
            throw error(header.line(), "data_ block without a name");
        }
        Map<String, CifValue> items = new LinkedHashMap<>();
        List<CifLoop> loops = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int i = start + 1;
        while (i < tokens.size() && tokens.get(i).kind() != Kind.DATA) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case TAG -> {
                    String tag = t.text().toLowerCase(Locale.ROOT);
                    if (i + 1 >= tokens.size() || tokens.get(i + 1).kind() != Kind.VALUE) {
                        throw error(t.line(), "tag " + t.text() + " has no value");
                    }
                    if (!seen.add(tag)) {
                        throw error(t.line(), "tag " + t.text() + " appears twice in data_" + header.text());
                    }
                    items.put(tag, tokens.get(i + 1).value());
                    i += 2;
                }
                case LOOP -> i = parseLoop(tokens, i, loops, seen);
                case SAVE -> i = skipSaveFrame(tokens, i);
                case VALUE -> throw error(t.line(), "value '" + TextNumbers.abbreviate(t.text()) + "' without a tag");
                case GLOBAL, STOP -> throw error(t.line(), "unexpected " + t.text());
                default -> throw error(t.line(), "unexpected '" + TextNumbers.abbreviate(t.text()) + "'");
            }
        }
        blocks.add(new CifBlock(header.text(), header.line(), items, loops));
        return i;
    }

    private int parseLoop(List<Token> tokens, int start, List<CifLoop> loops, Set<String> seen)
            throws StructureFormatException {
        int line = tokens.get(start).line();
        List<String> tags = new ArrayList<>();
        int i = start + 1;
        while (i < tokens.size() && tokens.get(i).kind() == Kind.TAG) {
            String tag = tokens.get(i).text().toLowerCase(Locale.ROOT);
            if (!seen.add(tag)) {
                throw error(tokens.get(i).line(), "tag " + tokens.get(i).text() + " appears twice");
            }
            tags.add(tag);
            i++;
        }
        if (tags.isEmpty()) {
            throw error(line, "loop_ without tags");
        }
        List<CifValue> values = new ArrayList<>();
        while (i < tokens.size() && tokens.get(i).kind() == Kind.VALUE) {
            values.add(tokens.get(i).value());
            i++;
        }
        if (values.size() % tags.size() != 0) {
            throw error(line, "loop_ has " + values.size() + " values for " + tags.size() + " tags (" + tags.get(0)
                    + ", ...): not a whole number of rows");
        }
        List<List<CifValue>> rows = new ArrayList<>();
        for (int r = 0; r < values.size(); r += tags.size()) {
            rows.add(List.copyOf(values.subList(r, r + tags.size())));
        }
        loops.add(new CifLoop(tags, rows, line));
        return i;
    }

    private int skipSaveFrame(List<Token> tokens, int start) throws StructureFormatException {
        int i = start + 1;
        while (i < tokens.size()) {
            Token t = tokens.get(i++);
            if (t.kind() == Kind.SAVE && t.text().isEmpty()) {
                return i;
            }
        }
        throw error(tokens.get(start).line(), "save_ frame is not closed");
    }

    private List<Token> tokenize(String text) throws StructureFormatException {
        List<Token> tokens = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int n = 0;
        while (n < lines.length) {
            String line = lines[n];
            int lineNumber = n + 1;
            n++;
            int pos = 0;
            if (line.startsWith(";")) {
                StringBuilder field = new StringBuilder(line.substring(1));
                boolean closed = false;
                while (n < lines.length) {
                    String next = lines[n++];
                    if (next.startsWith(";")) {
                        closed = true;
                        line = next;
                        pos = 1;
                        break;
                    }
                    field.append('\n').append(next);
                }
                if (!closed) {
                    throw error(lineNumber, "text field starting with ';' is never closed");
                }
                tokens.add(new Token(Kind.VALUE, field.toString().strip(), lineNumber, true));
                lineNumber = n;
            }
            tokenizeLine(line, pos, lineNumber, tokens);
        }
        return tokens;
    }

    private void tokenizeLine(String line, int from, int lineNumber, List<Token> tokens)
            throws StructureFormatException {
        int pos = from;
        int length = line.length();
        while (pos < length) {
            char c = line.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
                continue;
            }
            if (c == '#') {
                return;
            }
            if (c < ' ' && c != '\t') {
                throw error(lineNumber, "control character 0x" + Integer.toHexString(c) + " (binary or corrupted file)");
            }
            if (c == '\'' || c == '"') {
                int end = pos + 1;
                while (true) {
                    end = line.indexOf(c, end);
                    if (end < 0) {
                        throw error(lineNumber, "quoted value " + line.substring(pos, Math.min(length, pos + 30))
                                + " is never closed");
                    }
                    if (end + 1 >= length || line.charAt(end + 1) == ' ' || line.charAt(end + 1) == '\t') {
                        break;
                    }
                    end++;
                }
                tokens.add(new Token(Kind.VALUE, line.substring(pos + 1, end), lineNumber, true));
                pos = end + 1;
                continue;
            }
            int end = pos;
            while (end < length && line.charAt(end) != ' ' && line.charAt(end) != '\t') {
                end++;
            }
            tokens.add(bare(line.substring(pos, end), lineNumber));
            pos = end;
        }
    }

    private static Token bare(String word, int line) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (word.startsWith("_")) {
            return new Token(Kind.TAG, word, line, false);
        }
        if (lower.startsWith("data_")) {
            return new Token(Kind.DATA, word.substring(5), line, false);
        }
        if (lower.equals("loop_")) {
            return new Token(Kind.LOOP, word, line, false);
        }
        if (lower.startsWith("save_")) {
            return new Token(Kind.SAVE, word.substring(5), line, false);
        }
        if (lower.equals("global_")) {
            return new Token(Kind.GLOBAL, word, line, false);
        }
        if (lower.equals("stop_")) {
            return new Token(Kind.STOP, word, line, false);
        }
        return new Token(Kind.VALUE, word, line, false);
    }

    private StructureFormatException error(int line, String problem) {
        return new StructureFormatException(source, line, problem);
    }
}
