package org.pxrd.core.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Data folders shipped inside a bundle (example structures, reference data) as real files, in OSGi and on a
 * plain JVM alike. The folder is found beside the classes of the bundle (a source checkout or an unpacked
 * bundle) or, when the bundle is a jar, extracted once into a per-user cache keyed by the jar's name, size and
 * modification time.
 */
public final class BundleFolders {

    /** Cache root for extracted folders: {@code $XDG_CACHE_HOME/pxrd} or {@code ~/.cache/pxrd}. */
    static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("pxrd");
    }

    private BundleFolders() {
    }

    /**
     * The folder {@code relative} (e.g. {@code "data"}) of the bundle holding {@code anchor}.
     *
     * @throws IllegalStateException when the bundle has no such folder
     */
    public static Path folder(Class<?> anchor, String relative) {
        Path location = codeLocation(anchor);
        if (Files.isDirectory(location)) {
            // an unpacked bundle, target/classes of a project, or a project directory
            for (String candidate : new String[] {relative, "../../" + relative}) {
                Path p = location.resolve(candidate).normalize();
                if (Files.isDirectory(p)) {
                    return p;
                }
            }
            throw new IllegalStateException("no folder '" + relative + "' beside " + location);
        }
        Path project = location.resolve("../../" + relative).normalize();
        if (location.getParent() != null && location.getParent().getFileName() != null
                && location.getParent().getFileName().toString().equals("target") && Files.isDirectory(project)) {
            return project; // a jar just built in a source checkout
        }
        return extract(location, relative);
    }

    private static void deleteTree(Path root) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Path codeLocation(Class<?> anchor) {
        URL url = anchor.getProtectionDomain().getCodeSource().getLocation();
        try {
            String text = url.toString();
            if (text.startsWith("reference:")) {
                text = text.substring("reference:".length());
            }
            return Path.of(new java.net.URI(text));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot locate the bundle of " + anchor.getName() + " (" + url + ")", e);
        }
    }

    private static Path extract(Path jar, String relative) {
        try {
            String key = jar.getFileName() + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
            Path target = cacheRoot().resolve(key);
            Path folder = target.resolve(relative);
            Path done = target.resolve(".complete-" + relative.replace('/', '_'));
            if (Files.exists(done)) {
                return folder;
            }
            Files.createDirectories(target);
            Path staging = Files.createTempDirectory(target, ".extract-");
            boolean found = false;
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                String prefix = relative.endsWith("/") ? relative : relative + "/";
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    if (!e.getName().startsWith(prefix) || e.isDirectory()) {
                        continue;
                    }
                    Path out = staging.resolve(e.getName()).normalize();
                    if (!out.startsWith(staging)) {
                        throw new IOException("entry outside the folder: " + e.getName());
                    }
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalStateException("no folder '" + relative + "' in " + jar);
            }
            Path extracted = staging.resolve(relative);
            if (!Files.exists(folder)) {
                Files.createDirectories(folder.getParent());
                try {
                    Files.move(extracted, folder, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    if (!Files.exists(folder)) {
                        throw raced;
                    }
                }
            }
            Files.writeString(done, jar.toString());
            deleteTree(staging);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract '" + relative + "' from " + jar + ": " + e.getMessage(), e);
        }
    }
}
