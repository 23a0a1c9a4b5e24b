package org.pxrd.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.pxrd.core.extensions.ExtensionSources;

/** One in-process run of {@code pxrd} with its exit status and captured streams. */
public record CliRun(int status, String out, String err) {

    /** Runs {@code pxrd args...} against the extension registry of the test runtime. */
    public static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Pxrd.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ExtensionSources.detect());
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
