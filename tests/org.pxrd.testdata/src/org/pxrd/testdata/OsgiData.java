package org.pxrd.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Finds the data folder inside the OSGi bundle (kept apart so that plain-JVM use never loads OSGi classes). */
final class OsgiData {

    private OsgiData() {
    }

    static Path extract() {
        Bundle bundle = FrameworkUtil.getBundle(TestData.class);
        if (bundle == null) {
            throw new IllegalStateException("test data not found: set -Dpxrd.testdata=<tests/org.pxrd.testdata/data>");
        }
        URL marker = bundle.getEntry("data/ATTRIBUTION.md");
        try {
            // extracting the folder entry copies the whole folder when the bundle is a jar
            Path folder = Path.of(FileLocator.toFileURL(bundle.getEntry("data/")).getPath());
            if (marker == null || !folder.resolve("ATTRIBUTION.md").toFile().isFile()) {
                throw new IllegalStateException("test data folder incomplete at " + folder);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
