package org.pxrd.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.pxrd.core.extensions.ExtensionSource;
import org.pxrd.core.extensions.ExtensionSources;

/** One in-process run of {@code pxrd} with its exit status and captured streams. */
public record CliRun(int status, String out, String err) {

    /** Runs {@code pxrd args...} against the extension registry of the test runtime. */
    public static CliRun of(String... args) {
        return with(ExtensionSources.detect(), args);
    }

    /** Runs {@code pxrd args...} against the given contributions. */
    public static CliRun with(ExtensionSource extensions, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Pxrd.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), extensions);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
