package com.drdailyreport.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the one container image every Lambda function runs, with jib-core (no Docker daemon):
 * the Lambda Java base image plus the {@code image} module's {@code target/lambda/} layout at
 * {@code /var/task}, and pushes it to a registry (or writes a docker-format tar), returning the
 * image's immutable digest.
 *
 * <p>Layers, each reproducible (files sorted, fixed file times, creation time the epoch):
 * <ol>
 *   <li>{@code dependencies}: the third-party jars of {@code lib/}, which change rarely;</li>
 *   <li>{@code project}: this project's own module jars ({@code lib/com.drdailyreport.*.jar}), so
 *       a one-class change pushes one small layer;</li>
 *   <li>{@code classes}: the content of {@code classes/} at {@code /var/task} itself, if any.</li>
 * </ol>
 * The entrypoint is the base image's (the Lambda runtime interface client); the command is one
 * handler, which each function overrides through its image configuration. The platform is
 * linux/amd64.
 *
 * <pre>{@code
 * ImageResult pushed = LambdaImage.builder(Path.of("image/target/lambda"))
 *         .baseImage("scratch")                                   // tests; default: the Lambda base
 *         .command("com.drdailyreport.telegram.TelegramApiHandler::handleRequest")
 *         .build()
 *         .push("127.0.0.1:5000/dr-daily-report:dev", null);    // → sha256:…
 * }</pre>
 */
public final class LambdaImage {

    /** The Lambda Java 21 base image production builds on. */
    public static final String DEFAULT_BASE_IMAGE = "public.ecr.aws/lambda/java:21";
    /** Base image name meaning "no base": an image of this project's layers only (tests). */
    public static final String SCRATCH = "scratch";
    /** Prefix of a base image given as a docker-format tar ({@code docker save}), e.g. {@code tar:///tmp/base.tar}. */
    public static final String TAR_PREFIX = "tar://";
    /** Where Lambda's Java runtime looks for the function code ({@code LAMBDA_TASK_ROOT}). */
    public static final String TASK_ROOT = "/var/task";
    /** File-name prefix of this project's module jars in {@code lib/} (the layout prepends group ids). */
    public static final String PROJECT_JAR_PREFIX = "com.drdailyreport.";
    /** The only platform Lambda runs this image on. */
    public static final Platform PLATFORM = new Platform("amd64", "linux");

    /** Layer names, in image order. */
    public static final String DEPENDENCIES_LAYER = "dependencies";
    public static final String PROJECT_LAYER = "project";
    public static final String CLASSES_LAYER = "classes";

    private final Path layout;
    private final String baseImage;
    private final Credential baseCredential;
    private final String command;
    private final String projectJarPrefix;
    private final Path cacheDirectory;
    private final Boolean allowInsecureRegistries;
    private final Consumer<String> log;

    private LambdaImage(Builder b) {
        this.layout = b.layout;
        this.baseImage = b.baseImage;
        this.baseCredential = b.baseCredential;
        this.command = b.command;
        this.projectJarPrefix = b.projectJarPrefix;
        this.cacheDirectory = b.cacheDirectory != null ? b.cacheDirectory
                : layout.toAbsolutePath().normalize().resolveSibling("jib-cache");
        this.allowInsecureRegistries = b.allowInsecureRegistries;
        this.log = b.log;
    }

    /** A builder for the image of this layout directory ({@code image/target/lambda}). */
    public static Builder builder(Path layout) {
        return new Builder(layout);
    }

    /** Registry credentials (for ECR: user {@code AWS} and the authorization token's password). */
    public record Credential(String username, String password) {
        public Credential {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Credential[" + username + ", ****]";
        }
    }

    /** One layer of the image: its name and the files it holds (source → path in the image), sorted. */
    public record LayerPlan(String name, List<Entry> entries) {
        public record Entry(Path source, String pathInImage) {
        }
    }

    /**
     * What a build produced.
     *
     * @param image      the target as given ({@code HOST/REPO:TAG}, or the tar's image name)
     * @param digest     the manifest digest {@code sha256:…} (what Lambda resolves and deploys by)
     * @param imageId    the config digest {@code sha256:…}
     * @param layers     the plan that was built
     */
    public record ImageResult(String image, String digest, String imageId, List<LayerPlan> layers) {
        /** {@code HOST/REPO@sha256:…}: the immutable reference to deploy. */
        public String reference() {
            return pinned(image, digest);
        }
    }

    /** {@code HOST/REPO@DIGEST} for an image named {@code HOST/REPO[:TAG][@DIGEST]} (a port in HOST is kept). */
    public static String pinned(String image, String digest) {
        String repo = image;
        int at = repo.indexOf('@');
        if (at >= 0) {
            repo = repo.substring(0, at);
        }
        int slash = repo.lastIndexOf('/');
        int colon = repo.lastIndexOf(':');
        if (colon > slash) {
            repo = repo.substring(0, colon);
        }
        return repo + "@" + digest;
    }

