package com.drdailyreport.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Puts the Mini App page into its S3 bucket and makes CloudFront serve the new version: uploads
 * the files whose content changed (compared by MD5 with the object's ETag), removes objects that
 * are no longer part of the page, writes {@code config.js} with the API's origin, and — only when
 * something changed — invalidates {@code /*}. Publishing the same page twice changes nothing.
 * {@link #snapshot} and {@link #restore} put the page back as it was before a publish (the bucket is
 * versioned, as Terraform creates it): what a rolled-back deploy does with the page.
 */
public final class MiniAppPublisher {

    /** What one publish did. */
    public record Result(List<String> uploaded, List<String> unchanged, List<String> deleted, String invalidationId) {
        public boolean changed() {
            return !uploaded.isEmpty() || !deleted.isEmpty();
        }
    }

    private static final Pattern API_BASE = Pattern.compile("apiBase:\\s*'[^']*'");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "txt", "text/plain; charset=utf-8");

    private final S3Client s3;
    private final CloudFrontClient cloudFront;

    public MiniAppPublisher(S3Client s3, CloudFrontClient cloudFront) {
        this.s3 = s3;
        this.cloudFront = cloudFront;
    }

    /**
     * @param apiBase the API's origin the page calls ({@code https://…execute-api…}); empty for the page's own origin
     */
    public Result publish(MiniAppSite site, String bucket, String distributionId, String apiBase) {
        Map<String, byte[]> files = new TreeMap<>(site.files());
        files.put("config.js", withApiBase(files.get("config.js"), apiBase));

        Map<String, String> existing = new HashMap<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            existing.put(o.key(), o.eTag() == null ? "" : o.eTag().replace("\"", ""));
        }
        List<String> uploaded = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String key = file.getKey();
            if (md5(file.getValue()).equals(existing.get(key))) {
                unchanged.add(key);
                continue;
            }
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType(key)).cacheControl(cacheControl(key)),
                    RequestBody.fromBytes(file.getValue()));
            uploaded.add(key);
        }
        List<String> deleted = new ArrayList<>();
        for (String key : existing.keySet().stream().sorted().toList()) {
            if (!files.containsKey(key)) {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
                deleted.add(key);
            }
        }
        return new Result(List.copyOf(uploaded), List.copyOf(unchanged), List.copyOf(deleted), invalidate(distributionId, uploaded, deleted));
    }

    /** Invalidates {@code /*} when something changed; the invalidation's id, or null. */
    private String invalidate(String distributionId, List<String> uploaded, List<String> deleted) {
        if (uploaded.isEmpty() && deleted.isEmpty()) {
            return null;
        }
        String reference = "miniapp-" + md5(String.join("\n", uploaded).concat("|").concat(String.join("\n", deleted))
                .concat("|").concat(Long.toString(System.currentTimeMillis())).getBytes(StandardCharsets.UTF_8));
        return cloudFront.createInvalidation(b -> b.distributionId(distributionId).invalidationBatch(batch -> batch
                .callerReference(reference).paths(p -> p.quantity(1).items("/*")))).invalidation().id();
    }

    /**
     * The page in the bucket as it is now: each object's current version (and its ETag, which tells
     * whether the object now holds the same content, whatever version it is).
     *
     * @param versioned whether the bucket keeps overwritten versions (only then can {@link #restore} bring them back)
     */
    public record Snapshot(String bucket, boolean versioned, Map<String, Version> versions) {
        public Snapshot {
            versions = java.util.Collections.unmodifiableMap(new TreeMap<>(versions));
        }
    }

    /** One object version: its id and ETag. */
    public record Version(String id, String eTag) {
    }

    public Snapshot snapshot(String bucket) {
        boolean versioned = BucketVersioningStatus.ENABLED == s3.getBucketVersioning(b -> b.bucket(bucket)).status();
        Map<String, Version> versions = new TreeMap<>();
        for (ObjectVersion v : s3.listObjectVersionsPaginator(b -> b.bucket(bucket)).versions()) {
            if (Boolean.TRUE.equals(v.isLatest())) {
                versions.put(v.key(), new Version(v.versionId(), v.eTag() == null ? "" : v.eTag().replace("\"", "")));
            }
        }
        return new Snapshot(bucket, versioned, versions);
    }

    /**
     * Puts the bucket back on {@code before}: every object whose content differs (by ETag) becomes the
     * version it was (a server-side copy, which keeps its type and cache headers), objects the page
     * did not have are deleted, and CloudFront is invalidated when anything changed.
     */
    public Result restore(Snapshot before, String distributionId) {
        if (!before.versioned()) {
            throw new IllegalStateException("bucket " + before.bucket() + " is not versioned (Terraform enables versioning): "
                    + "the page it held before cannot be brought back");
        }
        Map<String, Version> now = snapshot(before.bucket()).versions();
        List<String> restored = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Map.Entry<String, Version> e : before.versions().entrySet()) {
            Version current = now.get(e.getKey());
            if (current != null && (current.id().equals(e.getValue().id()) || current.eTag().equals(e.getValue().eTag()))) {
                unchanged.add(e.getKey());
                continue;
            }
            s3.copyObject(b -> b.sourceBucket(before.bucket()).sourceKey(e.getKey()).sourceVersionId(e.getValue().id())
                    .destinationBucket(before.bucket()).destinationKey(e.getKey()));
            restored.add(e.getKey());
        }
        List<String> deleted = new ArrayList<>();
        for (String key : now.keySet()) {
            if (!before.versions().containsKey(key)) {
                s3.deleteObject(b -> b.bucket(before.bucket()).key(key));
                deleted.add(key);
            }
        }
        return new Result(List.copyOf(restored), List.copyOf(unchanged), List.copyOf(deleted), invalidate(distributionId, restored, deleted));
    }

    /** config.js with {@code apiBase} set; the page's own file is the template. */
    static byte[] withApiBase(byte[] config, String apiBase) {
        if (config == null) {
            throw new IllegalStateException("the Mini App has no config.js");
        }
        String base = apiBase == null ? "" : apiBase.strip();
        if (!base.isEmpty() && !base.matches("https?://[A-Za-z0-9.\\-]+(:\\d+)?(/[A-Za-z0-9._~\\-/]*)?")) {
            throw new IllegalArgumentException("api base must be an http(s) origin, was '" + apiBase + "'");
        }
        String text = new String(config, StandardCharsets.UTF_8);
        Matcher m = API_BASE.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("config.js has no apiBase setting to fill");
        }
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return m.replaceFirst(Matcher.quoteReplacement("apiBase: '" + trimmed + "'")).getBytes(StandardCharsets.UTF_8);
    }

    static String contentType(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "application/octet-stream" : TYPES.getOrDefault(key.substring(dot + 1).toLowerCase(java.util.Locale.ROOT),
                "application/octet-stream");
    }

    /** The entry points are revalidated on every load; the rest may be cached briefly. */
    static String cacheControl(String key) {
        return key.endsWith(".html") || key.equals("config.js") ? "no-cache" : "public, max-age=300";
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
