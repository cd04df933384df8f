package com.drdailyreport.deploy;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The deploy tool's command line: {@code mvn -pl deploy exec:java -Dexec.args="COMMAND …"}. AWS
 * clients use the SDK's standard settings (region, credentials, {@code AWS_ENDPOINT_URL} and the
 * service-specific variants), so the tool runs unchanged against an emulator.
 */
@Command(name = "deploy-tool", mixinStandardHelpOptions = true, version = "0.1.0",
        description = "DR Daily Report deploy tool.",
        subcommands = {DeployCli.PublishMiniApp.class, DeployCli.Affected.class, CommandLine.HelpCommand.class})
public final class DeployCli implements Callable<Integer> {

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DeployCli()).execute(args));
    }

    @Command(name = "affected-apps", mixinStandardHelpOptions = true,
            description = "Print the apps (one per line) that the change since --base touches; shared code, migrations, the build "
                    + "and infrastructure touch all of them.")
    static final class Affected implements Callable<Integer> {

        @Option(names = "--base", required = true, description = "the revision the change is compared with (e.g. the last deployed commit)")
        String base;

        @Option(names = "--repo", defaultValue = ".", description = "the repository (default: the current directory)")
        java.nio.file.Path repo;

        @Override
        public Integer call() {
            try {
                java.nio.file.Path root = repo.toAbsolutePath();
                // mvn -pl deploy runs in deploy/: the repository is the folder holding the manifest
                if (!java.nio.file.Files.exists(root.resolve("deploy/functions.json")) && root.getParent() != null
                        && java.nio.file.Files.exists(root.getParent().resolve("deploy/functions.json"))) {
                    root = root.getParent();
                }
                AffectedApps.fromRepository(root).forPaths(AffectedApps.changedPaths(root, base)).forEach(System.out::println);
                return 0;
            } catch (RuntimeException e) {
                System.err.println("affected-apps failed: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "publish-miniapp", mixinStandardHelpOptions = true,
            description = "Upload the Mini App page (as built in the miniapp module) to its S3 bucket and invalidate CloudFront.")
    static final class PublishMiniApp implements Callable<Integer> {

        @Option(names = "--bucket", required = true, description = "the Mini App bucket (Terraform output miniapp_bucket)")
        String bucket;

        @Option(names = "--distribution", required = true, description = "the CloudFront distribution id (output cloudfront_distribution_id)")
        String distribution;

        @Option(names = "--api-base", defaultValue = "", description = "the API's origin the page calls (output api_url); empty = same origin")
        String apiBase;

        @Override
        public Integer call() {
            // an emulator endpoint (AWS_ENDPOINT_URL…) has no bucket subdomains: address buckets by path there
            boolean emulator = System.getenv("AWS_ENDPOINT_URL") != null || System.getenv("AWS_ENDPOINT_URL_S3") != null;
            try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).forcePathStyle(emulator).build();
                 CloudFrontClient cloudFront = CloudFrontClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
                MiniAppPublisher.Result result = new MiniAppPublisher(s3, cloudFront)
                        .publish(MiniAppSite.fromClasspath(DeployCli.class.getClassLoader()), bucket, distribution, apiBase);
                System.out.printf("miniapp: %d uploaded, %d unchanged, %d deleted; %s%n", result.uploaded().size(),
                        result.unchanged().size(), result.deleted().size(),
                        result.invalidationId() == null ? "no invalidation needed" : "CloudFront invalidation " + result.invalidationId());
                result.uploaded().forEach(k -> System.out.println("  uploaded " + k));
                result.deleted().forEach(k -> System.out.println("  deleted  " + k));
                return 0;
            } catch (RuntimeException e) {
                System.err.println("publish-miniapp failed: " + e.getMessage());
                return 1;
            }
        }
    }
}