    /**
     * The layers this layout becomes, without building anything. Fails when the layout holds no
     * jar at all (the "handlers missing from the image" incident starts with an empty layout).
     */
    public List<LayerPlan> plan() {
        Path lib = layout.resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("no " + lib + ": run `mvn package` for the image module first");
        }
        List<LayerPlan.Entry> dependencies = new ArrayList<>();
        List<LayerPlan.Entry> project = new ArrayList<>();
        for (Path jar : list(lib)) {
            String name = jar.getFileName().toString();
            if (!Files.isRegularFile(jar) || !name.endsWith(".jar")) {
                continue;
            }
            LayerPlan.Entry entry = new LayerPlan.Entry(jar, TASK_ROOT + "/lib/" + name);
            (name.startsWith(projectJarPrefix) ? project : dependencies).add(entry);
        }
        if (project.isEmpty()) {
            throw new IllegalStateException("no " + projectJarPrefix + "*.jar in " + lib + ": the layout holds no handler module");
        }
        List<LayerPlan.Entry> classes = new ArrayList<>();
        Path classesDir = layout.resolve("classes");
        if (Files.isDirectory(classesDir)) {
            try (Stream<Path> files = Files.walk(classesDir)) {
                files.filter(Files::isRegularFile).sorted()
                        .forEach(f -> classes.add(new LayerPlan.Entry(f, TASK_ROOT + "/" + unixPath(classesDir.relativize(f)))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + classesDir, e);
            }
        }
        List<LayerPlan> layers = new ArrayList<>();
        if (!dependencies.isEmpty()) {
            layers.add(new LayerPlan(DEPENDENCIES_LAYER, List.copyOf(dependencies)));
        }
        layers.add(new LayerPlan(PROJECT_LAYER, List.copyOf(project)));
        if (!classes.isEmpty()) {
            layers.add(new LayerPlan(CLASSES_LAYER, List.copyOf(classes)));
        }
        return List.copyOf(layers);
    }

    /**
     * Builds and pushes to {@code HOST/REPO:TAG}. Plain HTTP is allowed for loopback registries
     * (or as set with {@link Builder#allowInsecureRegistries}).
     *
     * @param target     e.g. {@code 123456789012.dkr.ecr.ap-southeast-1.amazonaws.com/dr-daily-report:abc123}
     * @param credential the target registry's credentials, or null for none
     */
    public ImageResult push(String target, Credential credential) throws ImageBuildException {
        RegistryImage to;
        try {
            to = RegistryImage.named(target);
        } catch (InvalidImageReferenceException e) {
            throw new ImageBuildException("invalid target image " + target + " (expected HOST/REPO:TAG)", e);
        }
        if (credential != null) {
            to.addCredential(credential.username(), credential.password());
        }
        boolean insecure = allowInsecureRegistries != null ? allowInsecureRegistries : isLoopback(registryOf(target));
        return containerize(target, Containerizer.to(to), insecure);
    }

    /** Builds into a docker-format tar (loadable with {@code docker load}, usable as a base with {@code tar://}). */
    public ImageResult writeTar(Path tar, String imageName) throws ImageBuildException {
        TarImage to;
        try {
            to = TarImage.at(tar.toAbsolutePath()).named(imageName);
        } catch (InvalidImageReferenceException e) {
            throw new ImageBuildException("invalid image name " + imageName, e);
        }
        return containerize(imageName, Containerizer.to(to), allowInsecureRegistries != null && allowInsecureRegistries);
    }

