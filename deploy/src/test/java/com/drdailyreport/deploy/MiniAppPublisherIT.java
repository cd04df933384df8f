package com.drdailyreport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.testing.MotoServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The Mini App published to S3 and CloudFront as moto_server emulates them. */
class MiniAppPublisherIT {

    private static MotoServer moto;
    private static S3Client s3;
    private static CloudFrontClient cloudFront;
    private static String distributionId;

    @BeforeAll
    static void start() {
        moto = MotoServer.start();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        s3 = S3Client.builder().endpointOverride(moto.endpoint()).region(Region.of(MotoServer.REGION)).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true).build();
        cloudFront = CloudFrontClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        s3.createBucket(b -> b.bucket("dr-daily-report-miniapp-dev"));
        distributionId = DeployStandIns.miniAppDistribution(cloudFront, "dr-daily-report-miniapp-dev");
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
            cloudFront.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void theBuiltPageIsUploadedOnceWithItsTypesAndTheApiOriginAndCloudFrontInvalidated() {
        MiniAppSite site = MiniAppSite.fromClasspath(getClass().getClassLoader());
        assertThat(site.paths()).contains("index.html", "app.js", "app.css", "config.js", "vendor/echarts.min.js");
        MiniAppPublisher publisher = new MiniAppPublisher(s3, cloudFront);

        // a file of an older page version that is no longer part of it
        s3.putObject(b -> b.bucket("dr-daily-report-miniapp-dev").key("old-bundle.js"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("old"));
        MiniAppPublisher.Result first = publisher.publish(site, "dr-daily-report-miniapp-dev", distributionId,
                "https://abc123.execute-api.ap-southeast-1.amazonaws.com");

        assertThat(first.uploaded()).containsExactlyInAnyOrderElementsOf(site.paths());
        assertThat(first.deleted()).containsExactly("old-bundle.js");
        assertThat(first.invalidationId()).isNotBlank();
        var index = s3.getObject(b -> b.bucket("dr-daily-report-miniapp-dev").key("index.html"), ResponseTransformer.toBytes());
        assertThat(index.response().contentType()).startsWith("text/html");
        assertThat(index.response().cacheControl()).isEqualTo("no-cache");
        assertThat(index.asByteArray()).isEqualTo(site.files().get("index.html"));
        String config = s3.getObjectAsBytes(b -> b.bucket("dr-daily-report-miniapp-dev").key("config.js")).asString(StandardCharsets.UTF_8);
        assertThat(config).contains("apiBase: 'https://abc123.execute-api.ap-southeast-1.amazonaws.com'");
        assertThat(cloudFront.listInvalidations(b -> b.distributionId(distributionId)).invalidationList().quantity()).isEqualTo(1);

        // the same page again: nothing to upload, nothing to invalidate
        MiniAppPublisher.Result again = publisher.publish(site, "dr-daily-report-miniapp-dev", distributionId,
                "https://abc123.execute-api.ap-southeast-1.amazonaws.com");
        assertThat(again.uploaded()).isEmpty();
        assertThat(again.changed()).isFalse();
        assertThat(again.invalidationId()).isNull();

        // one file changes: only it goes up, and CloudFront is invalidated again
        Map<String, byte[]> changed = new java.util.TreeMap<>(site.files());
        changed.put("app.css", (new String(site.files().get("app.css"), StandardCharsets.UTF_8) + "\n/* v2 */").getBytes(StandardCharsets.UTF_8));
        MiniAppPublisher.Result third = publisher.publish(new MiniAppSite(changed), "dr-daily-report-miniapp-dev", distributionId,
                "https://abc123.execute-api.ap-southeast-1.amazonaws.com");
        assertThat(third.uploaded()).containsExactly("app.css");
        assertThat(third.invalidationId()).isNotBlank();
    }

    @Test
    void aSnapshotTakenBeforeAPublishPutsThePageBackAsItWas() {
        String bucket = "dr-daily-report-miniapp-versioned";
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(
                software.amazon.awssdk.services.s3.model.BucketVersioningStatus.ENABLED)));
        // an earlier page: two files the new page overwrites, one it no longer has
        s3.putObject(b -> b.bucket(bucket).key("index.html").contentType("text/html; charset=utf-8").cacheControl("no-cache"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("<title>earlier</title>"));
        s3.putObject(b -> b.bucket(bucket).key("config.js").contentType("text/javascript; charset=utf-8").cacheControl("no-cache"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("window.DR_CONFIG = {apiBase: 'https://earlier.example'};"));
        s3.putObject(b -> b.bucket(bucket).key("earlier.js").contentType("text/javascript; charset=utf-8").cacheControl("public, max-age=300"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("// earlier"));
        Map<String, String> earlier = contents(bucket);
        MiniAppPublisher publisher = new MiniAppPublisher(s3, cloudFront);
        MiniAppPublisher.Snapshot before = publisher.snapshot(bucket);
        assertThat(before.versioned()).isTrue();
        assertThat(before.versions()).containsOnlyKeys("index.html", "config.js", "earlier.js");

        publisher.publish(MiniAppSite.fromClasspath(getClass().getClassLoader()), bucket, distributionId, "https://abc123.example");
        assertThat(contents(bucket)).isNotEqualTo(earlier);
        MiniAppPublisher.Result restored = publisher.restore(before, distributionId);

        assertThat(contents(bucket)).as("every object, its type and cache header, as before the publish").isEqualTo(earlier);
        assertThat(restored.uploaded()).containsExactlyInAnyOrder("index.html", "config.js", "earlier.js");
        assertThat(restored.deleted()).contains("app.js", "vendor/echarts.min.js").doesNotContain("index.html");
        assertThat(restored.invalidationId()).isNotBlank();
        // once more: nothing differs, nothing to invalidate
        MiniAppPublisher.Result again = publisher.restore(before, distributionId);
        assertThat(again.changed()).isFalse();
        assertThat(again.invalidationId()).isNull();
    }

    @Test
    void anUnversionedBucketCannotBeRestoredAndSaysSo() {
        MiniAppPublisher publisher = new MiniAppPublisher(s3, cloudFront);
        MiniAppPublisher.Snapshot before = publisher.snapshot("dr-daily-report-miniapp-dev");
        assertThat(before.versioned()).isFalse();
        assertThatThrownBy(() -> publisher.restore(before, distributionId)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not versioned");
    }

    private static Map<String, String> contents(String bucket) {
        Map<String, String> page = new java.util.TreeMap<>();
        for (var o : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            var object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(o.key()));
            page.put(o.key(), object.response().contentType() + " | " + object.response().cacheControl() + " | "
                    + object.asString(StandardCharsets.UTF_8));
        }
        return page;
    }

    @Test
    void aMalformedApiOriginIsRefusedBeforeAnythingIsUploaded() {
        MiniAppSite site = MiniAppSite.fromClasspath(getClass().getClassLoader());
        assertThatThrownBy(() -> new MiniAppPublisher(s3, cloudFront).publish(site, "dr-daily-report-miniapp-dev", distributionId,
                "javascript:alert(1)'"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("api base");
    }
}
