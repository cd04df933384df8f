package com.drdailyreport.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The static file lookup on a classpath folder made for the test: {@code site/} holds the page,
 * and a secret sits next to it, one level up — no request path may reach it.
 */
class StaticFilesTest {

    @TempDir
    Path classpath;

    private StaticFiles files;

    @BeforeEach
    void layOut() throws IOException {
        Files.createDirectories(classpath.resolve("site/vendor"));
        Files.createDirectories(classpath.resolve("site/sub"));
        Files.writeString(classpath.resolve("site/index.html"), "<!doctype html><title>page</title>");
        Files.writeString(classpath.resolve("site/app.js"), "console.log('x');\n".repeat(200));
        Files.writeString(classpath.resolve("site/vendor/lib.js"), "var lib = 1;");
        Files.writeString(classpath.resolve("site/sub/data.json"), "{\"a\":1}");
        Files.writeString(classpath.resolve("site/.hidden.json"), "{\"hidden\":true}");
        Files.writeString(classpath.resolve("site/notes.unknownext"), "?");
        Files.writeString(classpath.resolve("secret.json"), "{\"secret\":true}");
        ClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null);
        files = new StaticFiles(loader, "site");
    }

    @Test
    void theRootIsTheIndexPage() {
        assertThat(files.find("/")).hasValueSatisfying(f -> {
            assertThat(f.contentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(new String(f.bytes(), StandardCharsets.UTF_8)).contains("<title>page</title>");
            assertThat(f.cacheControl()).isEqualTo("no-cache");
        });
        assertThat(files.find("")).isPresent();
    }

    @Test
    void missingNamesTheFilesThatCannotBeServed() {
        assertThat(files.missing(java.util.List.of("index.html", "vendor/lib.js", "vendor/echarts.min.js", "app.js", "../secret.json")))
                .containsExactly("vendor/echarts.min.js", "../secret.json");
        assertThat(files.missing(java.util.List.of("index.html", "app.js"))).isEmpty();
    }

    @Test
    void filesInFoldersAreFoundWithTheirTypes() {
        assertThat(files.find("/sub/data.json")).hasValueSatisfying(f -> assertThat(f.contentType()).isEqualTo("application/json"));
        assertThat(files.find("/vendor/lib.js")).hasValueSatisfying(f -> {
            assertThat(f.contentType()).isEqualTo("text/javascript; charset=utf-8");
            assertThat(f.cacheControl()).startsWith("public");
        });
    }

    @Test
    void percentEncodedNamesAreDecoded() {
        assertThat(files.find("/%61pp.js")).isPresent();
    }

    @Test
    void largerTextFilesCarryAGzipCopyAndEveryFileAnEtag() {
        StaticFiles.File app = files.find("/app.js").orElseThrow();
        assertThat(app.gzipped()).isNotNull().hasSizeLessThan(app.bytes().length);
        assertThat(app.etag()).matches("\"[0-9a-f]{24}\"");
        assertThat(files.find("/vendor/lib.js").orElseThrow().gzipped()).as("too small to bother").isNull();
    }

    @Test
    void aMissingFileIsNotFound() {
        assertThat(files.find("/missing.html")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../secret.json",
        "/%2e%2e/secret.json",
        "/%2E%2E/secret.json",
        "/sub/../../secret.json",
        "/sub/%2e%2e/%2e%2e/secret.json",
        "/..%2fsecret.json",
        "/..%2Fsecret.json",
        "/..\\secret.json",
        "/..%5csecret.json",
        "/./index.html",
        "//index.html",
        "/sub//data.json",
        "/sub/",
        "/sub",
        "/.hidden.json",
        "/notes.unknownext",
        "/index.html%00",
        "/C:/secret.json",
        "/%zz.js"
    })
    void nothingOutsideTheFolderNorAnyOddPathIsServed(String rawPath) {
        assertThat(files.find(rawPath)).as(rawPath).isEmpty();
    }

    @Test
    void theSecretReallyIsOnTheClasspathSoTheRefusalsAboveMeanSomething() throws IOException {
        ClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null);
        assertThat(loader.getResource("site/../secret.json")).isNotNull();
    }
}
