package com.drdailyreport.deploy;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS clients of one run, configured from an environment map with the SDK's standard names —
 * {@code AWS_REGION}/{@code AWS_DEFAULT_REGION}, {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/
 * {@code AWS_SESSION_TOKEN} (else the default credential chain: profiles, SSO, web identity, instance
 * roles), {@code AWS_ENDPOINT_URL} and the service-specific {@code AWS_ENDPOINT_URL_<SERVICE>}
 * (e.g. {@code AWS_ENDPOINT_URL_LAMBDA}), {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} — read from the
 * map given rather than the process, so a test can point one run at an emulator.
 */
public final class Aws implements AutoCloseable {

    private final Map<String, String> env;
    private final Region region;
    private final AwsCredentialsProvider credentials;

    private LambdaClient lambda;
    private EcrClient ecr;
    private StsClient sts;
    private SsmClient ssm;
    private CloudWatchLogsClient logs;
    private SfnClient sfn;
    private SchedulerClient scheduler;
    private S3Client s3;
    private CloudFrontClient cloudFront;

    public Aws(Map<String, String> env) {
        this.env = Map.copyOf(env);
        String r = first(env, "AWS_REGION", "AWS_DEFAULT_REGION");
        try {
            this.region = r != null ? Region.of(r) : new DefaultAwsRegionProviderChain().getRegion();
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw new IllegalArgumentException("no AWS region: set AWS_REGION (or a profile's region)", e);
        }
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (key != null && !key.isBlank() && secret != null && !secret.isBlank()) {
            String token = env.get("AWS_SESSION_TOKEN");
            this.credentials = StaticCredentialsProvider.create(token == null || token.isBlank()
                    ? AwsBasicCredentials.create(key, secret) : AwsSessionCredentials.create(key, secret, token));
        } else {
            this.credentials = DefaultCredentialsProvider.builder().build();
        }
    }

    public Region region() {
        return region;
    }

    /** True when any endpoint is overridden (an emulator): S3 then addresses buckets by path. */
    public boolean customEndpoints() {
        return !ignoreEndpoints() && env.keySet().stream().anyMatch(k -> k.startsWith("AWS_ENDPOINT_URL"));
    }

    private boolean ignoreEndpoints() {
        return "true".equalsIgnoreCase(env.getOrDefault("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", ""));
    }

    /** {@code AWS_ENDPOINT_URL_<SERVICE>}, else {@code AWS_ENDPOINT_URL}, else none. */
    String endpoint(String serviceId) {
        if (ignoreEndpoints()) {
            return null;
        }
        String specific = env.get("AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT).replace(' ', '_'));
        if (specific != null && !specific.isBlank()) {
            return specific;
        }
        String global = env.get("AWS_ENDPOINT_URL");
        return global == null || global.isBlank() ? null : global;
    }

    private <B extends AwsClientBuilder<B, C>, C> C build(B builder, String serviceId) {
        builder.region(region).credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder().build());
        String endpoint = endpoint(serviceId);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    private static UrlConnectionHttpClient.Builder http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(java.time.Duration.ofSeconds(10))
                .socketTimeout(java.time.Duration.ofMinutes(6)); // a synchronous schema-migrator run may take minutes
    }

    public synchronized LambdaClient lambda() {
        return lambda != null ? lambda : (lambda = build(LambdaClient.builder().httpClientBuilder(http()), "Lambda"));
    }

    public synchronized EcrClient ecr() {
        return ecr != null ? ecr : (ecr = build(EcrClient.builder().httpClientBuilder(http()), "ECR"));
    }

    public synchronized StsClient sts() {
        return sts != null ? sts : (sts = build(StsClient.builder().httpClientBuilder(http()), "STS"));
    }

    public synchronized SsmClient ssm() {
        return ssm != null ? ssm : (ssm = build(SsmClient.builder().httpClientBuilder(http()), "SSM"));
    }

    public synchronized CloudWatchLogsClient logs() {
        return logs != null ? logs : (logs = build(CloudWatchLogsClient.builder().httpClientBuilder(http()), "CloudWatch Logs"));
    }

    public synchronized SfnClient sfn() {
        return sfn != null ? sfn : (sfn = build(SfnClient.builder().httpClientBuilder(http()), "SFN"));
    }

    public synchronized SchedulerClient scheduler() {
        return scheduler != null ? scheduler : (scheduler = build(SchedulerClient.builder().httpClientBuilder(http()), "Scheduler"));
    }

    public synchronized S3Client s3() {
        return s3 != null ? s3 : (s3 = build(S3Client.builder().httpClientBuilder(http()).forcePathStyle(customEndpoints()), "S3"));
    }

    public synchronized CloudFrontClient cloudFront() {
        return cloudFront != null ? cloudFront : (cloudFront = build(CloudFrontClient.builder().httpClientBuilder(http()), "CloudFront"));
    }

    private static String first(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {lambda, ecr, sts, ssm, logs, sfn, scheduler, s3, cloudFront}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing is best effort
                }
            }
        }
    }
}
