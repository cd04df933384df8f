package com.drdailyreport.line;

import com.drdailyreport.shared.config.EnvironmentReader;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The line-bot's settings.
 *
 * @param channelSecret      LINE_CHANNEL_SECRET: the key of the {@code X-Line-Signature} HMAC
 * @param channelAccessToken LINE_CHANNEL_ACCESS_TOKEN: the bearer token of the Messaging API
 * @param apiBaseUrl         LINE_API_BASE_URL: the Messaging API (default LINE's production API;
 *                           tests and {@code local} point it at a loopback server)
 * @param miniAppUrl         MINIAPP_URL: the Mini App page the report card's button opens
 */
public record LineBotConfig(String channelSecret, String channelAccessToken, URI apiBaseUrl, URI miniAppUrl) {

    public static final URI LINE_API = URI.create("https://api.line.me");

    /** Reads the settings; records problems in {@code env} (call {@link EnvironmentReader#validate()} after). */
    public static LineBotConfig read(EnvironmentReader env) {
        String secret = env.required("LINE_CHANNEL_SECRET");
        String token = env.required("LINE_CHANNEL_ACCESS_TOKEN");
        URI api = url(env, "LINE_API_BASE_URL", env.optional("LINE_API_BASE_URL", LINE_API.toString()));
        URI miniApp = url(env, "MINIAPP_URL", env.required("MINIAPP_URL"));
        return new LineBotConfig(secret, token, api, miniApp);
    }

    private static URI url(EnvironmentReader env, String key, String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                env.invalid(key, "must be an http(s) URL with a host; was '" + value + "'");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            env.invalid(key, "is not a URL: " + e.getMessage());
            return null;
        }
    }

    @Override
    public String toString() {
        return "LineBotConfig[apiBaseUrl=" + apiBaseUrl + ", miniAppUrl=" + miniAppUrl + ", secrets hidden]";
    }
}
