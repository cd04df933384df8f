package com.drdailyreport.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The Mini App page as built: every file under the classpath folder {@code miniapp/} of the
 * {@code miniapp} module (its jar, or its {@code target/classes} in a reactor build), by path,
 * in a stable order. What the deploy tool uploads is exactly what {@code local} serves.
 */
public record MiniAppSite(Map<String, byte[]> files) {

    public static final String ROOT = "miniapp/";

    public MiniAppSite {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** The page on this class loader's classpath. */
    public static MiniAppSite fromClasspath(ClassLoader loader) {
        URL index = loader.getResource(ROOT + "index.html");
        if (index == null) {
            throw new IllegalStateException("the Mini App (classpath " + ROOT + "index.html) is not on the classpath; build the miniapp module");
        }
        Map<String, byte[]> files = new TreeMap<>();
        try {
            if ("jar".equals(index.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) index.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (JarEntry entry : Collections.list(jar.entries())) {
                        if (!entry.isDirectory() && entry.getName().startsWith(ROOT)) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                files.put(entry.getName().substring(ROOT.length()), in.readAllBytes());
                            }
                        }
                    }
                }
            } else {
                Path root = Path.of(index.toURI()).getParent();
                return fromDirectory(root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new MiniAppSite(files);
    }

    /** The page in a folder (e.g. {@code miniapp/target/classes/miniapp}). */
    public static MiniAppSite fromDirectory(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!files.containsKey("index.html")) {
            throw new IllegalStateException(root + " holds no index.html");
        }
        return new MiniAppSite(files);
    }

    public List<String> paths() {
        return List.copyOf(files.keySet());
    }
}
