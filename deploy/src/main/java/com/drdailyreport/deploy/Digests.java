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
        return repository(repositoryUrl) + "@" + digest;
    }

    /** {@code HOST/PATH} of {@code HOST/PATH[:TAG][@DIGEST]}. */
    static String repository(String imageUri) {
        String r = imageUri;
        int at = r.indexOf('@');
        if (at >= 0) {
            r = r.substring(0, at);
        }
        int slash = r.lastIndexOf('/');
        int colon = r.lastIndexOf(':');
        return colon > slash ? r.substring(0, colon) : r;
    }

    /** First 12 hex digits, for tables. */
    static String shortForm(String digest) {
        return digest == null ? "-" : digest.startsWith("sha256:") && digest.length() >= 19 ? digest.substring(7, 19) : digest;
    }
}
