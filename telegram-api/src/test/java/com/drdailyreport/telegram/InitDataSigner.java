package com.drdailyreport.telegram;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds Telegram Mini App initData the way Telegram's servers sign it (core.telegram.org/bots/webapps,
 * "Validating data received via the Mini App"), written here independently of the production
 * validator: data_check_string = the fields except hash, sorted by key, "key=value" joined with
 * '\n'; secret_key = HMAC_SHA256(key "WebAppData", message bot_token); hash = hex(HMAC_SHA256(key
 * secret_key, message data_check_string)). The query string is URL-encoded.
 */
final class InitDataSigner {

    private InitDataSigner() {
    }

    static Map<String, String> fields(long userId, long authDate) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("query_id", "AAHdF6IQAAAAAN0XohDhrOrc");
        fields.put("user", "{\"id\":" + userId + ",\"first_name\":\"Somchai\",\"last_name\":\"\",\"username\":\"somchai_dr\","
                + "\"language_code\":\"th\",\"allows_write_to_pm\":true}");
        fields.put("auth_date", Long.toString(authDate));
        return fields;
    }

    static String hash(Map<String, String> fields, String botToken) {
        StringBuilder check = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(fields).entrySet()) {
            if (e.getKey().equals("hash")) {
                continue;
            }
            if (!check.isEmpty()) {
                check.append('\n');
            }
            check.append(e.getKey()).append('=').append(e.getValue());
        }
        byte[] secret = mac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken.getBytes(StandardCharsets.UTF_8));
        byte[] digest = mac(secret, check.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    /** Signed initData for the fields. */
    static String sign(Map<String, String> fields, String botToken) {
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.put("hash", hash(fields, botToken));
        return encode(signed);
    }

    static String encode(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private static byte[] mac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
