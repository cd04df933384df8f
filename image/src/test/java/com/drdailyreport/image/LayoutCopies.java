package com.drdailyreport.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/** Copies of the image layout that tests and the benchmark change, leaving {@code target/lambda} alone. */
final class LayoutCopies {

    private LayoutCopies() {
    }

    /** Copies {@code lib/*.jar} (and nothing else) of a layout. */
    static Path copy(Path layout, Path to) throws IOException {
        Files.createDirectories(to.resolve("lib"));
        for (Path jar : LambdaLayout.at(layout).jars()) {
            Files.copy(jar, to.resolve("lib").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return to;
    }

    /**
     * A one-class change: rewrites the module jar whose name starts with {@code jarPrefix} with
     * one more class file (its bytes made from {@code variant}, so each variant is a different jar).
     * Returns the changed jar.
     */
    static Path addClass(Path layout, String jarPrefix, String className, String variant) throws IOException {
        Path jar = LambdaLayout.at(layout).jars().stream()
                .filter(j -> j.getFileName().toString().startsWith(jarPrefix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + jarPrefix + "*.jar in " + layout));
        Path changed = jar.resolveSibling(jar.getFileName() + ".new");
        String entryName = className.replace('.', '/') + ".class";
        try (JarFile in = new JarFile(jar.toFile());
             OutputStream file = Files.newOutputStream(changed);
             JarOutputStream out = new JarOutputStream(file)) {
            for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                JarEntry e = entries.nextElement();
                if (e.getName().equals(entryName)) {
                    continue;
                }
                JarEntry copy = new JarEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(e)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
            JarEntry added = new JarEntry(entryName);
            added.setTime(0);
            out.putNextEntry(added);
            // not a loadable class: the layer only has to change the way a recompiled class changes it
            out.write(("\u00ca\u00fe\u00ba\u00be " + className + " " + variant).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.closeEntry();
        }
        Files.move(changed, jar, StandardCopyOption.REPLACE_EXISTING);
        return jar;
    }
}
