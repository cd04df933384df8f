package com.drdailyreport.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaImageTest {

    @TempDir
    Path temp;

    private Path layout(String... jars) throws IOException {
        Path layout = temp.resolve("lambda");
        Files.createDirectories(layout.resolve("lib"));
        for (String jar : jars) {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(layout.resolve("lib").resolve(jar)))) {
                JarEntry e = new JarEntry("content/" + jar + ".txt");
                e.setTime(0);
                out.putNextEntry(e);
                out.write(jar.getBytes());
                out.closeEntry();
            }
        }
        return layout;
    }

    @Test
    void projectJarsAndDependencyJarsGoToSeparateLayersAtVarTaskLib() throws IOException {
        Path layout = layout("org.example.lib-1.0.jar", "com.drdailyreport.scheduler-0.1.0-SNAPSHOT.jar", "a.first-2.jar",
                "com.drdailyreport.shared-0.1.0-SNAPSHOT.jar");
        Files.writeString(layout.resolve("lib").resolve("README.txt"), "not a jar");

        List<LambdaImage.LayerPlan> plan = LambdaImage.builder(layout).build().plan();

        assertThat(plan).extracting(LambdaImage.LayerPlan::name).containsExactly("dependencies", "project");
        assertThat(plan.get(0).entries()).extracting(LambdaImage.LayerPlan.Entry::pathInImage)
                .containsExactly("/var/task/lib/a.first-2.jar", "/var/task/lib/org.example.lib-1.0.jar");
        assertThat(plan.get(1).entries()).extracting(LambdaImage.LayerPlan.Entry::pathInImage)
                .containsExactly("/var/task/lib/com.drdailyreport.scheduler-0.1.0-SNAPSHOT.jar",
                        "/var/task/lib/com.drdailyreport.shared-0.1.0-SNAPSHOT.jar");
    }

    @Test
    void classesGoToTheTaskRootItselfInTheirOwnLayer() throws IOException {
        Path layout = layout("com.drdailyreport.x-1.jar");
        Files.createDirectories(layout.resolve("classes/com/example"));
        Files.writeString(layout.resolve("classes/com/example/A.class"), "a");
        Files.writeString(layout.resolve("classes/log.xml"), "b");

        List<LambdaImage.LayerPlan> plan = LambdaImage.builder(layout).build().plan();

        assertThat(plan).extracting(LambdaImage.LayerPlan::name).containsExactly("project", "classes");
        assertThat(plan.get(1).entries()).extracting(LambdaImage.LayerPlan.Entry::pathInImage)
                .containsExactly("/var/task/com/example/A.class", "/var/task/log.xml");
    }

    @Test
    void aLayoutWithoutAnyProjectJarIsRefused() throws IOException {
        Path layout = layout("org.example.lib-1.0.jar");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LambdaImage.builder(layout).build().plan());
        assertThat(e).hasMessageContaining("no com.drdailyreport.*.jar");
        assertThrows(IllegalStateException.class, () -> LambdaImage.builder(temp.resolve("missing")).build());
    }

    @Test
    void theSameLayoutGivesTheSameDigestAndAChangedJarAnotherOne() throws Exception {
        Path layout = layout("org.example.lib-1.0.jar", "com.drdailyreport.scheduler-0.1.0-SNAPSHOT.jar");
        LambdaImage image = LambdaImage.builder(layout).baseImage(LambdaImage.SCRATCH).command("a.B::handleRequest")
                .cacheDirectory(temp.resolve("cache")).build();

        LambdaImage.ImageResult first = image.writeTar(temp.resolve("one.tar"), "dr-daily-report:test");
        LambdaImage.ImageResult second = LambdaImage.builder(layout).baseImage(LambdaImage.SCRATCH).command("a.B::handleRequest")
                .cacheDirectory(temp.resolve("other-cache")).build().writeTar(temp.resolve("two.tar"), "dr-daily-report:test");
        LayoutCopies.addClass(layout, "com.drdailyreport.scheduler-", "com.drdailyreport.scheduler.Changed", "1");
        LambdaImage.ImageResult changed = image.writeTar(temp.resolve("three.tar"), "dr-daily-report:test");
        LambdaImage.ImageResult otherCommand = LambdaImage.builder(layout).baseImage(LambdaImage.SCRATCH).command("a.C::handleRequest")
                .cacheDirectory(temp.resolve("cache")).build().writeTar(temp.resolve("four.tar"), "dr-daily-report:test");

        assertThat(first.digest()).matches("sha256:[0-9a-f]{64}").isEqualTo(second.digest());
        assertThat(first.imageId()).isEqualTo(second.imageId());
        assertThat(changed.digest()).isNotEqualTo(first.digest());
        assertThat(otherCommand.digest()).isNotEqualTo(changed.digest());
        assertThat(Files.size(temp.resolve("one.tar"))).isPositive();
    }

    @Test
    void plainHttpOnlyForLoopbackRegistriesByDefault() {
        assertThat(LambdaImage.isLoopback(LambdaImage.registryOf("127.0.0.1:5000/repo:tag"))).isTrue();
        assertThat(LambdaImage.isLoopback(LambdaImage.registryOf("localhost:5000/repo:tag"))).isTrue();
        assertThat(LambdaImage.isLoopback(LambdaImage.registryOf("[::1]:5000/repo:tag"))).isTrue();
        assertThat(LambdaImage.isLoopback(LambdaImage.registryOf("123456789012.dkr.ecr.ap-southeast-1.amazonaws.com/repo:tag"))).isFalse();
        assertThat(LambdaImage.isLoopback(LambdaImage.registryOf("127.example.com/repo:tag"))).isFalse();
    }

    @Test
    void theReferenceNamesTheRepositoryByDigest() {
        LambdaImage.ImageResult r = new LambdaImage.ImageResult("127.0.0.1:5000/dr-daily-report:dev", "sha256:ab", "sha256:cd", List.of());
        assertThat(r.reference()).isEqualTo("127.0.0.1:5000/dr-daily-report@sha256:ab");
        assertThat(new LambdaImage.ImageResult("host/repo", "sha256:ab", "sha256:cd", List.of()).reference()).isEqualTo("host/repo@sha256:ab");
    }
}