    private ImageResult containerize(String target, Containerizer containerizer, boolean insecure) throws ImageBuildException {
        if (System.getProperty("jib.disableUpdateChecks") == null) {
            System.setProperty("jib.disableUpdateChecks", "true");
        }
        List<LayerPlan> plan = plan();
        JibContainerBuilder builder = from();
        List<FileEntriesLayer> layers = new ArrayList<>();
        for (LayerPlan layer : plan) {
            FileEntriesLayer.Builder fl = FileEntriesLayer.builder().setName(layer.name());
            for (LayerPlan.Entry e : layer.entries()) {
                // default permissions (644), owner root and file time (epoch + 1 s): the same bytes give the same layer
                fl.addEntry(e.source(), AbsoluteUnixPath.get(e.pathInImage()));
            }
            layers.add(fl.build());
        }
        builder.setFileEntriesLayers(layers)
                .setPlatforms(Set.of(PLATFORM))
                .setFormat(ImageFormat.Docker)
                .setCreationTime(Instant.EPOCH);
        if (command != null) {
            builder.setProgramArguments(List.of(command));
        }
        containerizer.setBaseImageLayersCache(cacheDirectory.resolve("base"))
                .setApplicationLayersCache(cacheDirectory.resolve("application"))
                .setAllowInsecureRegistries(insecure)
                .setToolName("dr-daily-report-image")
                .addEventHandler(LogEvent.class, e -> {
                    if (log != null && e.getLevel() != LogEvent.Level.DEBUG) {
                        log.accept(e.getLevel().name().toLowerCase(Locale.ROOT) + ": " + e.getMessage());
                    }
                });
        try {
            JibContainer container = builder.containerize(containerizer);
            return new ImageResult(target, container.getDigest().toString(), container.getImageId().toString(), plan);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("interrupted while building " + target, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ImageBuildException("building " + target + " on " + baseImage + " failed: " + cause, cause);
        } catch (RegistryException | IOException | CacheDirectoryCreationException e) {
            throw new ImageBuildException("building " + target + " on " + baseImage + " failed: " + e, e);
        }
    }

    private JibContainerBuilder from() throws ImageBuildException {
        if (SCRATCH.equals(baseImage)) {
            return Jib.fromScratch();
        }
        if (baseImage.startsWith(TAR_PREFIX)) {
            return Jib.from(TarImage.at(Path.of(baseImage.substring(TAR_PREFIX.length()))));
        }
        try {
            RegistryImage base = RegistryImage.named(baseImage);
            if (baseCredential != null) {
                base.addCredential(baseCredential.username(), baseCredential.password());
            }
            return Jib.from(base);
        } catch (InvalidImageReferenceException e) {
            throw new ImageBuildException("invalid base image " + baseImage, e);
        }
    }

    /** The registry host[:port] of an image reference ({@code HOST/REPO:TAG}). */
    static String registryOf(String image) {
        int slash = image.indexOf('/');
        return slash < 0 ? "" : image.substring(0, slash);
    }

    static boolean isLoopback(String registry) {
        String host = registry;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? host : host.substring(1, end);
        } else if (host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return host.equals("localhost") || host.matches("127(\\.\\d{1,3}){3}") || host.equals("::1");
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String unixPath(Path relative) {
        StringBuilder s = new StringBuilder();
        for (Path part : relative) {
            if (!s.isEmpty()) {
                s.append('/');
            }
            s.append(part);
        }
        return s.toString();
    }

    /** A failed build or push, with the cause as Jib reported it. */
    public static final class ImageBuildException extends Exception {
        public ImageBuildException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Settings of one image build; {@link #build()} checks them. */
    public static final class Builder {
        private final Path layout;
        private String baseImage = DEFAULT_BASE_IMAGE;
        private Credential baseCredential;
        private String command;
        private String projectJarPrefix = PROJECT_JAR_PREFIX;
        private Path cacheDirectory;
        private Boolean allowInsecureRegistries;
        private Consumer<String> log;

        private Builder(Path layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
        }

        /** {@link #DEFAULT_BASE_IMAGE} unless set: a registry image, {@link #SCRATCH}, or {@code tar:///path/to/docker-save.tar}. */
        public Builder baseImage(String baseImage) {
            this.baseImage = Objects.requireNonNull(baseImage, "baseImage");
            return this;
        }

        /** Credentials for a private base image registry (the public Lambda base needs none). */
        public Builder baseCredential(Credential credential) {
            this.baseCredential = credential;
            return this;
        }

        /** The image's CMD: a handler {@code Class::method}, which each function overrides. */
        public Builder command(String handler) {
            this.command = handler;
            return this;
        }

        /** Which {@code lib/} jars form the project layer (default {@link #PROJECT_JAR_PREFIX}). */
        public Builder projectJarPrefix(String prefix) {
            this.projectJarPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** Jib's base-image and application-layer caches (default: {@code jib-cache} beside the layout, inside target/). */
        public Builder cacheDirectory(Path directory) {
            this.cacheDirectory = directory;
            return this;
        }

        /** Plain HTTP and unverified TLS for registries; by default only for loopback targets. */
        public Builder allowInsecureRegistries(boolean allow) {
            this.allowInsecureRegistries = allow;
            return this;
        }

        /** Receives Jib's progress and info messages (one line each). */
        public Builder log(Consumer<String> log) {
            this.log = log;
            return this;
        }

        public LambdaImage build() {
            if (!Files.isDirectory(layout)) {
                throw new IllegalStateException("no image layout at " + layout.toAbsolutePath() + ": run `mvn package` for the image module first");
            }
            return new LambdaImage(this);
        }
    }
}
