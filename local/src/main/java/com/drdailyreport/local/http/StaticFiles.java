package com.drdailyreport.local.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The Mini App's files, read from the classpath under one folder ({@code miniapp/} — the
 * {@code miniapp} module's jar). {@code /} is {@code index.html}. Only names with a known
 * extension are served, so a folder is never listed; a path with {@code ..}, {@code .} or empty
 * segments, a backslash, a NUL or an encoded slash is refused (reported as missing), so nothing
 * outside that folder is reachable. Files are read once and kept, with an ETag and, for text
 * types, a gzip copy.
 */
final class StaticFiles {

    /** Content types by file extension; anything else is not served. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"));

    /** One file, ready to send. */
    record File(String name, String contentType, byte[] bytes, byte[] gzipped, String etag, String cacheControl) {
    }

    private final ClassLoader loader;
    private final String root;
    private final Map<String, File> cache = new ConcurrentHashMap<>();

    /**
     * @param loader where the files are
     * @param root   their folder on the classpath, without slashes around it (e.g. {@code miniapp})
     */
    StaticFiles(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root;
    }

    /** The file a request's raw (still percent-encoded) path names, if it is one that may be served. */
    Optional<File> find(String rawPath) {
        Optional<String> name = resourceName(rawPath);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        File cached = cache.get(name.get());
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<File> loaded = load(name.get());
        loaded.ifPresent(f -> cache.put(f.name(), f));
        return loaded;
    }

    /** Which of these file names (below the root, e.g. {@code vendor/lib.js}) cannot be served. */
    List<String> missing(List<String> names) {
        return names.stream().filter(name -> find("/" + name).isEmpty()).toList();
    }

    /**
     * The file name below the root for a raw path, or empty when the path is not an acceptable
     * file name (traversal, odd characters, unknown extension).
     */
    static Optional<String> resourceName(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return Optional.of("index.html");
        }
        if (!rawPath.startsWith("/") || rawPath.length() > 512 || rawPath.contains("\\")
                || rawPath.toLowerCase(Locale.ROOT).contains("%2f") || rawPath.toLowerCase(Locale.ROOT).contains("%5c")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String path = decoded.substring(1);
        if (path.isEmpty() || path.endsWith("/")) {
            return Optional.empty();
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.startsWith(".")) {
                return Optional.empty();
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c < 0x20 || c == 0x7f || c == ':' || c == '\\') {
                    return Optional.empty();
                }
            }
        }
        return TYPES.containsKey(extension(path)) ? Optional.of(path) : Optional.empty();
    }

    private Optional<File> load(String name) {
        URL url = loader.getResource(root + "/" + name);
        if (url == null) {
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return Optional.empty(); // e.g. a folder inside a jar
        }
        String type = TYPES.get(extension(name));
        byte[] gzipped = compressible(type) && bytes.length > 1024 ? gzip(bytes) : null;
        String cacheControl = name.startsWith("vendor/") ? "public, max-age=86400" : "no-cache";
        return Optional.of(new File(name, type, bytes, gzipped, etag(bytes), cacheControl));
    }

    private static String extension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot <= slash ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/") || type.contains("json") || type.contains("svg");
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
