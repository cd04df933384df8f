package com.drdailyreport.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The image's {@code /var/task} as laid out by {@code mvn package} in {@code image/target/lambda}
 * ({@code lib/*.jar}, optionally {@code classes/}), and the check that every handler a function
 * names is really in it: the class loads from the layout alone (a fresh class loader whose parent
 * is the platform loader, so nothing leaks in from the caller's classpath), implements
 * {@code RequestHandler}, has a public no-arg constructor and the named public method taking a
 * {@code Context}, and every type in its signatures resolves. The deploy tool runs it before
 * building; the image tests run it on the layout.
 */
public final class LambdaLayout {

    static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
    static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";

    private final Path root;

    private LambdaLayout(Path root) {
        this.root = root;
    }

    /** The layout at this directory (e.g. {@code image/target/lambda}). */
    public static LambdaLayout at(Path root) {
        return new LambdaLayout(root);
    }

    public Path root() {
        return root;
    }

    /** {@code lib/*.jar}, sorted by name; empty when there is no {@code lib/}. */
    public List<Path> jars() {
        Path lib = root.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + lib, e);
        }
    }

    /**
     * Checks each handler ({@code com.example.Handler::handleRequest}; the method defaults to
     * {@code handleRequest}). Returns, per handler in the given order, what is wrong with it: an
     * empty list means it is present and usable.
     */
    public Map<String, List<String>> checkHandlers(Collection<String> handlers) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        List<Path> jars = jars();
        try (URLClassLoader loader = new URLClassLoader("lambda-layout", urls(jars), ClassLoader.getPlatformClassLoader())) {
            for (String handler : handlers) {
                result.put(handler, jars.isEmpty() ? List.of("no jars in " + root.resolve("lib")) : check(handler, loader));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the layout's class loader", e);
        }
        return result;
    }

    /** The problems of all handlers, one line each ("handler: problem"); empty when all are fine. */
    public List<String> problems(Collection<String> handlers) {
        List<String> lines = new ArrayList<>();
        checkHandlers(handlers).forEach((handler, problems) -> problems.forEach(p -> lines.add(handler + ": " + p)));
        return lines;
    }

    private URL[] urls(List<Path> jars) {
        List<URL> urls = new ArrayList<>();
        try {
            Path classes = root.resolve("classes");
            if (Files.isDirectory(classes)) {
                urls.add(classes.toUri().toURL());
            }
            for (Path jar : jars) {
                urls.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        return urls.toArray(URL[]::new);
    }

    private static List<String> check(String handler, ClassLoader loader) {
        String className = handler;
        String methodName = "handleRequest";
        int sep = handler.indexOf("::");
        if (sep >= 0) {
            className = handler.substring(0, sep);
            methodName = handler.substring(sep + 2);
        }
        if (className.isBlank() || methodName.isBlank()) {
            return List.of("not a handler name (expected package.Class::method)");
        }
        List<String> problems = new ArrayList<>();
        Class<?> type;
        Class<?> requestHandler;
        Class<?> context;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of("class " + className + " is not in the image (" + e + ")");
        }
        try {
            requestHandler = Class.forName(REQUEST_HANDLER, false, loader);
            context = Class.forName(CONTEXT, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of("aws-lambda-java-core is not in the image (" + e + ")");
        }
        if (!requestHandler.isAssignableFrom(type)) {
            problems.add("does not implement " + REQUEST_HANDLER);
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            problems.add("is not a public concrete class");
        }
        try {
            // resolving every public signature loads the types they name: a missing dependency shows here
            type.getMethods();
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            problems.add("has no public no-arg constructor");
        } catch (LinkageError e) {
            problems.add("a type it uses is not in the image (" + e + ")");
            return problems;
        }
        boolean found = false;
        for (Method m : type.getMethods()) {
            if (m.getName().equals(methodName) && m.getParameterCount() == 2 && m.getParameterTypes()[1] == context) {
                found = true;
                break;
            }
        }
        if (!found) {
            problems.add("has no public " + methodName + "(input, Context) method");
        }
        return problems;
    }
}
