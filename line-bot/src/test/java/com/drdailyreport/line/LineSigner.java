package com.drdailyreport.line;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** X-Line-Signature computed as LINE documents it (Base64 of HMAC-SHA256 over the raw body, key = channel secret), independently of the SDK. */
final class LineSigner {

    private LineSigner() {
    }

    static String sign(byte[] body, String channelSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(channelSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
