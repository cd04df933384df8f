package com.drdailyreport.telegram;

import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Validates Telegram Mini App initData (the {@code X-Telegram-Init-Data} header) as Telegram
 * publishes it: the data-check-string is every field but {@code hash}, sorted by key, as
 * {@code key=value} lines; the secret key is HMAC-SHA256("WebAppData", bot token); the hash is
 * the hex HMAC-SHA256 of the data-check-string under that key, compared in constant time.
 * Additionally: {@code auth_date} is required and at most 24 hours old (and not in the future),
 * a key given twice is refused, and {@code user.id} is required.
 */
public final class InitDataValidator {

    static final Duration MAX_AGE = Duration.ofHours(24);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_LENGTH = 8_192;

    /** Why initData was refused; the message is safe to show. */
    public static final class InvalidInitDataException extends RuntimeException {
        InvalidInitDataException(String message) {
            super(message);
        }
    }

    private final byte[] secretKey;

    public InitDataValidator(String botToken) {
        this.secretKey = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws InvalidInitDataException naming what is wrong
     */
    public TelegramUser validate(String initData, Instant now) {
        if (initData == null || initData.isBlank()) {
            throw new InvalidInitDataException("initData is empty");
        }
        if (initData.length() > MAX_LENGTH) {
            throw new InvalidInitDataException("initData is too long");
        }
        Map<String, String> fields = new TreeMap<>();
        for (String pair : initData.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key;
            String value;
            try {
                key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidInitDataException("initData is not URL-encoded");
            }
            if (fields.put(key, value) != null) {
                throw new InvalidInitDataException("initData repeats the field " + (key.length() > 40 ? key.substring(0, 40) : key));
            }
        }
        String hash = fields.remove("hash");
        if (hash == null || hash.isEmpty()) {
            throw new InvalidInitDataException("initData has no hash");
        }
        StringBuilder check = new StringBuilder();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (!check.isEmpty()) {
                check.append('\n');
            }
            check.append(e.getKey()).append('=').append(e.getValue());
        }
        byte[] expected = HexFormat.of().formatHex(hmac(secretKey, check.toString().getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, hash.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidInitDataException("initData signature does not match");
        }
        String authDate = fields.get("auth_date");
        if (authDate == null) {
            throw new InvalidInitDataException("initData has no auth_date");
        }
        Instant issued;
        try {
            issued = Instant.ofEpochSecond(Long.parseLong(authDate));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new InvalidInitDataException("initData auth_date is not a timestamp");
        }
        if (issued.isBefore(now.minus(MAX_AGE))) {
            throw new InvalidInitDataException("initData has expired (older than 24 hours)");
        }
        if (issued.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInitDataException("initData auth_date is in the future");
        }
        String userJson = fields.get("user");
        if (userJson == null) {
            throw new InvalidInitDataException("initData has no user");
        }
        JsonNode user;
        try {
            user = Json.read(userJson);
        } catch (IllegalArgumentException e) {
            throw new InvalidInitDataException("initData user is not JSON");
        }
        JsonNode id = user.path("id");
        if (!id.canConvertToLong()) {
            throw new InvalidInitDataException("initData user has no id");
        }
        return new TelegramUser(Long.toString(id.asLong()), user.path("username").isTextual() ? user.get("username").asText() : null);
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
