package org.pxrd.cli;

import java.io.PrintWriter;

import org.pxrd.core.extensions.ExtensionSource;

/**
 * What every command gets: the contributions of the running environment and the output streams (machine
 * readable results on {@code out}, diagnostics on {@code err}).
 */
public record CliContext(ExtensionSource extensions, PrintWriter out, PrintWriter err) {
}
