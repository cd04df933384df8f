package com.drdailyreport.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the image with jib-core on {@code scratch} and pushes it to a real registry on loopback
 * (Debian's {@code docker-registry}): the digest Jib returns is the one the registry (skopeo)
 * reports; the same inputs give the same digest even from an empty cache, and pushing it again
 * uploads nothing; a one-class change uploads only the small project layer (and the new config).
 */
class ImagePushIT {

    private static final String HANDLER = "com.drdailyreport.telegram.TelegramApiHandler::handleRequest";

    private static LoopbackRegistry registry;
    private static RegistryApi api;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = LoopbackRegistry.start();
        api = new RegistryApi(registry.host());
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (api != null) {
            api.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    private static LambdaImage image(Path layout, Path cache) {
        return LambdaImage.builder(layout).baseImage(LambdaImage.SCRATCH).command(HANDLER).cacheDirectory(cache).build();
    }

    @Test
    void theRegistryHoldsThePushedDigestAndTheSameInputsPushNothingNew(@TempDir Path coldCache) throws Exception {
        Path layout = Tools.layout();
        int uploadsBefore = registry.uploadedBlobs().size();
        LambdaImage.ImageResult first = image(layout, Tools.jibCache()).push(registry.image("dr-daily-report", "first"), null);

        assertThat(first.digest()).matches("sha256:[0-9a-f]{64}");
        assertThat(first.reference()).isEqualTo(registry.host() + "/dr-daily-report@" + first.digest());
        assertThat(Tools.skopeoDigest(registry.host() + "/dr-daily-report@" + first.digest())).isEqualTo(first.digest());
        assertThat(Tools.skopeoDigest(registry.host() + "/dr-daily-report:first")).isEqualTo(first.digest());

        RegistryApi.Manifest manifest = api.manifest("dr-daily-report", first.digest());
        assertThat(manifest.json().path("mediaType").asText()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
        assertThat(manifest.layerDigests()).as("dependencies + project layers on scratch").hasSize(2);
        JsonNode config = api.config("dr-daily-report", manifest);
        assertThat(config.path("architecture").asText()).isEqualTo("amd64");
        assertThat(config.path("os").asText()).isEqualTo("linux");
        assertThat(config.path("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(config.path("config").path("Cmd")).extracting(JsonNode::asText).containsExactly(HANDLER);
        assertThat(config.path("config").path("Entrypoint").isMissingNode() || config.path("config").path("Entrypoint").isNull())
                .as("the entrypoint is left to the base image").isTrue();
        assertThat(first.layers()).extracting(LambdaImage.LayerPlan::name)
                .containsExactly(LambdaImage.DEPENDENCIES_LAYER, LambdaImage.PROJECT_LAYER);

        int uploadsAfterFirst = registry.uploadedBlobs().size();
        assertThat(registry.uploadedBlobs().subList(uploadsBefore, uploadsAfterFirst)).as("the first push to a new repository uploads both layers and the config")
                .containsExactlyInAnyOrder(manifest.configDigest(), manifest.layerDigests().get(0), manifest.layerDigests().get(1));

        LambdaImage.ImageResult again = image(layout, Tools.jibCache()).push(registry.image("dr-daily-report", "again"), null);
        LambdaImage.ImageResult cold = image(layout, coldCache).push(registry.image("dr-daily-report", "cold"), null);

        assertThat(again.digest()).as("rebuild with no change").isEqualTo(first.digest());
        assertThat(cold.digest()).as("rebuild from an empty Jib cache").isEqualTo(first.digest());
        assertThat(registry.uploadedBlobs()).as("no blob uploaded by the rebuilds").hasSize(uploadsAfterFirst);
        assertThat(Tools.skopeoDigest(registry.host() + "/dr-daily-report:cold")).isEqualTo(first.digest());
    }

    @Test
    void aOneClassChangeUploadsOnlyTheSmallProjectLayer(@TempDir Path temp) throws Exception {
        Path layout = LayoutCopies.copy(Tools.layout(), temp.resolve("lambda"));
        Path cache = temp.resolve("cache");
        LambdaImage.ImageResult before = image(layout, cache).push(registry.image("one-class", "before"), null);
        RegistryApi.Manifest beforeManifest = api.manifest("one-class", before.digest());
        List<String> uploadsBefore = registry.uploadedBlobs();

        LayoutCopies.addClass(layout, "com.drdailyreport.scheduler-", "com.drdailyreport.scheduler.ImageChangeMarker", "1");
        LambdaImage.ImageResult after = image(layout, cache).push(registry.image("one-class", "after"), null);
        RegistryApi.Manifest afterManifest = api.manifest("one-class", after.digest());
        List<String> uploadsAfter = registry.uploadedBlobs();

        assertThat(after.digest()).isNotEqualTo(before.digest());
        assertThat(Tools.skopeoDigest(registry.host() + "/one-class@" + after.digest())).isEqualTo(after.digest());
        assertThat(afterManifest.layerDigests().get(0)).as("dependencies layer unchanged").isEqualTo(beforeManifest.layerDigests().get(0));
        assertThat(afterManifest.layerDigests().get(1)).as("project layer changed").isNotEqualTo(beforeManifest.layerDigests().get(1));
        assertThat(uploadsAfter.subList(uploadsBefore.size(), uploadsAfter.size()))
                .as("only the new project layer and the new config are uploaded")
                .containsExactlyInAnyOrder(afterManifest.layerDigests().get(1), afterManifest.configDigest());
        assertThat(afterManifest.layerSize(1)).as("the project layer is small next to the dependencies")
                .isLessThan(afterManifest.layerSize(0) / 10);
    }
}
