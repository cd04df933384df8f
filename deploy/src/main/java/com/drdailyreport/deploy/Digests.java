package com.drdailyreport.deploy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Image digests inside image URIs ({@code repo@sha256:…}). */
final class Digests {

    private static final Pattern DIGEST = Pattern.compile("@(sha256:[0-9a-f]{64})$");

    private Digests() {
    }

    /** The {@code sha256:…} an image URI pins, or null when it names a tag or nothing. */
    static String of(String imageUri) {
        if (imageUri == null) {
            return null;
        }
        Matcher m = DIGEST.matcher(imageUri);
        return m.find() ? m.group(1) : null;
    }

    /** {@code repository@digest}, the repository taken from a URI with or without tag/digest. */
    static String pin(String repositoryUrl, String digest) {
        return com.drdailyreport.image.LambdaImage.pinned(repositoryUrl, digest);
    }

    /** First 12 hex digits, for tables. */
    static String shortForm(String digest) {
        return digest == null ? "-" : digest.startsWith("sha256:") && digest.length() >= 19 ? digest.substring(7, 19) : digest;
    }
}
