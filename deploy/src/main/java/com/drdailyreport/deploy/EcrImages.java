package com.drdailyreport.deploy;

import java.util.List;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageAlreadyExistsException;

/**
 * The images of the environment's ECR repository, through ECR's API: whether it holds a digest
 * (Lambda pulls from there, whatever registry the image was pushed to), and the {@code release-*}
 * tag given to a digest once it is released — the lifecycle policy in {@code terraform/ecr.tf}
 * expires every image without one ({@code build-*} and untagged) after 14 days and keeps every
 * released one.
 */
final class EcrImages {

    /** Every push is tagged {@code build-<commit>-<time>}; the lifecycle policy expires these after 14 days. */
    static final String BUILD_TAG_PREFIX = "build-";
    /** A released digest is tagged {@code release-<commit>-<time>}; the lifecycle policy never expires these. */
    static final String RELEASE_TAG_PREFIX = "release-";

    private static final List<String> MANIFEST_TYPES = List.of("application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.index.v1+json");

    private final EcrClient ecr;
    private final String repository;

    /** @param repositoryUrl {@code ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME} (the environment's ecr_repository_url) */
    EcrImages(EcrClient ecr, String repositoryUrl) {
        this.ecr = ecr;
        this.repository = repositoryUrl.substring(repositoryUrl.indexOf('/') + 1);
    }

    String repository() {
        return repository;
    }

    /** The image of {@code digest}, or null when the repository does not hold it. */
    private Image image(String digest) {
        BatchGetImageResponse r = ecr.batchGetImage(b -> b.repositoryName(repository).imageIds(i -> i.imageDigest(digest))
                .acceptedMediaTypes(MANIFEST_TYPES));
        return r.images().isEmpty() ? null : r.images().get(0);
    }

    boolean holds(String digest) {
        return image(digest) != null;
    }

    /** Adds {@code tag} to the image of {@code digest} (ECR's PutImage with the manifest it holds); a tag it has already is fine. */
    void tag(String digest, String tag) {
        Image image = image(digest);
        if (image == null) {
            throw new IllegalStateException("ECR repository " + repository + " does not hold " + digest + ": it cannot be tagged " + tag);
        }
        try {
            ecr.putImage(b -> b.repositoryName(repository).imageManifest(image.imageManifest())
                    .imageManifestMediaType(image.imageManifestMediaType()).imageDigest(digest).imageTag(tag));
        } catch (ImageAlreadyExistsException already) {
            // this digest carries the tag already
        }
    }
}
