package org.pxrd.cli;

import org.pxrd.core.extensions.ExtensionSources;

/**
 * {@code pxrd} on a plain JVM (no OSGi): {@code java -cp <bundle jars> org.pxrd.cli.Main <command> [args]}.
 * Contributions are read from the {@code plugin.xml} files on the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Pxrd.run(args, System.out, System.err, ExtensionSources.detect()));
    }
}
